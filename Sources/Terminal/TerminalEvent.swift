import TerminalKit

/// What the run loop hands to the app: a key (including resize and clicks), a paste, or a clock tick.
public enum TerminalEvent: Hashable, Sendable {
    case key(Key)
    /// Text the terminal pasted (bracketed paste): text for a field, never keys.
    case paste(String)
    /// The read timed out: time passed with no input.
    case tick
}

/// What the app tells the run loop after an event.
public enum LoopControl: Hashable, Sendable {
    case proceed
    /// Go on, and tick again after `milliseconds` rather than a whole tick: the app waits for
    /// work done elsewhere (a background computation) and wants its answer painted at once.
    case proceedAndTickWithin(milliseconds: Int)
    /// Go on; nothing the screen shows changed, so no frame is rendered or painted (an idle tick).
    case unchanged
    case quit
}

/// What the app renders for: the screen's size and whether it can draw beyond ASCII.
public struct TerminalContext: Hashable, Sendable {
    public var width: Int
    public var height: Int
    /// True when the locale's character set is UTF-8, so block and box characters can be drawn.
    public var unicode: Bool

    public init(width: Int, height: Int, unicode: Bool) {
        self.width = width
        self.height = height
        self.unicode = unicode
    }
}

/// How a run ended. The terminal is restored in every case.
public enum TerminalExit: Hashable, Sendable {
    /// The app returned `.quit`.
    case quit
    /// SIGINT, SIGTERM or SIGHUP arrived.
    case signal(Int32)
    /// The terminal could not be started (for example, an unknown `TERM`).
    case unavailable(String)

    /// The process exit status this end calls for: 0, 128 + signal (130, 143, 129), or 1.
    public var status: Int32 {
        switch self {
        case .quit: return 0
        case .signal(let number): return 128 + number
        case .unavailable: return 1
        }
    }
}
