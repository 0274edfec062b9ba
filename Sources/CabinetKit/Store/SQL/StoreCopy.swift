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
        try source.reading { from in
            try target.writingCopy { to in
                for table in StoreTables.all.reversed() { try to.execute("DELETE FROM \(table.name)") }
                for table in StoreTables.all { try copy(table, from: from, to: to) }
            }
        }
        let counts = try source.rowCounts()
        let copied = try target.rowCounts()
        for table in StoreTables.all where counts[table.name] != copied[table.name] {
            throw .refused("\(table.name): \(sourceName) holds \(counts[table.name] ?? 0) rows but \(targetName) \(copied[table.name] ?? 0) after the copy")
        }
        let digests = try source.reading { db in try StoreTables.all.map { try digest(of: $0, in: db) } }
        let copiedDigests = try target.reading { db in try StoreTables.all.map { try digest(of: $0, in: db) } }
        for (table, (one, other)) in zip(StoreTables.all, zip(digests, copiedDigests)) where one != other {
            throw .refused("\(table.name): the rows of \(sourceName) and \(targetName) differ after the copy")
        }
        let days: [Int64] = [7, 30, 90]
        for period in days.map({ Period(lastDays: $0, endingAt: now) }) where try source.figures(for: period) != target.figures(for: period) {
            throw .refused("the figures of \(period.since.iso8601) to \(period.until.iso8601) differ between \(sourceName) and \(targetName) after the copy")
        }
        return Report(rows: StoreTables.all.map { ($0.name, counts[$0.name] ?? 0) }, days: days)
    }

    /// A digest of every value of `table`, row by row in the table's order: equal on both sides
    /// when the copy holds the same rows with the same values in the same order.
    private static func digest(of table: StoreTables, in db: some SQLDatabase) throws -> Int {
        var hasher = Hasher()
        try db.forEachRowOfLargeResult("SELECT \(table.columns.joined(separator: ", ")) FROM \(table.name) ORDER BY \(table.order(in: db.dialect))") { row in
            for index in table.columns.indices { hasher.combine(try row.value(at: index)) }
        }
        return hasher.finalize()
    }

    private static func copy(_ table: StoreTables, from: some SQLDatabase, to: some SQLDatabase) throws {
        let columns = table.columns.joined(separator: ", ")
        let row = "(" + placeholders(table.columns.count) + ")"
        var pending: [SQLValue] = []
        var rows = 0
        func flush() throws {
            guard rows > 0 else { return }
            try to.execute("INSERT INTO \(table.name) (\(columns)) VALUES " + Array(repeating: row, count: rows).joined(separator: ", "), pending)
            pending.removeAll(keepingCapacity: true)
            rows = 0
        }
        try from.forEachRowOfLargeResult("SELECT \(columns) FROM \(table.name) ORDER BY \(table.order(in: from.dialect))") { source in
            for index in table.columns.indices { pending.append(try source.value(at: index)) }
            rows += 1
            if rows == batch { try flush() }
        }
        try flush()
    }
}
