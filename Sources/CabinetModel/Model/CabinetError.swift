/// Everything that can go wrong for a user of Cabinet, each with a one-line message that names
/// the file, record and field where there is one.
public enum CabinetError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A record of an input document is wrong. `record` is like `changes[3] (id CHG-104)`.
    case invalidRecord(source: String, record: String, field: String, problem: String)
    /// The input cannot be read as a document at all.
    case unreadableInput(source: String, problem: String)
    case notFound(kind: String, id: String)
    /// The first decision of a change was recorded by someone else first.
    case alreadyDecided(change: String, outcome: Outcome, by: String, at: Timestamp)
    case invalidArgument(name: String, problem: String)
    /// The database file cannot be opened or used.
    case storeUnavailable(path: String, problem: String)
    /// No database at the path a command that only reads was given (a typo in `--db`, say).
    case storeMissing(path: String)
    /// The database file was removed or replaced while open: writes would go nowhere.
    case storeGone(path: String, problem: String)
    /// The shared database cannot be reached now (a restart, a network cut): worth retrying.
    case storeDisconnected(store: String, problem: String)
    /// The user's role may not do this (`only a chair can record decisions`).
    case forbidden(String)
    case refused(String)

    public var description: String {
        switch self {
        case let .invalidRecord(source, record, field, problem):
            "\(source): \(record): \(field): \(problem)"
        case let .unreadableInput(source, problem):
            "\(source): \(problem)"
        case let .notFound(kind, id):
            "no \(kind) '\(id)' in the store"
        case let .alreadyDecided(change, outcome, by, at):
            "\(change) already decided by \(by) at \(at.iso8601) (\(outcome.rawValue)); to correct it, record a new decision with --supersede"
        case let .invalidArgument(name, problem):
            "\(name): \(problem)"
        case let .storeUnavailable(path, problem):
            "cannot use the database \(path): \(problem)"
        case let .storeMissing(path):
            "no Cabinet database at \(path): check --db (or CAB_DB); commands that write, like cab import or cab change add, create one"
        case let .storeGone(path, problem):
            "the database \(path) \(problem) while cab had it open: nothing more is saved there"
        case let .storeDisconnected(store, problem):
            "cannot use the database \(store): \(problem)"
        case let .forbidden(message):
            message
        case let .refused(message):
            message
        }
    }
}
