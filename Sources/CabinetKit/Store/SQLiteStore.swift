import Foundation
import GRDB
import GRDBSQLite

/// The embedded store: one SQLite file in WAL mode through GRDB, shared safely by every `cab`
/// process on the machine (busy timeout, immediate write transactions, migrations under a lock).
public final class SQLiteStore: Store {
    public let path: String
    let pool: DatabasePool

    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    public init(path: String) throws(CabinetError) {
        self.path = path
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw .storeUnavailable(path: path, problem: "it is a directory, not a database file")
        }
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
                throw .storeUnavailable(path: path, problem: "cannot create the folder \(folder)")
            }
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.foreignKeysEnabled = true
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
            pool = try MigrationLock.withLock(beside: path) {
                let pool = try DatabasePool(path: path, configuration: configuration)
                let migrator = SQLiteSchema.migrator
                // Migrating only when needed keeps an up-to-date file byte for byte as it was.
                if try !pool.read({ try migrator.hasCompletedMigrations($0) }) { try migrator.migrate(pool) }
                return pool
            }
        } catch {
            throw SQLiteStore.translate(error, path: path)
        }
    }

    /// Runs a read and turns any failure into a one-line `CabinetError`.
    func reading<T>(_ body: (Database) throws -> T) throws(CabinetError) -> T {
        do { return try pool.read(body) } catch { throw SQLiteStore.translate(error, path: path) }
    }

    /// Runs a write in an IMMEDIATE transaction: the write lock is taken before anything is read,
    /// so two processes checking then writing the same record serialize instead of losing one.
    func writing<T>(_ body: (Database) throws -> T) throws(CabinetError) -> T {
        do {
            return try pool.writeWithoutTransaction { db in
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

    /// Runs a bulk write (an import, the demo) with a page cache large enough that SQLite does not
    /// spill pages to the WAL again and again before the commit; the cache shrinks back after.
    func writingInBulk<T>(_ body: (Database) throws -> T) throws(CabinetError) -> T {
        try writing { db in
            try db.execute(sql: "PRAGMA cache_size = -262144")
            defer { try? db.execute(sql: "PRAGMA cache_size = -2000") }
            return try body(db)
        }
    }

    static func translate(_ error: Error, path: String) -> CabinetError {
        if let error = error as? CabinetError { return error }
        if let error = error as? DatabaseError {
            let message = error.message ?? "\(error.resultCode)"
            switch error.resultCode {
            case .SQLITE_NOTADB, .SQLITE_CORRUPT: return .storeUnavailable(path: path, problem: "not a Cabinet database or damaged (\(message))")
            case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY: return .storeUnavailable(path: path, problem: "cannot open it (\(message))")
            case .SQLITE_BUSY, .SQLITE_LOCKED: return .storeUnavailable(path: path, problem: "busy: another process holds it too long (\(message))")
            default: return .storeUnavailable(path: path, problem: message)
            }
        }
        return .storeUnavailable(path: path, problem: "\(error)")
    }

    // MARK: Reads

    public func change(id: String) throws(CabinetError) -> Change? {
        try reading { db in try ChangeRows.fetch(db, where: "id = ?", arguments: [id]).first }
    }

    public func changes(matching filter: ChangeFilter) throws(CabinetError) -> [Change] {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let route = filter.route { conditions.append("route = ?"); arguments += [route.rawValue] }
        if let state = filter.state { conditions.append("state = ?"); arguments += [state.rawValue] }
        if let since = filter.submittedSince { conditions.append("submitted_at >= ?"); arguments += [since.milliseconds] }
        let whereClause = conditions.isEmpty ? "1" : conditions.joined(separator: " AND ")
        return try reading { db in
            try ChangeRows.fetch(db, where: whereClause, arguments: arguments, order: "submitted_at DESC, id", limit: filter.limit)
        }
    }

    public func decisions(forChange id: String) throws(CabinetError) -> [Decision] {
        try reading { db in try DecisionRows.fetch(db, where: "change_id = ?", arguments: [id]) }
    }

    public func incidents(causedBy changeID: String) throws(CabinetError) -> [Incident] {
        try reading { db in
            try IncidentRows.fetch(db, where: "id IN (SELECT incident_id FROM incident_causes WHERE change_id = ?)", arguments: [changeID])
        }
    }

    public func services() throws(CabinetError) -> [Service] {
        try reading { db in try ServiceRows.fetchAll(db) }
    }

    public func exportDocument() throws(CabinetError) -> InterchangeDocument {
        try reading { db in
            InterchangeDocument(
                services: try ServiceRows.fetchAll(db),
                changes: try ChangeRows.fetch(db, where: "1", arguments: [], order: "submitted_at, id")
                    .map { SubmittedChange(change: $0, statedRoute: $0.route, statedState: $0.state) },
                decisions: try DecisionRows.fetch(db, where: "1", arguments: []),
                incidents: try IncidentRows.fetch(db, where: "1", arguments: []))
        }
    }

    public func queue(on day: Timestamp, now: Timestamp) throws(CabinetError) -> [QueueEntry] {
        try assessedIfCurrent(try unassessedQueue(on: day, now: now), day: day, now: now)
    }

    /// A day that ended before `now`: its queue is history, and risk is assessed only for the
    /// changes still ahead of the board.
    static func isPast(_ day: Timestamp, now: Timestamp) -> Bool { day.startOfDay.adding(days: 1) <= now }

    /// Entries with their risk assessment, unless the day is history.
    func assessedIfCurrent(_ entries: [QueueEntry], day: Timestamp, now: Timestamp) throws(CabinetError) -> [QueueEntry] {
        Self.isPast(day, now: now) ? entries : try assessed(entries, now: now)
    }

    /// The day's queue without the risk assessment of each entry.
    func unassessedQueue(on day: Timestamp, now: Timestamp) throws(CabinetError) -> [QueueEntry] {
        try reading { db in try Self.unassessedQueue(db, on: day, now: now) }
    }

    /// The day's queue read through `db`, so a write transaction can decide on what it read.
    static func unassessedQueue(_ db: Database, on day: Timestamp, now: Timestamp) throws -> [QueueEntry] {
        let start = day.startOfDay, end = day.startOfDay.adding(days: 1)
        let waitingToo = !isPast(day, now: now)
        let readinessTime = waitingToo ? now : start
        let changes = try ChangeRows.fetch(
            db,
            // Two index ranges joined by UNION (an OR across them would walk every board change);
            // `|| ''` keeps the second on the day's decisions rather than on every board change.
            where: """
                id IN (
                    SELECT id FROM changes WHERE ? AND route = 'cab' AND state = 'authorize' AND submitted_at < ?
                    UNION
                    SELECT d.change_id FROM decisions d JOIN changes c ON c.id = d.change_id
                    WHERE d.at >= ? AND d.at < ? AND c.route || '' = 'cab')
                """,
            arguments: [waitingToo, end.milliseconds, start.milliseconds, end.milliseconds],
            order: "submitted_at, id")
        return try changes.map { change in
            let latest = try DecisionRows.fetch(db, where: "change_id = ? AND at < ?", arguments: [change.id, end.milliseconds]).last
            return QueueEntry(change: change, now: readinessTime, latestDecision: latest)
        }
    }

    /// A value of the `meta` table (for instance, what made this database).
    public func meta(_ key: String) throws(CabinetError) -> String? {
        try reading { db in try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key]) }
    }
}
