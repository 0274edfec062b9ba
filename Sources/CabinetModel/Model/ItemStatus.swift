/// Where an item of a day's board stands, in the one vocabulary the board's queue and `cab queue`
/// share: the decision made that day, else the item's clock, else its readiness. A deferral from
/// an earlier meeting is not a decision of the day: the change is back to be decided.
public enum ItemStatus: Hashable, Sendable {
    case decided(Outcome)
    /// An emergency back for its post-implementation review: reviewed, or the review is due.
    case reviewed(PIROutcome)
    case reviewDue
    /// Submitted after the agenda was frozen: it goes to the next meeting.
    case late
    case presenting, paused
    /// Its time is over and it is not decided yet.
    case toDecide
    case ready, notReady

    /// How far the item's clock went, for the status of an undecided item.
    public enum Clock: Hashable, Sendable {
        case notStarted, running, paused, ended
    }

    /// The status of `entry` on the board of the UTC day `day`.
    public init(_ entry: QueueEntry, day: String, isLate: Bool = false, clock: Clock = .notStarted) {
        if let decision = entry.decision(on: day) {
            self = .decided(decision.outcome)
            return
        }
        if let review = entry.pir {
            self = .reviewed(review.outcome)
            return
        }
        if isLate {
            self = .late
            return
        }
        switch clock {
        case .running: self = .presenting
        case .paused: self = .paused
        case .ended: self = .toDecide
        case .notStarted where entry.kind == .pir: self = .reviewDue
        case .notStarted: self = entry.readiness.isReady ? .ready : .notReady
        }
    }

    /// The status in a table cell: "approved", "conditional", "deferred", "to decide", "not ready".
    public var text: String {
        switch self {
        case .decided(.approved): "approved"
        case .decided(.approvedWithConditions): "conditional"
        case .decided(.rejected): "rejected"
        case .decided(.deferred): "deferred"
        case .reviewed(.accepted): "PIR accepted"
        case .reviewed(.followUpRequired): "PIR follow-up"
        case .reviewDue: "PIR due"
        case .late: "next meeting"
        case .presenting: "presenting"
        case .paused: "paused"
        case .toDecide: "to decide"
        case .ready: "ready"
        case .notReady: "not ready"
        }
    }
}

extension QueueEntry {
    /// The change's decision made on the UTC day `day`, if its latest decision was made then.
    public func decision(on day: String) -> Decision? {
        latestDecision.flatMap { $0.at.day == day ? $0 : nil }
    }

    /// The deferral from an earlier meeting that brought the change back to the board of `day`, if
    /// any, with its reason (a deferral recorded before targets gives its whole note).
    public func deferral(before day: String) -> (decision: Decision, reason: String)? {
        guard let decision = latestDecision, decision.outcome == .deferred, decision.at.day < day else { return nil }
        return (decision, Deferral(decision)?.reason ?? decision.note ?? "")
    }
}
