import Foundation

/// A theme chosen by name or path, and the error that made it fall back to the default, if any.
public struct ThemeResolution: Hashable, Sendable {
    public var theme: Theme
    public var error: ThemeError?
}

/// Finds and loads themes: files by path, names in theme directories, then the built-in themes.
public enum ThemeCatalog {
    /// The user's theme directory: `$XDG_CONFIG_HOME/cabinet/themes`, else `~/.config/cabinet/themes`.
    public static func userDirectories(environment: [String: String]) -> [String] {
        if let config = environment["XDG_CONFIG_HOME"], !config.isEmpty {
            return [config + "/cabinet/themes"]
        }
        if let home = environment["HOME"], !home.isEmpty {
            return [home + "/.config/cabinet/themes"]
        }
        return []
    }

    /// Loads the theme file at `path`; errors name the path as given.
    public static func load(path: String) throws(ThemeError) -> Theme {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw ThemeError(source: path, problem: .unreadable)
        }
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        return try Theme.parse(text, name: name, source: path)
    }

    /// The theme for `nameOrPath`: a path (containing "/" or ending in ".toml") is loaded as a
    /// file; a name is looked up as `NAME.toml` in `directories`, then among the built-in themes.
    /// Nil or empty means the default. On any error, the default theme and the error.
    public static func resolve(_ nameOrPath: String?, directories: [String]) -> ThemeResolution {
        guard let request = nameOrPath, !request.isEmpty else {
            return ThemeResolution(theme: BuiltinThemes.standard, error: nil)
        }
        do throws(ThemeError) {
            return ThemeResolution(theme: try find(request, directories: directories), error: nil)
        } catch {
            return ThemeResolution(theme: BuiltinThemes.standard, error: error)
        }
    }

    private static func find(_ request: String, directories: [String]) throws(ThemeError) -> Theme {
        if request.contains("/") || request.hasSuffix(".toml") {
            return try load(path: request)
        }
        for directory in directories {
            let path = directory + "/" + request + ".toml"
            if FileManager.default.fileExists(atPath: path) {
                return try load(path: path)
            }
        }
        if BuiltinThemes.names.contains(request) {
            return BuiltinThemes.theme(named: request)
        }
        throw ThemeError(source: request, problem: .notFound(searched: directories))
    }
}
