/// The shipped themes, compiled in so `cab` works without the Themes/ folder.
/// Tests check that each source equals its file in Themes/, so they cannot drift.
public enum BuiltinThemes {
    /// The names of the compiled-in themes, the default first.
    public static let names = ["default", "light", "high-contrast", "mono"]

    /// The TOML source of a compiled-in theme.
    public static func source(named name: String) -> String? {
        switch name {
        case "default": return defaultSource
        case "light": return lightSource
        case "high-contrast": return highContrastSource
        case "mono": return monoSource
        default: return nil
        }
    }

    /// The default (dark) theme.
    public static let standard: Theme = theme(named: "default")

    /// The monochrome theme, whose attributes `NO_COLOR` adds to any theme.
    static let mono: Theme = theme(named: "mono")

    /// A compiled-in theme; a source that failed to parse (the tests forbid it) gives an uncoloured theme.
    static func theme(named name: String) -> Theme {
        source(named: name).flatMap { try? Theme.parse($0, name: name, source: "built-in \(name)") }
            ?? Theme(name: name, styles: [:])
    }

    private static let defaultSource = #"""
    # Cabinet theme "default": for dark terminals. The format is described in Themes/README.md.

    [palette]
    fg = "default"
    bg = "default"
    muted = 244
    accent = "#5fafff"
    ink = "#000000"
    paper = "#ffffff"
    go = "#5fd75f"
    caution = "#ffaf00"
    yellow = "#ffd700"
    orange = "#ff8700"
    danger = "#ff5f5f"
    alarm = "#ff0000"
    panel = "#303030"

    [roles]
    normal = { fg = "fg", bg = "bg" }
    border = { fg = "muted" }
    title = { fg = "accent", bold = true }
    header = { fg = "paper", bg = "panel", bold = true }
    footer = { fg = "paper", bg = "panel" }
    selection = { fg = "ink", bg = "accent" }
    dim = { fg = "muted" }
    ready = { fg = "go" }
    notReady = { fg = "caution" }
    good = { fg = "go" }
    warn = { fg = "caution" }
    bad = { fg = "danger", bold = true }
    timerCalm = { fg = "go", bold = true }
    timerWarn = { fg = "yellow", bold = true }
    timerUrgent = { fg = "orange", bold = true }
    timerOverrun = { fg = "paper", bg = "alarm", bold = true }
    late = { fg = "danger" }
    help = { fg = "paper", bg = "panel" }
    error = { fg = "paper", bg = "alarm", bold = true }
    key = { fg = "accent", bg = "panel", bold = true }
    input = { fg = "fg", underline = true }

    """#

    private static let lightSource = #"""
    # Cabinet theme "light": for light terminals. The format is described in Themes/README.md.

    [palette]
    fg = "default"
    bg = "default"
    muted = 243
    accent = "#005faf"
    ink = "#000000"
    paper = "#ffffff"
    go = "#008700"
    caution = "#af5f00"
    yellow = "#af8700"
    orange = "#d75f00"
    danger = "#d70000"
    panel = "#e4e4e4"

    [roles]
    normal = { fg = "fg", bg = "bg" }
    border = { fg = "muted" }
    title = { fg = "accent", bold = true }
    header = { fg = "ink", bg = "panel", bold = true }
    footer = { fg = "ink", bg = "panel" }
    selection = { fg = "paper", bg = "accent" }
    dim = { fg = "muted" }
    ready = { fg = "go" }
    notReady = { fg = "caution" }
    good = { fg = "go" }
    warn = { fg = "caution" }
    bad = { fg = "danger", bold = true }
    timerCalm = { fg = "go", bold = true }
    timerWarn = { fg = "yellow", bold = true }
    timerUrgent = { fg = "orange", bold = true }
    timerOverrun = { fg = "paper", bg = "danger", bold = true }
    late = { fg = "danger" }
    help = { fg = "ink", bg = "panel" }
    error = { fg = "paper", bg = "danger", bold = true }
    key = { fg = "accent", bg = "panel", bold = true }
    input = { fg = "fg", underline = true }

    """#

    private static let highContrastSource = #"""
    # Cabinet theme "high-contrast": pure colours on black, bold where it helps.
    # The format is described in Themes/README.md.

    [palette]
    fg = "#ffffff"
    bg = "#000000"
    accent = "#ffff00"
    go = "#00ff00"
    orange = "#ff8700"
    danger = "#ff0000"
    info = "#00ffff"

    [roles]
    normal = { fg = "fg", bg = "bg" }
    border = { fg = "fg", bg = "bg" }
    title = { fg = "accent", bg = "bg", bold = true }
    header = { fg = "bg", bg = "fg", bold = true }
    footer = { fg = "bg", bg = "fg", bold = true }
    selection = { fg = "bg", bg = "accent", bold = true }
    dim = { fg = "info", bg = "bg" }
    ready = { fg = "go", bg = "bg", bold = true }
    notReady = { fg = "accent", bg = "bg", bold = true, underline = true }
    good = { fg = "go", bg = "bg", bold = true }
    warn = { fg = "accent", bg = "bg", bold = true }
    bad = { fg = "danger", bg = "bg", bold = true, underline = true }
    timerCalm = { fg = "go", bg = "bg", bold = true }
    timerWarn = { fg = "accent", bg = "bg", bold = true }
    timerUrgent = { fg = "orange", bg = "bg", bold = true }
    timerOverrun = { fg = "fg", bg = "danger", bold = true }
    late = { fg = "danger", bg = "bg", bold = true }
    help = { fg = "fg", bg = "bg" }
    error = { fg = "fg", bg = "danger", bold = true }
    key = { fg = "bg", bg = "accent", bold = true }
    input = { fg = "fg", bg = "bg", underline = true }

    """#

    private static let monoSource = #"""
    # Cabinet theme "mono": attributes only, no colours. It is also what NO_COLOR adds to any
    # theme's attributes. The format is described in Themes/README.md.

    [roles]
    normal = {}
    border = {}
    title = { bold = true }
    header = { bold = true, reverse = true }
    footer = { reverse = true }
    selection = { reverse = true }
    dim = {}
    ready = { bold = true }
    notReady = { underline = true }
    good = {}
    warn = { bold = true }
    bad = { bold = true, underline = true }
    timerCalm = { bold = true }
    timerWarn = { bold = true, underline = true }
    timerUrgent = { bold = true, reverse = true }
    timerOverrun = { bold = true, reverse = true, underline = true }
    late = { underline = true }
    help = {}
    error = { bold = true, reverse = true }
    key = { bold = true, reverse = true }
    input = { underline = true }

    """#
}
