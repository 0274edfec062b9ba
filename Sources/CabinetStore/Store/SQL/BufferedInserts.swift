import CabinetModel
/// A connection that holds back single-row `INSERT … VALUES (…)` statements and sends them many
/// rows a statement: on PostgreSQL every statement is a round trip; on SQLite every statement
/// runs the table's CHECK lists and triggers' set-up again. Any other statement, and every read,
/// first sends what is held, the statements in the order they were first held: so the SQL always
/// sees the rows written before it, and parents go in before the rows that reference them.
/// `flush()` sends the rest; the caller's transaction keeps it all or nothing.
final class BufferedInserts<Base: SQLDatabase>: SQLDatabase {
    typealias Row = Base.Row

    /// The most rows sent in one statement (a change has 22 columns: 11,000 bound values, well
    /// under PostgreSQL's 65,535).
    static var rowsPerStatement: Int { 500 }

    private let base: Base
    /// Every statement held since the start, in the order first held (kept across flushes, so
    /// that a parent's rows always go before its children's), with the rows held now.
    private var held: [(insert: MultiRowInsert, rows: [[SQLValue]])] = []
    /// Where each statement's text is in `held`.
    private var positions: [String: Int] = [:]

    init(_ base: Base) { self.base = base }

    var dialect: SQLDialect { base.dialect }

    func execute(_ sql: String, _ arguments: [SQLValue]) throws {
        let position: Int
        if let known = positions[sql] {
            position = known
            held[position].rows.append(arguments)
        } else if let insert = MultiRowInsert(sql) {
            position = held.count
            positions[sql] = position
            held.append((insert, [arguments]))
        } else {
            try flush()
            return try base.execute(sql, arguments)
        }
        if held[position].rows.count >= Self.rowsPerStatement { try flush(through: position) }
    }

    func forEachRow(_ sql: String, _ arguments: [SQLValue], _ body: (Row) throws -> Void) throws {
        try flush()
        try base.forEachRow(sql, arguments, body)
    }

    func forEachRowOfLargeResult(_ sql: String, _ body: (Row) throws -> Void) throws {
        try flush()
        try base.forEachRowOfLargeResult(sql, body)
    }

    /// Sends every row held (no statement holds more than `rowsPerStatement` rows: it is sent
    /// when it reaches them).
    func flush() throws { try flush(through: held.count - 1) }

    /// Sends the rows held by the statements first held up to `last`: a full statement goes with
    /// the parents held before it, while the statements held after it may fill up too. The rows go
    /// in statements of `rowsPerStatement` rows or a power of two, so that an engine that caches
    /// its prepared statements (GRDB) prepares a handful of texts, not one for every count.
    private func flush(through last: Int) throws {
        for position in held.indices.prefix(last + 1) where !held[position].rows.isEmpty {
            var rows = held[position].rows[...]
            held[position].rows.removeAll(keepingCapacity: true)
            while !rows.isEmpty {
                let count = Self.statementSize(for: rows.count)
                try base.execute(held[position].insert.sql(rows: count), rows.prefix(count).flatMap { $0 })
                rows = rows.dropFirst(count)
            }
        }
    }

    /// The rows of the next statement for `count` rows held: all of them at `rowsPerStatement`,
    /// else the largest power of two not above `count`.
    static func statementSize(for count: Int) -> Int {
        count >= rowsPerStatement ? rowsPerStatement : 1 << (Int.bitWidth - 1 - count.leadingZeroBitCount)
    }
}

/// A single-row `INSERT INTO t (…) VALUES (…)` (nothing after the row) written for many rows.
struct MultiRowInsert {
    private let head: Substring
    private let row: Substring

    /// Nil for any other statement (one with `ON CONFLICT`, `RETURNING`, a `SELECT`, …).
    init?(_ sql: String) {
        guard sql.hasPrefix("INSERT INTO "), let values = sql.range(of: " VALUES ("), sql.hasSuffix(")") else { return nil }
        let row = sql[sql.index(before: values.upperBound)...]
        var depth = 0
        for index in row.indices {
            if row[index] == "(" { depth += 1 }
            if row[index] == ")" { depth -= 1 }
            // The row's parenthesis must close at the very end.
            if depth == 0, row.index(after: index) != row.endIndex { return nil }
        }
        head = sql[..<row.startIndex]
        self.row = row
    }

    /// The statement for `count` rows.
    func sql(rows count: Int) -> String {
        head + repeatElement(row, count: count).joined(separator: ", ")
    }
}
