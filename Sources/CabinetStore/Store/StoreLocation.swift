import Foundation
import CabinetModel

/// Which store a command opens: a PostgreSQL URL or an SQLite file.
public enum StoreAddress: Hashable, Sendable {
    case file(String)
    case postgres(url: String)
}

/// What a command does with the store: one that only reads never creates a database or its
/// folder (a typo in `--db` is refused, not an empty report) and reads a file it may not write.
public enum StoreIntent: Sendable {
    case reading
    case writing
}

/// Where the store lives: `--db` (a file or a `postgres://` URL), else `CAB_DATABASE_URL`, else
/// the file `CAB_DB`, else `$XDG_DATA_HOME/cabinet/cabinet.sqlite` (`~/.local/share/cabinet/`
/// without XDG). An empty `--db`, `CAB_DATABASE_URL` or `CAB_DB` is a mistake, not a default.
public enum StoreLocation {
    public static func address(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws(CabinetError) -> StoreAddress {
        if let option {
            guard !option.isBlank else { throw .invalidArgument(name: "--db", problem: "empty: give a database file or a postgres:// URL") }
            return isURL(option) ? .postgres(url: option) : .file(option)
        }
        for name in ["CAB_DATABASE_URL", "CAB_DB"] where environment[name]?.isBlank == true {
            throw .invalidArgument(name: name, problem: "set but empty: unset it or give a database")
        }
        if let url = environment["CAB_DATABASE_URL"] { return .postgres(url: url) }
        return .file(path(option: nil, environment: environment))
    }

    /// Whether `text` names a PostgreSQL database rather than a file: a `postgres:` URL (a
    /// mistyped one too, so it is refused rather than taken for a file name), or a
    /// `key=value` connection string, which is refused with its password taken out.
    public static func isURL(_ text: String) -> Bool {
        text.hasPrefix("postgres:") || text.hasPrefix("postgresql:") || isKeywordValue(text)
    }

    /// Whether `text` opens like libpq's `keyword = value` form (`host=db dbname=cab`), read
    /// without a regular expression: compiling one costs every command 12 M instructions.
    static func isKeywordValue(_ text: String) -> Bool {
        let afterSpace = text.drop(while: \.isWhitespace)
        let keyword = afterSpace.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
        let rest = afterSpace.dropFirst(keyword.count).drop(while: \.isWhitespace)
        return !keyword.isEmpty && rest.first == "=" && !rest.dropFirst().drop(while: \.isWhitespace).isEmpty
    }

    public static func path(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let option, !option.isEmpty { return option }
        if let env = environment["CAB_DB"], !env.isEmpty { return env }
        return dataDirectory(environment: environment) + "/cabinet.sqlite"
    }

    /// The folder of Cabinet's files; the demo database lives there too, beside the real one.
    public static func dataDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let base = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share"
        return base + "/cabinet"
    }
}
