/// A decision about a change. Decisions are never edited: a correction is a new decision whose
/// `supersedes` names the one it corrects.
public struct Decision: Hashable, Sendable {
    /// Client-generated, so a retried write is recorded once.
    public var id: String
    public var change: String
    public var outcome: Outcome
    public var at: Timestamp
    public var by: String
    public var conditions: String?
    public var note: String?
    public var supersedes: String?
    /// Who ran the write that recorded it (the database login, or the system user on SQLite),
    /// beside the `by` it names; set by the store.
    public var recordedBy: String?
    /// The change's risk score (a probability, in millionths) when the decision was recorded, as
    /// the board saw it; set by the store. `nil` for decisions recorded before scores were kept.
    public var riskScore: Double?

    public init(
        id: String, change: String, outcome: Outcome, at: Timestamp, by: String,
        conditions: String? = nil, note: String? = nil, supersedes: String? = nil, recordedBy: String? = nil, riskScore: Double? = nil
    ) {
        self.id = id; self.change = change; self.outcome = outcome; self.at = at; self.by = by
        self.conditions = conditions; self.note = note; self.supersedes = supersedes; self.recordedBy = recordedBy
        self.riskScore = riskScore.map(Self.millionths)
    }

    /// A score rounded to millionths: what a decision keeps and its hash covers.
    public static func millionths(_ score: Double) -> Double { (score * 1_000_000).rounded() / 1_000_000 }

    /// The same decision as `other`, whoever recorded each copy: what a repeated write or import compares.
    public func sameRecord(as other: Decision) -> Bool {
        var other = other
        other.recordedBy = recordedBy
        return self == other
    }
}

extension Decision {
    /// The id of a decision a document states without one: the same decision always gets the
    /// same id, so importing it twice records it once.
    public static func naturalID(change: String, at: Timestamp, by: String) -> String {
        "\(change)@\(at.iso8601)/\(by)"
    }
}
