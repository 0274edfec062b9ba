import CabinetModel
import CabinetStore

extension StoreAddress {
    /// Opens the store at this address: PostgreSQL for a URL, SQLite for a file. Only `.writing`
    /// may create an SQLite file.
    public func open(_ intent: StoreIntent) throws(CabinetError) -> any SQLStore {
        switch self {
        case .file(let path): return try SQLiteStore(path: path, intent: intent)
        case .postgres(let url): return try PostgresStore(url: url)
        }
    }
}
