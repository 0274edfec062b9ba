import CabinetKit
import Foundation

/// Where a PostgreSQL store lives, read from `postgres://user:password@host:port/database`.
/// Its description never shows the password, so it is safe in errors and logs.
public struct PostgresLocation: Sendable, Hashable, CustomStringConvertible {
    public var user: String
    public var password: String?
    public var host: String
    public var port: Int
    public var database: String

    /// Parses a URL; without a password in it, `PGPASSWORD` is used.
    public init(url text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws(CabinetError) {
        let redacted = Self.redact(text)
        guard StoreLocation.isURL(text), let components = URLComponents(string: text), let host = components.host, !host.isEmpty else {
            throw .invalidArgument(name: "--db", problem: "\(redacted) is not a postgres://user@host:port/database URL")
        }
        guard let user = components.user, !user.isEmpty else {
            throw .invalidArgument(name: "--db", problem: "\(redacted) names no user (postgres://user@host:port/database)")
        }
        let database = String(components.path.dropFirst())
        guard !database.isEmpty, !database.contains("/") else {
            throw .invalidArgument(name: "--db", problem: "\(redacted) names no database (postgres://user@host:port/database)")
        }
        self.user = user
        self.password = components.password ?? environment["PGPASSWORD"]
        self.host = host
        self.port = components.port ?? 5432
        self.database = database
    }

    public var description: String { "postgres://\(user)@\(host):\(port)/\(database)" }

    /// `text` with any password taken out: between `scheme://user:` and `@`, and any `password=…`
    /// (of a query string or a `key=value` connection string).
    public static func redact(_ text: String) -> String {
        text.replacingOccurrences(of: #"(?i)(password\s*=\s*)('[^']*'|[^\s&]+)"#, with: "$1…", options: .regularExpression)
            .replacingOccurrences(of: #"^([A-Za-z][A-Za-z0-9+.-]*:/*[^:@/]*):.*@"#, with: "$1@", options: .regularExpression)
    }
}
