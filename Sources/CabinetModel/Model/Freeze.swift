/// A freeze (blackout) window `[from, to)`: no change should deploy inside it.
public struct Freeze: Hashable, Sendable {
    /// `FRZ-1`, `FRZ-2`, … in the order freezes were added.
    public var id: String
    public var from: Timestamp
    public var to: Timestamp
    public var reason: String
    public var addedBy: String

    public init(id: String, from: Timestamp, to: Timestamp, reason: String, addedBy: String) {
        self.id = id; self.from = from; self.to = to; self.reason = reason; self.addedBy = addedBy
    }

    /// Whether a deployment window `[start, end)` overlaps the freeze.
    public func overlaps(start: Timestamp, end: Timestamp) -> Bool { start < to && from < end }
}
