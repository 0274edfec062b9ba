/// A change as submitted: what it is, who owns it, how it is routed, and the four fields the
/// owner must articulate (blast radius, rollback plan, verification, deployment window).
public struct Change: Hashable, Sendable {
    public var id: String
    public var title: String
    public var owner: String
    public var team: String
    public var type: ChangeType
    public var category: ChangeCategory
    public var risk: Risk
    public var route: Route
    /// Names of the services the change touches, in the submitter's order.
    public var services: [String]
    public var filesChanged: Int?
    public var hasMigration: Bool?
    public var blastRadius: String
    public var rollbackPlan: String
    public var rollbackMinutes: Int?
    public var verification: String
    public var windowStart: Timestamp?
    public var windowEnd: Timestamp?
    public var submittedAt: Timestamp
    public var state: ChangeState
    public var migrationChecklist: MigrationChecklist?
    /// Configuration the change touches that needs mandatory review (resource limits, networking, IAM).
    public var touches: [ConfigArea]
    /// When the change reached production, if recorded (emergencies ship before the board sees them).
    public var deployedAt: Timestamp?

    public init(
        id: String, title: String, owner: String, team: String, type: ChangeType, category: ChangeCategory,
        risk: Risk, route: Route, services: [String], filesChanged: Int? = nil, hasMigration: Bool? = nil,
        blastRadius: String, rollbackPlan: String, rollbackMinutes: Int? = nil, verification: String,
        windowStart: Timestamp?, windowEnd: Timestamp?, submittedAt: Timestamp, state: ChangeState,
        migrationChecklist: MigrationChecklist? = nil, touches: [ConfigArea] = [], deployedAt: Timestamp? = nil
    ) {
        self.id = id; self.title = title; self.owner = owner; self.team = team
        self.type = type; self.category = category; self.risk = risk; self.route = route
        self.services = services; self.filesChanged = filesChanged; self.hasMigration = hasMigration
        self.blastRadius = blastRadius; self.rollbackPlan = rollbackPlan; self.rollbackMinutes = rollbackMinutes
        self.verification = verification; self.windowStart = windowStart; self.windowEnd = windowEnd
        self.submittedAt = submittedAt; self.state = state; self.migrationChecklist = migrationChecklist
        self.touches = touches; self.deployedAt = deployedAt
    }

    /// The change as submitted, without its workflow state: two records with the same id are
    /// the same change when these agree (the state moves with decisions).
    public func sameSubmission(as other: Change) -> Bool {
        var mine = self
        mine.state = other.state
        return mine == other
    }

    /// The first field in which `other` differs from this change, for conflict messages.
    public func firstDifference(from other: Change) -> String? {
        let fields: [(String, Bool)] = [
            ("title", title == other.title), ("owner", owner == other.owner), ("team", team == other.team),
            ("type", type == other.type), ("category", category == other.category), ("risk", risk == other.risk),
            ("route", route == other.route), ("services", services == other.services),
            ("filesChanged", filesChanged == other.filesChanged), ("hasMigration", hasMigration == other.hasMigration),
            ("blastRadius", blastRadius == other.blastRadius), ("rollbackPlan", rollbackPlan == other.rollbackPlan),
            ("rollbackMinutes", rollbackMinutes == other.rollbackMinutes), ("verification", verification == other.verification),
            ("windowStart", windowStart == other.windowStart), ("windowEnd", windowEnd == other.windowEnd),
            ("submittedAt", submittedAt == other.submittedAt), ("migrationChecklist", migrationChecklist == other.migrationChecklist),
            ("touches", touches == other.touches), ("deployedAt", deployedAt == other.deployedAt),
        ]
        return fields.first { !$0.1 }?.0
    }
}
