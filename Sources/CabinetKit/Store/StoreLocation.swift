import Foundation

/// Which store a command opens: a PostgreSQL URL or an SQLite file.
public enum StoreAddress: Hashable, Sendable {
    case file(String)
    case postgres(url: String)
}

/// Where the store lives: `--db` (a file or a `postgres://` URL), else `CAB_DATABASE_URL`, else
/// the file `CAB_DB`, else `$XDG_DATA_HOME/cabinet/cabinet.sqlite` (`~/.local/share/cabinet/`
/// without XDG).
public enum StoreLocation {
    public static func address(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> StoreAddress {
        if let option, !option.isEmpty { return isURL(option) ? .postgres(url: option) : .file(option) }
        if let url = environment["CAB_DATABASE_URL"], !url.isEmpty { return .postgres(url: url) }
        return .file(path(option: nil, environment: environment))
    }

    /// Whether `text` names a PostgreSQL database rather than a file: a `postgres:` URL (a
    /// mistyped one too, so it is refused rather than taken for a file name), or a
    /// `key=value` connection string, which is refused with its password taken out.
    public static func isURL(_ text: String) -> Bool {
        text.hasPrefix("postgres:") || text.hasPrefix("postgresql:") || text.range(of: #"^\s*\w+\s*=\s*\S"#, options: .regularExpression) != nil
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
