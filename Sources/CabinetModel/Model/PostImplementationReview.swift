/// The board's post-implementation review (PIR) of an emergency change, recorded once at the
/// meeting after it shipped: a record of its own, append-only, never a decision (emergencies
/// are not decided, and the decision chain stays the board's decisions only).
public struct PostImplementationReview: Hashable, Sendable {
    public var change: String
    public var outcome: PIROutcome
    public var at: Timestamp
    public var by: String
    /// The meeting (a UTC day) at which it was reviewed, when it was.
    public var meeting: String?
    /// What follows up, required with `follow-up-required`.
    public var note: String?

    public init(change: String, outcome: PIROutcome, at: Timestamp, by: String, meeting: String? = nil, note: String? = nil) {
        self.change = change; self.outcome = outcome; self.at = at; self.by = by; self.meeting = meeting; self.note = note
    }
}

/// What the board concludes of an emergency change once it shipped.
public enum PIROutcome: String, Vocabulary {
    case accepted
    case followUpRequired = "follow-up-required"
}

/// What kind of item an agenda entry is: a change waiting for (or given) the board's decision,
/// or an emergency change back for its post-implementation review.
public enum AgendaItemKind: String, Vocabulary {
    case review, pir
}
