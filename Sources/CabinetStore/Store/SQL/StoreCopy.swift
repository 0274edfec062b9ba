import CabinetModel
/// Copies every table of one store into another (moving a team from its SQLite file to the
/// shared PostgreSQL database), then checks that both hold the same rows and give the same
/// figures. A target that already holds records is replaced only when asked.
public enum StoreCopy {
    /// What was copied and checked.
    public struct Report: Sendable {
        /// Rows per table, equal on both sides.
        public var rows: [(table: String, count: Int)]
        /// The periods (days up to now) whose figures were compared and found equal.
        public var days: [Int64]
        /// The roles the source keeps that the target cannot (PostgreSQL keeps roles as logins,
        /// granted with their passwords by `cab admin grant`).
        public var rolesNotCopied: [TeamMember] = []
    }

    /// Rows per multi-row INSERT: a few thousand values, far under both engines' limits.
    static let batch = 500

    public static func copy(
        from source: some SQLStore, to target: some SQLStore, source sourceName: String, target targetName: String, replace: Bool, now: Timestamp
    ) throws(CabinetError) -> Report {
        let held = try target.rowCounts().filter { $0.value > 0 }
        if !held.isEmpty && !replace {
            let what = held.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
            throw .refused("\(targetName) already holds records (\(what)); add --force to replace them")
        }
        // The source is read once, in one snapshot: each table is copied and summed as it streams.
        let (copied, roles, rolesKept) = try source.reading { from in
            let roles = try source.teamRoles(from)
            return try target.writingCopy { to in
                for table in StoreTables.all.reversed() { try to.execute("DELETE FROM \(table.name)") }
                return (try StoreTables.all.map { try copy($0, from: from, to: to) }, roles, try target.replaceRoles(roles, to))
            }
        }
        let (landed, landedRoles) = try target.reading { db in (try StoreTables.all.map { try summing($0, in: db) }, try target.teamRoles(db)) }
        if rolesKept, landedRoles != roles { throw .refused("the roles of \(sourceName) and \(targetName) differ after the copy") }
        for (table, (sent, held)) in zip(StoreTables.all, zip(copied, landed)) where sent != held {
            throw .refused(sent.rows == held.rows
                ? "\(table.name): the rows of \(sourceName) and \(targetName) differ after the copy"
                : "\(table.name): \(sourceName) holds \(sent.rows) rows but \(targetName) \(held.rows) after the copy")
        }
        let days: [Int64] = [7, 30, 90]
        for period in days.map({ Period(lastDays: $0, endingAt: now) }) where try source.figures(for: period) != target.figures(for: period) {
            throw .refused("the figures of \(period.since.iso8601) to \(period.until.iso8601) differ between \(sourceName) and \(targetName) after the copy")
        }
        return Report(rows: zip(StoreTables.all, copied).map { ($0.name, $1.rows) }, days: days, rolesNotCopied: rolesKept ? [] : roles)
    }

    /// How many rows a table holds and a digest of every value, row by row in the table's order:
    /// equal on both sides when the copy holds the same rows with the same values.
    struct Content: Equatable {
        var rows: Int
        var digest: Int
    }

    /// Reads every row of `table` in its order, handing each to `each`, and sums them up.
    private static func summing<Database: SQLDatabase>(
        _ table: StoreTables, in db: Database, _ each: (Database.Row) throws -> Void = { _ in }
    ) throws -> Content {
        var hasher = Hasher()
        var rows = 0
        let sql = "SELECT \(table.columns.joined(separator: ", ")) FROM \(table.name) ORDER BY \(table.order(in: db.dialect))"
        try db.forEachRowOfLargeResult(sql) { row in
            for index in table.columns.indices { hasher.combine(try row.value(at: index)) }
            rows += 1
            try each(row)
        }
        return Content(rows: rows, digest: hasher.finalize())
    }

    /// Copies `table` in batches of multi-row INSERTs; what was read, summed.
    private static func copy(_ table: StoreTables, from: some SQLDatabase, to: some SQLDatabase) throws -> Content {
        let row = "(" + placeholders(table.columns.count) + ")"
        var pending: [SQLValue] = []
        var rows = 0
        func flush() throws {
            guard rows > 0 else { return }
            try to.execute("INSERT INTO \(table.name) (\(table.columns.joined(separator: ", "))) VALUES "
                           + Array(repeating: row, count: rows).joined(separator: ", "), pending)
            pending.removeAll(keepingCapacity: true)
            rows = 0
        }
        let content = try summing(table, in: from) { source in
            for index in table.columns.indices { pending.append(try source.value(at: index)) }
            rows += 1
            if rows == batch { try flush() }
        }
        try flush()
        return content
    }
}
