import Foundation
import GRDB
import GRDBSQLite
import CabinetModel

/// The embedded store: one SQLite file in WAL mode through GRDB, shared safely by every `cab`
/// process on the machine (busy timeout, immediate write transactions, migrations under a lock).
public final class SQLiteStore: SQLStore {
    public let path: String
    let pool: DatabasePool

    /// The file's device and inode when opened: a file removed or replaced since is noticed.
    let identity: FileIdentity

    /// Opens the database at `path` and brings its schema up to date. Writing, a missing file
    /// (and its folder) is created; reading, it is refused, and a file this user may not write
    /// is opened read-only.
    public init(path: String, intent: StoreIntent = .writing) throws(CabinetError) {
        self.path = path
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        if exists, isDirectory.boolValue {
            throw .storeUnavailable(path: path, problem: "it is a directory, not a database file")
        }
        let folder = (path as NSString).deletingLastPathComponent
        if !exists {
            guard intent == .writing else { throw .storeMissing(path: path) }
            if !folder.isEmpty {
                do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
                    throw .storeUnavailable(path: path, problem: "cannot create the folder \(folder)")
                }
            }
        }
        if exists { try Self.refuseForeign(path, intent: intent) }
        let readOnly = exists && !(access(path, W_OK) == 0 && access(folder.isEmpty ? "." : folder, W_OK) == 0)
        if readOnly, intent == .writing {
            throw .storeUnavailable(path: path, problem: "the file or its folder is read-only for this user: ask its owner for write access (or use a copy)")
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.foreignKeysEnabled = true
        configuration.readonly = readOnly
        configuration.prepareDatabase { db in
            // Persistent WAL keeps the -wal file between runs, so opening an up-to-date file
            // writes nothing: a refused command leaves the database byte for byte as it was.
            var flag: CInt = 1
            let code = sqlite3_file_control(db.sqliteConnection, nil, SQLITE_FCNTL_PERSIST_WAL, &flag)
            guard code == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: code)) }
        }
        do {
            // Opening turns a fresh file to WAL, which SQLite may refuse at once (without waiting)
            // while another process does the same: open and migrate one process at a time.
            // A read-only file is neither turned nor migrated, so it needs no lock.
            let open = { () throws -> DatabasePool in
                let pool = try DatabasePool(path: path, configuration: configuration)
                let migrator = SQLiteSchema.migrator
                // Migrating only when needed keeps an up-to-date file byte for byte as it was.
                if try !pool.read({ try migrator.hasCompletedMigrations($0) }) {
                    guard !readOnly else {
                        throw CabinetError.storeUnavailable(path: path, problem: "an older cab wrote it and it is read-only for this user: "
                                                            + "someone who may write it must open it once with this cab")
                    }
                    try migrator.migrate(pool)
                }
                return pool
            }
            pool = try readOnly ? open() : MigrationLock.withLock(beside: path, open)
        } catch {
            throw SQLiteStore.translate(error, path: path)
        }
        identity = try FileIdentity(path: path)
    }

    /// Refuses, touching nothing, a file that is not a Cabinet database: an SQLite file holding
    /// another program's tables, or (for a command that only reads) an empty one.
    private static func refuseForeign(_ path: String, intent: StoreIntent) throws(CabinetError) {
        var configuration = Configuration()
        configuration.readonly = true
        // Another process may be setting the file up this very moment: wait for it, as writes do.
        configuration.busyMode = .timeout(10)
        let tables: [String]
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            tables = try queue.read { db in
                try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
            }
            try queue.close()
        } catch {
            throw translate(error, path: path)
        }
        if tables.isEmpty {
            if intent == .reading { throw .storeMissing(path: path) }
        } else if !tables.contains("grdb_migrations") {
            let named = tables.prefix(3).joined(separator: ", ") + (tables.count > 3 ? ", …" : "")
            throw .storeUnavailable(path: path, problem: "not a Cabinet database: it holds other tables (\(named)); choose another file")
        }
    }

    /// Whether `other` names this database or one of its companion files (`-wal`, `-shm`):
    /// what an export must never write over.
    public func owns(file other: String) -> Bool {
        guard let target = try? FileIdentity(path: other) else { return false }
        return ["", "-wal", "-shm"].contains { suffix in (try? FileIdentity(path: path + suffix)) == target }
    }

    /// Refuses when the file at `path` is no longer the one opened (removed, or replaced by
    /// another): what was written would be lost with the unlinked file.
    func checkStillThere() throws(CabinetError) {
        let current: FileIdentity
        do throws(CabinetError) { current = try FileIdentity(path: path) } catch {
            throw .storeGone(path: path, problem: "was removed")
        }
        guard current == identity else { throw .storeGone(path: path, problem: "was replaced by another file") }
    }

    /// Runs a read and turns any failure into a one-line `CabinetError`.
    public func reading<T>(_ body: (Database) throws -> T) throws(CabinetError) -> T {
        do { return try pool.read(body) } catch { throw SQLiteStore.translate(error, path: path) }
    }

    /// Runs a write in an IMMEDIATE transaction: the write lock is taken before anything is read,
    /// so two processes checking then writing the same record serialize instead of losing one.
    public func writing<T>(_ body: (Database) throws -> T) throws(CabinetError) -> T {
        try writing(journalsInMemory: false, body)
    }

    /// The write transaction of `writing`. With `journalsInMemory`, SQLite keeps each statement's
    /// undo journal in memory instead of a temporary file: an insert that fires triggers writes
    /// the pages it touches to that journal first, four million writes for a 100,000-change
    /// import. Only for statements of bounded size: a journal holds what its statement changes.
    private func writing<T>(journalsInMemory: Bool, _ body: (Database) throws -> T) throws(CabinetError) -> T {
        try checkStillThere()
        do {
            return try pool.writeWithoutTransaction { db in
                if journalsInMemory { try db.execute(sql: "PRAGMA temp_store = MEMORY") }
                defer { if journalsInMemory { try? db.execute(sql: "PRAGMA temp_store = DEFAULT") } }
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                guard let result else { throw CabinetError.refused("the write produced nothing") }
                return result
            }
        } catch {
            throw SQLiteStore.translate(error, path: path)
        }
    }

    /// A write of many rows in small statements (an import): each statement's journal is kept in
    /// memory (`writing(journalsInMemory:)`), and the log is emptied after the commit.
    public func writingMany<T>(_ body: (Database) throws -> T) throws(CabinetError) -> T {
        try emptyingTheLog { () throws(CabinetError) in try writing(journalsInMemory: true, body) }
    }

    /// Runs a bulk write (the demo, a copy) with a page cache large enough that SQLite does not
    /// spill pages to the WAL again and again before the commit; the cache shrinks back after.
    /// Its statements may be large (a copy empties whole tables), so their journals stay in
    /// SQLite's temporary files.
    public func writingInBulk<T>(_ body: (Database) throws -> T) throws(CabinetError) -> T {
        try emptyingTheLog { () throws(CabinetError) in
            try writing(journalsInMemory: false) { db in
                try db.execute(sql: "PRAGMA cache_size = -262144")
                defer { try? db.execute(sql: "PRAGMA cache_size = -2000") }
                return try body(db)
            }
        }
    }

    /// Runs `write`, then copies the log into the file and restarts it with one page: left whole
    /// (the WAL is persistent), every later process would replay it on opening and copy it again
    /// on closing, 1.4 s per command after a 100,000-change import. (An empty log would not do:
    /// GRDB writes a table into a file whose log is empty when it opens it.)
    private func emptyingTheLog<T>(_ write: () throws(CabinetError) -> T) throws(CabinetError) -> T {
        let result = try write()
        // Only an optimisation, already committed: a reader holding the log open makes it wait for a later writer.
        _ = try? pool.writeWithoutTransaction { db in
            try db.checkpoint(.truncate)
            try db.execute(sql: "PRAGMA user_version = 0")
        }
        return result
    }

    /// A copy into this file: the decision triggers are dropped while tables are replaced (the
    /// copied changes carry what they would compute) and put back before the commit.
    public func writingCopy<T>(_ body: (Database) throws -> T) throws(CabinetError) -> T {
        try writingInBulk { db in
            for trigger in SQLiteSchema.triggers { try db.execute(sql: "DROP TRIGGER \(trigger.name)") }
            let result = try body(db)
            for trigger in SQLiteSchema.triggers { try db.execute(sql: trigger.sql) }
            return result
        }
    }

    static func translate(_ error: Error, path: String) -> CabinetError {
        if let error = error as? CabinetError { return error }
        if let error = error as? UnexpectedColumn { return .refused(error.description) }
        if let error = error as? DatabaseError {
            let message = error.message ?? "\(error.resultCode)"
            switch error.resultCode {
            case .SQLITE_NOTADB, .SQLITE_CORRUPT: return .storeUnavailable(path: path, problem: "not a Cabinet database or damaged (\(message))")
            case .SQLITE_READONLY: return .storeUnavailable(path: path, problem: "it is read-only for this user (\(message)): ask its owner for write access")
            case .SQLITE_CANTOPEN, .SQLITE_PERM: return .storeUnavailable(path: path, problem: "cannot open it (\(message))")
            case .SQLITE_BUSY, .SQLITE_LOCKED: return .storeUnavailable(path: path, problem: "busy: another process holds it too long (\(message))")
            default: return .storeUnavailable(path: path, problem: message)
            }
        }
        return .storeUnavailable(path: path, problem: "\(error)")
    }

    /// A number that changes whenever another process commits: SQLite's `data_version`.
    public func dataVersion() throws(CabinetError) -> Int {
        try checkStillThere()
        do {
            // data_version is per connection: ask the one writer connection every time.
            return try pool.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
        } catch {
            throw SQLiteStore.translate(error, path: path)
        }
    }

    /// Closes the file's connections (tests compare its bytes after).
    func close() throws(CabinetError) {
        do { try pool.close() } catch { throw SQLiteStore.translate(error, path: path) }
    }
}
