/// Why a theme could not be used, printed as one line:
/// `Themes/x.toml: line 7: key 'selection': unknown colour 'purplish'`.
public struct ThemeError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Problem: Hashable, Sendable {
        case unreadable
        case notFound(searched: [String])
        case syntax(String)
        case unknownSection(String)
        case unknownRole
        case unknownColour(String)
        case unknownProperty(String)
        case wrongType(expected: String)
    }

    /// The file path (or theme name) the error is about.
    public var source: String
    public var line: Int?
    public var key: String?
    public var problem: Problem

    public init(source: String, line: Int? = nil, key: String? = nil, problem: Problem) {
        self.source = source
        self.line = line
        self.key = key
        self.problem = problem
    }

    public var description: String {
        var parts = [source]
        if let line { parts.append("line \(line)") }
        if let key { parts.append("key '\(key)'") }
        parts.append(message)
        return parts.joined(separator: ": ")
    }

    private var message: String {
        switch problem {
        case .unreadable: return "cannot read the file"
        case .notFound(let searched):
            let places = (searched + ["the built-in themes"]).joined(separator: ", ")
            return "no such theme (looked in \(places))"
        case .syntax(let detail): return detail
        case .unknownSection(let name): return "unknown section '[\(name)]' (expected [palette] or [roles])"
        case .unknownRole: return "unknown role (known: \(StyleRole.allCases.map(\.rawValue).joined(separator: ", ")))"
        case .unknownColour(let name): return "unknown colour '\(name)'"
        case .unknownProperty(let name): return "unknown property '\(name)' (expected fg, bg, bold, underline, reverse)"
        case .wrongType(let expected): return "expected \(expected)"
        }
    }
}
