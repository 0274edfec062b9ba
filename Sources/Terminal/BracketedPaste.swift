import Glibc

/// The terminal's bracketed paste mode: while it is on, a paste arrives wrapped in
/// `ESC[200~` … `ESC[201~`, so the board takes it as text and never as keys.
enum BracketedPaste {
    /// What starts and ends a paste in the input.
    static let start = "[200~"
    static let end = "[201~"

    /// Turns the mode on (`ESC[?2004h`): when the board takes the terminal, and again after a suspend.
    static func enable() { send("\u{1b}[?2004h") }

    /// Turns the mode off (`ESC[?2004l`) on every way out; safe in a signal handler (one `write`).
    static func disable() { send("\u{1b}[?2004l") }

    private static func send(_ sequence: StaticString) {
        sequence.withUTF8Buffer { bytes in _ = write(STDOUT_FILENO, bytes.baseAddress, bytes.count) }
    }
}
