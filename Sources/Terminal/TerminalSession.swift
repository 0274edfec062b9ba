import TerminalKit
import Glibc

/// Runs a full-screen app on the terminal: a generic loop of events in, frames out.
/// It knows nothing of what it shows; the app's state lives in `update` and `render`.
public struct TerminalSession: Sendable {
    public var theme: Theme
    /// How often `.tick` arrives, whether or not keys are pressed.
    public var tickMilliseconds: Int
    /// Read for `NO_COLOR`.
    public var environment: [String: String]

    public init(theme: Theme, tickMilliseconds: Int = 250, environment: [String: String]) {
        self.theme = theme
        self.tickMilliseconds = max(1, tickMilliseconds)
        self.environment = environment
    }

    /// Takes over the terminal, renders `initial`, then feeds each event (with the screen's size
    /// and abilities) to `update` and paints what changed in the next `render`, until `update`
    /// says `.quit` or an exit signal arrives.
    /// The terminal is restored before this returns, and on crashes and `exit()` too.
    /// Ctrl-Z (or SIGTSTP) suspends and repaints on resume; `.resize` is passed on after the
    /// screen was resized.
    public func run<State>(
        initial: State,
        update: (inout State, TerminalEvent, TerminalContext) -> LoopControl,
        render: (State, TerminalContext) -> CellBuffer
    ) -> TerminalExit {
        SignalTrap.install()
        defer { SignalTrap.uninstall() }
        guard var screen = CursesScreen.start(theme: theme, environment: environment) else {
            return .unavailable("cannot start the terminal (TERM=\(environment["TERM"] ?? "unset"))")
        }
        defer { CursesScreen.restore() }

        var state = initial
        var shown = CellBuffer(width: 0, height: 0)
        func redraw() {
            let frame = render(state, screen.context)
            screen.paint(CellBuffer.diff(from: shown, to: frame))
            shown = frame
        }
        func repaintAll() {
            screen.invalidate()
            shown = CellBuffer(width: 0, height: 0)
            redraw()
        }

        let clock = ContinuousClock()
        let tick = Duration.milliseconds(tickMilliseconds)
        // The first tick comes at once, so the app can ask for an early one (`.proceedAndTickWithin`).
        var nextTick = clock.now
        redraw()
        while true {
            if let signal = SignalTrap.take() {
                guard signal == SIGTSTP else { return .signal(signal) }
                screen.suspend()
                repaintAll()
                continue
            }
            let event: TerminalEvent
            let now = clock.now
            if now >= nextTick {
                event = .tick
                nextTick = now + tick
            } else if let input = screen.read(milliseconds: Self.milliseconds(nextTick - now)) {
                event = input
            } else {
                continue
            }
            switch event {
            case .key(.control("z")):
                screen.suspend()
                repaintAll()
                continue
            case .key(.resize):
                screen.invalidate()
                shown = CellBuffer(width: 0, height: 0)
            default:
                break
            }
            switch update(&state, event, screen.context) {
            case .quit: return .quit
            case .proceedAndTickWithin(let milliseconds): nextTick = min(nextTick, clock.now + .milliseconds(max(1, milliseconds)))
            case .proceed: break
            // A resize cleared what was shown, so it is drawn again whatever the app says.
            case .unchanged: if event != .key(.resize) { continue }
            }
            redraw()
        }
    }

    private static func milliseconds(_ duration: Duration) -> Int32 {
        let (seconds, attoseconds) = duration.components
        return Int32(clamping: seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000)
    }
}
