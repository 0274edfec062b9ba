/// Where a summary kept by the store's triggers no longer matches what its rows give: the
/// summary, the row (a service, or a route's ISO week), and both readings, as `cab audit` names them.
public struct SummaryDifference: Sendable, Hashable {
    public var summary: String
    public var key: String
    public var stored: String
    public var recomputed: String

    public init(summary: String, key: String, stored: String, recomputed: String) {
        self.summary = summary; self.key = key; self.stored = stored; self.recomputed = recomputed
    }
}
