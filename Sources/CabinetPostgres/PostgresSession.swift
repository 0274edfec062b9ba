import CabinetModel
import CabinetStore
import Foundation
import Logging
import PostgresNIO

/// One PostgreSQL connection running the shared store SQL: `?` placeholders become `$1…$n`,
/// values are bound in binary, and every call waits for its result on the caller's thread
/// (the store's API is synchronous; the connection's own event loop does the I/O).
public struct PostgresSession: SQLDatabase {
    let connection: PostgresConnection
    let logger: Logger

    public var dialect: SQLDialect { .postgres }

    public func execute(_ sql: String, _ arguments: [SQLValue]) throws {
        _ = try answer(connection.query(Self.query(sql, arguments), logger: logger))
    }

    public func forEachRow(_ sql: String, _ arguments: [SQLValue], _ body: (PostgresSessionRow) throws -> Void) throws {
        let result = try answer(connection.query(Self.query(sql, arguments), logger: logger))
        for row in result.rows { try body(PostgresSessionRow(cells: Array(row))) }
    }

    /// Reads through a cursor, 5,000 rows at a time (the session is inside a transaction, as
    /// the store's reads and writes always are).
    public func forEachRowOfLargeResult(_ sql: String, _ body: (PostgresSessionRow) throws -> Void) throws {
        try execute("DECLARE cabinet_rows NO SCROLL CURSOR FOR \(sql)", [])
        while true {
            var count = 0
            try forEachRow("FETCH 5000 FROM cabinet_rows", []) { row in
                count += 1
                try body(row)
            }
            if count == 0 { break }
        }
        try execute("CLOSE cabinet_rows", [])
    }

    /// How long one statement may take before the server is taken for unreachable.
    static let deadline = TimeAmount.seconds(30)

    /// Waits for `future`, at most the deadline.
    private func answer<T: Sendable>(_ future: EventLoopFuture<T>) throws -> T {
        try PostgresConnections.closing(connection, unless: future, within: Self.deadline).wait()
    }

    /// Runs statements that take no arguments one by one (a migration, a grant script): the
    /// extended protocol takes a single statement at a time.
    func run(_ statements: [String]) throws {
        for statement in statements { try execute(statement, []) }
    }

    static func query(_ sql: String, _ arguments: [SQLValue]) -> PostgresQuery {
        var bindings = PostgresBindings(capacity: arguments.count)
        for argument in arguments {
            switch argument {
            case .null: bindings.appendNull()
            case .integer(let integer): bindings.append(integer)
            case .real(let real): bindings.append(real)
            case .text(let text): bindings.append(text)
            }
        }
        return PostgresQuery(unsafeSQL: numberedPlaceholders(sql), binds: bindings)
    }

    /// `?` outside quotes becomes `$1`, `$2`, … in order.
    static func numberedPlaceholders(_ sql: String) -> String {
        var result = ""
        result.reserveCapacity(sql.utf8.count + 16)
        var number = 0
        var quote: Character?
        for character in sql {
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "'" || character == "\"" {
                quote = character
            } else if character == "?" {
                number += 1
                result += "$\(number)"
                continue
            }
            result.append(character)
        }
        return result
    }
}

/// A row read from PostgreSQL, its cells decoded into the storage classes the store shares.
public struct PostgresSessionRow: SQLRow {
    let cells: [PostgresCell]

    public func value(at index: Int) throws -> SQLValue {
        let cell = cells[index]
        guard cell.bytes != nil else { return .null }
        switch cell.dataType {
        case .int2: return .integer(Int64(try cell.decode(Int16.self)))
        case .int4: return .integer(Int64(try cell.decode(Int32.self)))
        case .int8: return .integer(try cell.decode(Int64.self))
        case .bool: return .integer(try cell.decode(Bool.self) ? 1 : 0)
        case .float4: return .real(Double(try cell.decode(Float.self)))
        case .float8: return .real(try cell.decode(Double.self))
        case .numeric:
            // SUM over bigint is numeric: whole numbers stay integers.
            let number = try cell.decode(Decimal.self)
            var whole = Decimal(), copy = number
            NSDecimalRound(&whole, &copy, 0, .plain)
            return whole == number ? .integer((number as NSDecimalNumber).int64Value) : .real((number as NSDecimalNumber).doubleValue)
        default: return .text(try cell.decode(String.self))
        }
    }

    public func columnName(at index: Int) -> String { cells[index].columnName }
    public var columnCount: Int { cells.count }
}
