/// One move of an agenda item's clock: what a single chair's intent (move on, decide, end the
/// meeting) does to several items at once, written in one transaction.
public struct ClockStep: Hashable, Sendable {
    public var action: ClockAction
    public var change: String

    public init(_ action: ClockAction, _ change: String) {
        self.action = action; self.change = change
    }
}
