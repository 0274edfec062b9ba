/// A named place in the interface that a theme colours; views name roles, never colour pairs.
public enum StyleRole: String, CaseIterable, Hashable, Sendable {
    case normal, border, title, header, footer, selection, dim
    case ready, notReady, good, warn, bad
    case timerCalm, timerWarn, timerUrgent, timerOverrun
    case late, help, error
    /// The key label inside footer hints and the help overlay.
    case key
    /// Text typed by the user, such as the filter prompt.
    case input
}
