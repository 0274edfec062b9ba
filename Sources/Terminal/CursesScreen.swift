import TerminalKit
import CNcursesW
import Glibc

/// The curses screen while the board runs: set-up, input, and restoring the terminal.
struct CursesScreen {
    let window: UnsafeMutablePointer<WINDOW>
    let pairs: ColorPairs
    let unicode: Bool
    /// Keys read after an ESC that turned out not to start a paste, handed out next.
    var pending: [Key] = []

    /// Takes over the terminal (raw, no echo, keypad, mouse clicks, bracketed paste, colours from `theme`);
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
        BracketedPaste.enable()
        return CursesScreen(window: window, pairs: pairs, unicode: unicode)
    }

    /// Leaves curses mode; safe to call any number of times, before or after `start`.
    static func restore() {
        if !isendwin() { endwin() }
        BracketedPaste.disable()
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

    /// The next input within `milliseconds`: a key, or the text of a bracketed paste; nil on
    /// timeout, on a signal, or for input that is no key.
    mutating func read(milliseconds: Int32) -> TerminalEvent? {
        if !pending.isEmpty { return .key(pending.removeFirst()) }
        guard let input = next(milliseconds: milliseconds) else { return nil }
        guard input == .character(27) else { return input.key.map(TerminalEvent.key) }
        let following = follow(BracketedPaste.start)
        guard following.matched else {
            pending = following.read.compactMap(\.key)
            return .key(.escape)
        }
        return .paste(pasted())
    }

    /// One read from curses: a character, or a key code.
    private enum Input: Equatable {
        case character(UInt32)
        case keyCode(Int32)

        var key: Key? {
            switch self {
            case .character(let code): KeyDecoder.character(code)
            case .keyCode(let code): KeyDecoder.keyCode(code)
            }
        }
    }

    private func next(milliseconds: Int32) -> Input? {
        wtimeout(window, max(0, milliseconds))
        var code: wint_t = 0
        switch wget_wch(window, &code) {
        case OK: return .character(UInt32(code))
        case KEY_CODE_YES: return .keyCode(Int32(code))
        default: return nil
        }
    }

    /// How long the rest of an escape sequence may take to arrive: as long as curses waits for it.
    private static let sequenceMilliseconds: Int32 = 25
    /// A paste whose end marker has not come after this pause has lost it: what came is the paste.
    private static let pastePauseMilliseconds: Int32 = 1000

    /// Reads what follows an ESC for as long as it matches `sequence`; what was read either way.
    private func follow(_ sequence: String) -> (matched: Bool, read: [Input]) {
        var read: [Input] = []
        for expected in sequence.unicodeScalars {
            guard let input = next(milliseconds: Self.sequenceMilliseconds) else { return (false, read) }
            read.append(input)
            guard input == .character(expected.value) else { return (false, read) }
        }
        return (true, read)
    }

    /// The text of a paste, read up to its end marker; key codes inside it are dropped.
    private func pasted() -> String {
        var text = String.UnicodeScalarView()
        func append(_ input: Input) {
            if case .character(let code) = input, let scalar = Unicode.Scalar(code) { text.append(scalar) }
        }
        while let input = next(milliseconds: Self.pastePauseMilliseconds) {
            guard input == .character(27) else {
                append(input)
                continue
            }
            let following = follow(BracketedPaste.end)
            if following.matched { break }
            append(input)
            following.read.forEach(append)
        }
        return String(text)
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
        BracketedPaste.enable()
        invalidate()
    }
}
