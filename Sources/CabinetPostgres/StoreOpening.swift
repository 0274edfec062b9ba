import CabinetKit

extension StoreAddress {
    /// Opens the store at this address: PostgreSQL for a URL, SQLite for a file.
    public func open() throws(CabinetError) -> any SQLStore {
        switch self {
        case .file(let path): return try SQLiteStore(path: path)
        case .postgres(let url): return try PostgresStore(url: url)
        }
    }
}
