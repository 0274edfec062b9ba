/// Whether a change can be presented: the four fields articulated, a rollback of at most five
/// minutes, a deployment window that is set, ordered and ahead, and, for schema changes, the
/// migration checklist answered.
public struct Readiness: Hashable, Sendable {
    /// A rollback longer than this means the change needs more preparation.
    public static let maximumRollbackMinutes = 5

    public var blastRadius: Bool
    public var rollbackPlan: Bool
    public var verification: Bool
    public var window: Bool
    /// What keeps the change from being ready, in words a presenter can act on.
    public var problems: [String]

    public var isReady: Bool { problems.isEmpty }

    /// How an approval of a change that is not ready carries the chair's reason in its note (and
    /// so in the minutes), from the board and from `cab decide --override` alike.
    public static func overrideNote(_ reason: String) -> String { "not-ready override: \(reason)" }

    public init(change: Change, now: Timestamp) {
        var problems: [String] = []
        blastRadius = !change.blastRadius.isBlank
        if !blastRadius { problems.append("blast radius is missing") }

        var rollback = !change.rollbackPlan.isBlank
        if !rollback { problems.append("rollback plan is missing") }
        if let minutes = change.rollbackMinutes {
            if minutes > Readiness.maximumRollbackMinutes {
                rollback = false
                problems.append("rollback takes \(minutes) min (over \(Readiness.maximumRollbackMinutes)): needs more preparation")
            }
        } else {
            rollback = false
            problems.append("rollback time is not stated")
        }
        rollbackPlan = rollback

        verification = !change.verification.isBlank
        if !verification { problems.append("verification criteria are missing") }

        switch (change.windowStart, change.windowEnd) {
        case (let start?, let end?):
            if end <= start {
                problems.append("deployment window ends before it starts")
            } else if start < now {
                problems.append("deployment window starts in the past (\(start.iso8601))")
            }
        default:
            problems.append("deployment window is not set")
        }
        window = problems.allSatisfy { !$0.hasPrefix("deployment window") }

        if change.category == .databaseSchema || change.hasMigration == true {
            let unanswered = (change.migrationChecklist ?? MigrationChecklist()).unanswered
            if !unanswered.isEmpty {
                problems.append("migration checklist: \(unanswered.count) unanswered (\(unanswered.joined(separator: ", ")))")
            }
        }
        self.problems = problems
    }
}

extension String {
    public var isBlank: Bool { allSatisfy(\.isWhitespace) }
}
