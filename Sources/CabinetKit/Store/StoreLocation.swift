import Foundation

/// Where the database file lives: `--db`, else `CAB_DB`, else
/// `$XDG_DATA_HOME/cabinet/cabinet.sqlite` (`~/.local/share/cabinet/` without XDG).
public enum StoreLocation {
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
