import CabinetModel
/// One connection to an SQL engine inside a transaction, as the shared store code sees it.
/// Statements use `?` placeholders; each engine's adapter binds them its own way.
public protocol SQLDatabase {
    associatedtype Row: SQLRow
    /// What differs between the engines' SQL.
    var dialect: SQLDialect { get }
    /// Runs a statement that returns no rows.
    func execute(_ sql: String, _ arguments: [SQLValue]) throws
    /// Runs a query and hands each row to `body`, in order. A row is valid only during its call.
    func forEachRow(_ sql: String, _ arguments: [SQLValue], _ body: (Row) throws -> Void) throws
    /// As `forEachRow`, for a query over a whole table: the rows come in batches rather than
    /// all at once, where the engine would otherwise hold the whole result in memory.
    func forEachRowOfLargeResult(_ sql: String, _ body: (Row) throws -> Void) throws
}

/// The few spellings that differ between SQLite and PostgreSQL.
public struct SQLDialect: Sendable {
    /// A column that orders rows of tables without a time tie-breaker by insertion.
    public var insertionOrder: String
    /// Whether `text || ''` must keep the planner off an index of that text column: SQLite's
    /// planner needs the hint where it would walk a whole index; PostgreSQL's, weighing its
    /// statistics, is only slowed by it.
    var steersPlanner: Bool
    /// Whether a table that lives only for one write transaction is a TEMP table (PostgreSQL:
    /// the server holds it) or one in the file itself (SQLite: a bulk write keeps SQLite's
    /// temporary storage in memory, `writingMany`, where the table would grow).
    var scratchTablesAreTemporary: Bool
    /// Whether the engine overwrites every page a deletion frees (SQLite as Debian builds it:
    /// `secure_delete`), so that dropping a large table writes, and first journals, all its pages.
    var zeroesFreedPages: Bool

    public static let sqlite = SQLDialect(insertionOrder: "rowid", steersPlanner: true, scratchTablesAreTemporary: false, zeroesFreedPages: true)
    public static let postgres = SQLDialect(insertionOrder: "seq", steersPlanner: false, scratchTablesAreTemporary: true, zeroesFreedPages: false)

    /// The statement that creates `name`, a table for one write transaction (see
    /// `scratchTablesAreTemporary`); in the file it is stored by its key alone, without a rowid.
    func scratchTable(_ name: String, _ definition: String) -> String {
        scratchTablesAreTemporary ? "CREATE TEMP TABLE \(name) (\(definition))" : "CREATE TABLE \(name) (\(definition)) WITHOUT ROWID"
    }

    /// A text column compared without its index where the engine needs telling.
    func withoutIndex(_ column: String) -> String { steersPlanner ? "\(column) || ''" : column }
}

extension SQLDatabase {
    public func forEachRowOfLargeResult(_ sql: String, _ body: (Row) throws -> Void) throws { try forEachRow(sql, [], body) }

    public func execute(_ sql: String) throws { try execute(sql, []) }

    /// Every row of a query, turned into values by `transform`.
    public func rows<T>(_ sql: String, _ arguments: [SQLValue] = [], _ transform: (Row) throws -> T) throws -> [T] {
        var values: [T] = []
        try forEachRow(sql, arguments) { values.append(try transform($0)) }
        return values
    }

    /// The first row of a query, if any, turned into a value by `transform`.
    public func firstRow<T>(_ sql: String, _ arguments: [SQLValue] = [], _ transform: (Row) throws -> T) throws -> T? {
        try rows(sql, arguments, transform).first
    }

    /// The first column of every row, as text.
    public func strings(_ sql: String, _ arguments: [SQLValue] = []) throws -> [String] {
        try rows(sql, arguments) { try $0.text(0) }
    }

    /// The integer in the first column of the first row; nil for no row or NULL.
    public func integer(_ sql: String, _ arguments: [SQLValue] = []) throws -> Int64? {
        try firstRow(sql, arguments) { try $0.optionalInteger(0) } ?? nil
    }
}
