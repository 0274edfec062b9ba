/// What the risk rules need beyond a change: the service graph, each service's history, the
/// risk policy, the freezes, and the changes whose windows may collide with it.
public struct RiskContext: Sendable {
    public var graph: ServiceGraph
    public var history: [String: ServiceHistory]
    public var policy: RiskPolicy
    public var freezes: [Freeze]
    /// Pending changes with a window near the assessed ones'.
    public var neighbours: [Change]
    /// The latest closed review's lesson of each touched service.
    public var lessons: [String: ServiceLesson]

    public init(
        graph: ServiceGraph, history: [String: ServiceHistory], policy: RiskPolicy, freezes: [Freeze] = [], neighbours: [Change] = [],
        lessons: [String: ServiceLesson] = [:]
    ) {
        self.graph = graph; self.history = history; self.policy = policy; self.freezes = freezes; self.neighbours = neighbours
        self.lessons = lessons
    }

    public func assess(_ change: Change) -> ChangeAssessment { ChangeAssessment(change: change, context: self) }
}

/// Everything automation finds about one change, for the card, the queue and `cab change show`:
/// its blast radius and the last incident there, its risk score with the parts, conflicts with
/// other changes, freezes it falls in, the review gates these add, and lessons learned on its services.
public struct ChangeAssessment: Hashable, Sendable {
    public var impact: BlastRadius
    public var lastIncident: LastIncident?
    public var risk: RiskScore
    public var conflicts: [Conflict]
    public var freezes: [Freeze]
    /// Config areas that make a review mandatory whatever the stated risk.
    public var mandatoryReview: [ConfigArea]
    /// Lessons of closed reviews of incidents on the services the change touches.
    public var lessons: [ServiceLesson]

    public init(change: Change, context: RiskContext) {
        impact = context.graph.impact(of: change.services)
        lastIncident = context.history.lastIncident(among: impact.affected)
        risk = context.policy.model.score(RiskFeatures(change: change, radius: impact, history: context.history),
                                          threshold: context.policy.threshold)
        conflicts = Conflict.find(for: change, among: context.neighbours, graph: context.graph)
        if let start = change.windowStart, let end = change.windowEnd {
            freezes = context.freezes.filter { $0.overlaps(start: start, end: end) }
        } else {
            freezes = []
        }
        mandatoryReview = change.touches
        lessons = ServiceLesson.forServices(change.services, in: context.lessons)
    }

    /// The review gates automation adds, in words: empty when none.
    public var gates: [String] {
        var gates: [String] = []
        if !mandatoryReview.isEmpty { gates.append("mandatory review: touches \(mandatoryReview.map(\.rawValue).joined(separator: ", "))") }
        if risk.isOverThreshold {
            gates.append("risk review: score \(FigureText.percent(risk.probability)) over the \(FigureText.percent(risk.threshold)) threshold")
        }
        return gates
    }

    /// One line per flag: conflicts, freezes and gates.
    public var flags: [String] {
        conflicts.map { "conflicts with \($0.other) (\(Self.cut($0.otherTitle, to: 40))): \($0.reason); windows overlap \(Conflict.span($0.overlapStart, $0.overlapEnd))" }
            + freezes.map { "window falls in freeze \($0.id) (\($0.reason), \(Conflict.span($0.from, $0.to)))" }
            + gates
    }

    /// At most `length` characters of `title`, ending in `…` when cut; where it is shown, the
    /// text is drawn inert and fitted to the columns there.
    static func cut(_ title: String, to length: Int) -> String {
        title.count > length ? String(title.prefix(length - 1)) + "…" : title
    }
}

extension Conflict {
    /// `2026-11-27 14:00Z → 15:00Z`, the day repeated only when it changes.
    static func span(_ start: Timestamp, _ end: Timestamp) -> String {
        let from = start.iso8601.prefix(16).replacingOccurrences(of: "T", with: " ") + "Z"
        let to = end.day == start.day ? String(end.iso8601.dropFirst(11).prefix(5)) + "Z" : end.iso8601.prefix(16).replacingOccurrences(of: "T", with: " ") + "Z"
        return "\(from) → \(to)"
    }
}
