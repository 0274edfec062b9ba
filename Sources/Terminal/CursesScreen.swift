import TerminalKit
import CNcursesW
import Glibc

/// The curses screen while the board runs: set-up, input, and restoring the terminal.
struct CursesScreen {
    let window: UnsafeMutablePointer<WINDOW>
    let pairs: ColorPairs
    let unicode: Bool

    /// Takes over the terminal (raw, no echo, keypad, mouse clicks, colours from `theme`);
    /// nil when curses cannot start on this terminal. Call `restore()` on every way out.
    static func start(theme: Theme, environment: [String: String]) -> CursesScreen? {
        setlocale(LC_ALL, "")
        guard newterm(nil, cab_stdout(), cab_stdin()) != nil, let window = cab_stdscr() else { return nil }
        registerExitRestore()
        raw()
        noecho()
        keypad(window, true)
        set_escdelay(25)
        curs_set(0)
        mousemask(cab_button1_pressed() | cab_button1_clicked(), nil)
        mouseinterval(0)
        let hasColours = has_colors()
        if hasColours { start_color() }
        let mode = ColorMode.detect(environment: environment, colors: hasColours ? Int(cab_colors()) : 0)
        let defaultColours = hasColours && use_default_colors() == OK
        let pairs = ColorPairs(theme: theme, mode: mode, defaultColours: defaultColours)
        let unicode = nl_langinfo(nl_item(CODESET)).map { String(cString: $0) == "UTF-8" } ?? false
        return CursesScreen(window: window, pairs: pairs, unicode: unicode)
    }

    /// Leaves curses mode; safe to call any number of times, before or after `start`.
    static func restore() {
        if !isendwin() { endwin() }
    }

    /// `restore()` also when something calls `exit()` while curses is active.
    private static func registerExitRestore() {
        _ = exitRestoreRegistration
    }

    private static let exitRestoreRegistration: Void = {
        atexit { CursesScreen.restore() }
    }()

    /// The screen's current size and character abilities.
    var context: TerminalContext {
        TerminalContext(width: Int(cab_getmaxx(window)), height: Int(cab_getmaxy(window)), unicode: unicode)
    }

    /// The next input within `milliseconds`; nil on timeout, on a signal, or for input that is no key.
    func read(milliseconds: Int32) -> Key? {
        wtimeout(window, max(0, milliseconds))
        var code: wint_t = 0
        switch wget_wch(window, &code) {
        case OK: return KeyDecoder.character(UInt32(code))
        case KEY_CODE_YES: return KeyDecoder.keyCode(Int32(code))
        default: return nil
        }
    }

    /// Forgets what is on the screen so the next refresh clears it and paints everything.
    func invalidate() {
        wclear(window)
    }

    /// Hands the terminal back, stops the process as Ctrl-Z does, and takes it over again
    /// once continued. The caller repaints everything afterwards.
    func suspend() {
        Self.restore()
        SignalTrap.stopUntilContinued()
        invalidate()
    }
}
