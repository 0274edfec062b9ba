import CabinetKit
import Foundation
import NIOCore
import PostgresNIO

/// PostgreSQL's failures as one line a person can act on: the host, never the password; a
/// refused privilege as what the role may not do.
enum PostgresErrors {
    static func translate(_ error: any Error, location: PostgresLocation) -> CabinetError {
        if let error = error as? CabinetError { return error }
        if let error = error as? UnexpectedColumn { return .refused(error.description) }
        let place = "\(location.host):\(location.port)"
        guard let error = error as? PSQLError else {
            if error is ChannelError { return .storeDisconnected(store: location.description, problem: "lost the connection to \(place)") }
            return .storeUnavailable(path: location.description, problem: String(describing: error))
        }
        switch error.code {
        case .server:
            let state = error.serverInfo?[.sqlState] ?? ""
            let message = error.serverInfo?[.message] ?? "the server refused"
            switch state {
            case "28P01", "28000":
                return .storeUnavailable(path: location.description, problem: "\(place) refused to sign in \(location.user): wrong password or unknown user")
            case "3D000":
                return .storeUnavailable(path: location.description, problem: "\(place) has no database '\(location.database)'")
            case "42501":
                return .forbidden(PermissionRefusal.text(table: error.serverInfo?[.tableName] ?? table(in: message), message: message))
            case "57P01", "57P02", "57P03", "08000", "08003", "08006":
                return .storeDisconnected(store: location.description, problem: "\(place) is restarting or shutting down")
            case "23001":
                return .refused(message)
            default:
                return .storeUnavailable(path: location.description, problem: message)
            }
        case .connectionError:
            let reason = error.underlying.map { String(describing: $0) } ?? "no answer"
            let short = reason.contains("refused") ? "connection refused" : reason.contains("imeout") ? "no answer within 5 s" : "unreachable"
            return .storeDisconnected(store: location.description, problem: "cannot reach \(place) (\(short))")
        case .serverClosedConnection, .clientClosedConnection, .uncleanShutdown:
            return .storeDisconnected(store: location.description, problem: "lost the connection to \(place)")
        default:
            return .storeUnavailable(path: location.description, problem: "\(place): \(error.code)")
        }
    }

    /// The table named in `permission denied for table decisions` or a row-level security message.
    private static func table(in message: String) -> String {
        message.split(separator: " ").last.map { String($0).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) } ?? ""
    }
}
