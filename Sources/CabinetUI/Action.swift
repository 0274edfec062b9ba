/// What a key asks the board to do; the key table maps keys to actions per screen.
public enum Action: String, CaseIterable, Hashable, Sendable {
    case up, down, open, back, nextPane, filter, quit
    case startPause, next
    case approve, approveWithConditions, reject, `defer`
    case attendance, help, panel, minutes
}
