/// The blameless review of an incident caused by a change the board approved: opened with the
/// incident, then answered (did the rollback work, in how long, did verification catch it) and closed.
public struct Review: Hashable, Sendable {
    /// The incident reviewed, and the approved change it is blamed on.
    public var incident: String
    public var change: String
    public var openedAt: Timestamp
    public var rollbackWorked: Bool?
    public var rollbackMinutesTaken: Int?
    public var verificationCaught: Bool?
    public var note: String?
    public var closedAt: Timestamp?
    public var closedBy: String?

    public init(
        incident: String, change: String, openedAt: Timestamp, rollbackWorked: Bool? = nil, rollbackMinutesTaken: Int? = nil,
        verificationCaught: Bool? = nil, note: String? = nil, closedAt: Timestamp? = nil, closedBy: String? = nil
    ) {
        self.incident = incident; self.change = change; self.openedAt = openedAt; self.rollbackWorked = rollbackWorked
        self.rollbackMinutesTaken = rollbackMinutesTaken; self.verificationCaught = verificationCaught; self.note = note
        self.closedAt = closedAt; self.closedBy = closedBy
    }

    public var isOpen: Bool { closedAt == nil }

    /// Incidents of imported history older than this many days are listed as not reviewed, not opened in bulk.
    public static let openingWindowDays: Int64 = 30
}
