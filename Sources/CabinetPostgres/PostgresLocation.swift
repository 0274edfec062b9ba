import CabinetModel
import CabinetStore
import Foundation

/// Where a PostgreSQL store lives, read from `postgres://user:password@host:port/database`.
/// Its description never shows the password, so it is safe in errors and logs.
public struct PostgresLocation: Sendable, Hashable, CustomStringConvertible {
    public var user: String
    public var password: String?
    public var host: String
    public var port: Int
    public var database: String
    public var tls: TLSMode

    /// `?sslmode=` as libpq spells it. Without it: no TLS to this machine, TLS when the server
    /// offers it anywhere else.
    public enum TLSMode: String, Sendable, Hashable, CaseIterable {
        /// Never.
        case disable
        /// When the server offers it, without checking its certificate.
        case prefer
        /// Always, without checking the certificate: encrypted, not authenticated.
        case require
        /// Always, with the certificate checked against the system's authorities and the host name.
        case verifyFull = "verify-full"
    }

    /// Parses a URL; without a password in it, `PGPASSWORD` is used. `?sslmode=` chooses TLS.
    public init(url text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws(CabinetError) {
        let redacted = Self.redact(text)
        guard StoreLocation.isURL(text), let components = URLComponents(string: text),
              let host = components.host.map({ $0.trimmingCharacters(in: CharacterSet(charactersIn: "[]")) }), !host.isEmpty else {
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
        let local = ["localhost", "127.0.0.1", "::1"].contains(host)
        let mode = components.queryItems?.first { $0.name == "sslmode" }?.value
        guard let tls = mode.map(TLSMode.init(rawValue:)) ?? (local ? .disable : .prefer) else {
            throw .invalidArgument(name: "--db", problem: "sslmode=\(mode ?? "") is not one of: \(TLSMode.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self.tls = tls
    }

    public var description: String { "postgres://\(user)@\(host.contains(":") ? "[\(host)]" : host):\(port)/\(database)" }

    /// `text` with any password taken out: between `scheme://user:` and `@`, and any `password=…`
    /// (of a query string or a `key=value` connection string).
    public static func redact(_ text: String) -> String {
        text.replacingOccurrences(of: #"(?i)(password\s*=\s*)('[^']*'|[^\s&]+)"#, with: "$1…", options: .regularExpression)
            .replacingOccurrences(of: #"^([A-Za-z][A-Za-z0-9+.-]*:/*[^:@/]*):.*@"#, with: "$1@", options: .regularExpression)
    }
}
