import CabinetModel
import CabinetStore
import Foundation
import PostgresNIO

/// The shared store of a team: one PostgreSQL database, reached by every `cab` of the team.
/// The figures are aggregated on the server by the same SQL as SQLite's; writes serialize on
/// an advisory lock as SQLite's single writer does; a board learns of others' writes through
/// LISTEN/NOTIFY; roles, grants and row-level security decide who may write what.
public final class PostgresStore: SQLStore, @unchecked Sendable {
    public let location: PostgresLocation
    let connections: PostgresConnections
    private let notifications: ChangeNotifications

    /// Connects (a wrong password or an unreachable host fails here, in one line) and brings
    /// the schema up to date.
    public init(location: PostgresLocation) throws(CabinetError) {
        self.location = location
        connections = PostgresConnections(location: location)
        notifications = ChangeNotifications(connections: connections)
        try connections.with { session in try PostgresSchema.migrate(session) }
    }

    public convenience init(url: String) throws(CabinetError) {
        try self.init(location: PostgresLocation(url: url))
    }

    public func reading<T>(_ body: (PostgresSession) throws -> T) throws(CabinetError) -> T {
        try connections.with { session in
            try Self.transaction(session, begin: ["BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"], body)
        }
    }

    public func writing<T>(_ body: (PostgresSession) throws -> T) throws(CabinetError) -> T {
        try connections.with { session in
            try Self.transaction(session, begin: ["BEGIN", "SELECT pg_advisory_xact_lock(\(PostgresSchema.writeLock))"], body)
        }
    }

    /// A copy into this store, as its owner: the triggers of decisions are off while the tables
    /// are replaced (the copied changes carry what the decision trigger would compute), and so are
    /// those of v13's and v14's summaries, emptied first and filled from the copied rows at the end
    /// (one upsert per row of the same few summary rows made a 1M copy crawl); then every board is
    /// told once.
    public func writingCopy<T>(_ body: (PostgresSession) throws -> T) throws(CabinetError) -> T {
        let summaries = PostgresSchema.routeWeekTriggerNames + PostgresSchema.serviceHistoryTriggerNames
        return try writing { session in
            try session.run(["ALTER TABLE decisions DISABLE TRIGGER USER", "ALTER TABLE pirs DISABLE TRIGGER USER"]
                            + summaries.map { "ALTER TABLE \($0.table) DISABLE TRIGGER \($0.trigger)" }
                            + ServiceHistoryTriggers.emptied + RouteWeekTriggers.emptied)
            let result = try body(session)
            // v13's summary is filled while its triggers are still off (its marks would count twice);
            // v14's reads those marks.
            try session.run(ServiceHistoryTriggers.filled
                            + ["ALTER TABLE decisions ENABLE TRIGGER USER", "ALTER TABLE pirs ENABLE TRIGGER USER"]
                            + summaries.map { "ALTER TABLE \($0.table) ENABLE TRIGGER \($0.trigger)" }
                            + RouteWeekTriggers.refilled + ["SELECT pg_notify('\(PostgresSchema.channel)', 'copy')"])
            return result
        }
    }

    private static func transaction<T>(_ session: PostgresSession, begin: [String], _ body: (PostgresSession) throws -> T) throws -> T {
        do {
            try session.run(begin)
            let result = try body(session)
            try session.execute("COMMIT")
            return result
        } catch {
            _ = try? session.execute("ROLLBACK")
            throw error
        }
    }

    /// Grows with every write to Cabinet's tables anywhere (LISTEN/NOTIFY, no query per call).
    public func dataVersion() throws(CabinetError) -> Int {
        try notifications.version()
    }
}

extension PostgresStore {
    public func recorder(_ db: PostgresSession) throws -> String {
        try db.firstRow("SELECT session_user") { try $0.text(0) } ?? ""
    }

    /// A chair by role, or the owner of the store's tables; everyone where the roles were never set up.
    public func isChair(_ person: String, _ db: PostgresSession) throws -> Bool {
        try db.firstRow("""
            SELECT NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'cab_chair')
                OR pg_has_role(current_user, 'cab_chair', 'MEMBER')
                OR EXISTS (SELECT 1 FROM pg_tables WHERE tablename = 'changes' AND schemaname = current_schema() AND tableowner = current_user)
            """) { try $0.bool(0) } ?? false
    }
}
