/// How much colour the terminal (and the user) allows.
public enum ColorMode: Hashable, Sendable {
    /// Attributes only: `NO_COLOR` is set, or the terminal has no colours.
    case monochrome
    /// The 8 basic ANSI colours.
    case basic8
    /// The 256-colour palette.
    case indexed256

    /// The mode for a terminal reporting `colors` colours, honouring `NO_COLOR` (set and non-empty).
    public static func detect(environment: [String: String], colors: Int) -> ColorMode {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .monochrome }
        if colors >= 256 { return .indexed256 }
        if colors >= 8 { return .basic8 }
        return .monochrome
    }
}
