import CabinetModel
/// A row read by column name: records decode from what their SELECT names, not from where a
/// column happens to sit, so adding or moving a column cannot shift the others. The names are
/// looked up once per statement.
public struct NamedRow<Row: SQLRow> {
    public let row: Row
    let positions: [String: Int]

    /// `row` by name; `positions` keeps the names of the statement's columns from its first row on.
    init(_ row: Row, remembering positions: inout [String: Int]?) {
        let known = positions ?? Dictionary((0..<row.columnCount).map { (row.columnName(at: $0), $0) }, uniquingKeysWith: { first, _ in first })
        positions = known
        self.row = row
        self.positions = known
    }

    /// The position of column `name`; a query that does not select it is a programming error
    /// worth one line, not a crash.
    public func position(_ name: String) throws -> Int {
        guard let position = positions[name] else {
            throw CabinetError.refused("the query reads no column '\(name)' (it has \(positions.keys.sorted().joined(separator: ", ")))")
        }
        return position
    }

    public func optionalText(_ name: String) throws -> String? { try row.optionalText(position(name)) }
    public func text(_ name: String) throws -> String { try row.text(position(name)) }
    public func integer(_ name: String) throws -> Int64 { try row.integer(position(name)) }
    public func optionalInt(_ name: String) throws -> Int? { try row.optionalInt(position(name)) }
    public func int(_ name: String) throws -> Int { try row.int(position(name)) }
    public func optionalBool(_ name: String) throws -> Bool? { try row.optionalBool(position(name)) }
    public func bool(_ name: String) throws -> Bool { try row.bool(position(name)) }
    public func timestamp(_ name: String) throws -> Timestamp { try row.timestamp(position(name)) }
    public func optionalTimestamp(_ name: String) throws -> Timestamp? { try row.optionalTimestamp(position(name)) }
    public func optionalReal(_ name: String) throws -> Double? { try row.optionalReal(position(name)) }
    public func real(_ name: String) throws -> Double { try row.real(position(name)) }
    public func word<V: Vocabulary>(_ name: String) throws -> V { try row.word(position(name)) }
}

extension SQLDatabase {
    /// Runs a query and hands each row to `body` by column name, in order.
    public func forEachNamedRow(_ sql: String, _ arguments: [SQLValue], _ body: (NamedRow<Row>) throws -> Void) throws {
        var positions: [String: Int]?
        try forEachRow(sql, arguments) { try body(NamedRow($0, remembering: &positions)) }
    }

    /// As `forEachNamedRow`, for a query over a whole table (see `forEachRowOfLargeResult`).
    public func forEachNamedRowOfLargeResult(_ sql: String, _ body: (NamedRow<Row>) throws -> Void) throws {
        var positions: [String: Int]?
        try forEachRowOfLargeResult(sql) { try body(NamedRow($0, remembering: &positions)) }
    }

    /// Every row of a query by column name, turned into values by `transform`.
    public func namedRows<T>(_ sql: String, _ arguments: [SQLValue] = [], _ transform: (NamedRow<Row>) throws -> T) throws -> [T] {
        var values: [T] = []
        try forEachNamedRow(sql, arguments) { values.append(try transform($0)) }
        return values
    }
}
