import CabinetModel
import CabinetStore
import Foundation
import NIOCore
import PostgresNIO

/// PostgreSQL's failures as one line a person can act on: the host, never the password; a
/// refused privilege as what the role may not do.
enum PostgresErrors {
    /// `connecting`: the error came while opening a connection, so whatever broke, the server
    /// was not reached.
    static func translate(_ error: any Error, location: PostgresLocation, connecting: Bool = false) -> CabinetError {
        if let error = error as? CabinetError { return error }
        if let error = error as? UnexpectedColumn { return .refused(error.description) }
        let place = "\(location.host):\(location.port)"
        if (error as? PSQLError)?.code == .sslUnsupported {
            return .storeUnavailable(path: location.description, problem: "\(place) does not offer TLS (sslmode=\(location.tls.rawValue))")
        }
        if (error as? PSQLError)?.code == .authMechanismRequiresPassword {
            return .storeUnavailable(path: location.description, problem: "\(place) asks for \(location.user)'s password and none was given: "
                                     + "put it in the URL (postgres://\(location.user):PASSWORD@…) or in PGPASSWORD")
        }
        if connecting, (error as? PSQLError)?.code != .server {
            return .storeDisconnected(store: location.description, problem: "cannot reach \(place) (\(reason(error)))")
        }
        guard let error = error as? PSQLError else {
            if error is ChannelError { return lost(location) }
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
            case "42501" where message.hasPrefix("must be owner"):
                return .forbidden("only the owner of the store's tables can do this: run it signed in as that owner")
            case "42501" where message.contains("for schema"):
                return .forbidden("\(location.user) may not set up Cabinet's tables: run cab once signed in as the database's owner")
            case "42501":
                return PermissionRefusal.refusal(table: error.serverInfo?[.tableName] ?? table(in: message), message: message)
            case "57P01", "57P02", "57P03", "08000", "08003", "08006":
                return .storeDisconnected(store: location.description, problem: "\(place) is restarting or shutting down")
            case "23001":
                return .refused(message)
            default:
                return .storeUnavailable(path: location.description, problem: message)
            }
        case .connectionError:
            return .storeDisconnected(store: location.description, problem: "cannot reach \(place) (\(reason(error)))")
        case .serverClosedConnection, .clientClosedConnection, .uncleanShutdown:
            return lost(location)
        default:
            return .storeUnavailable(path: location.description, problem: "\(place): \(error.code)")
        }
    }

    /// The connection broke under a statement or while idle.
    static func lost(_ location: PostgresLocation) -> CabinetError {
        .storeDisconnected(store: location.description, problem: "lost the connection to \(location.host):\(location.port)")
    }

    /// Why a connection could not be made, in a few words.
    private static func reason(_ error: any Error) -> String {
        let text = String(reflecting: (error as? PSQLError)?.underlying ?? error)
        if text.contains("refused") { return "connection refused" }
        if text.localizedCaseInsensitiveContains("timeout") || text.localizedCaseInsensitiveContains("timed out") { return "no answer within 5 s" }
        if text.contains("UnknownHost") { return "unknown host" }
        return "unreachable"
    }

    /// The table named in `permission denied for table decisions` or a row-level security message.
    private static func table(in message: String) -> String {
        message.split(separator: " ").last.map { String($0).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) } ?? ""
    }
}
