import GRDB
import CabinetModel

/// GRDB's connection runs the shared store code: cached statements, so a bulk import prepares
/// each statement once.
extension Database: SQLDatabase {
    public var dialect: SQLDialect { .sqlite }

    public func execute(_ sql: String, _ arguments: [SQLValue]) throws {
        try cachedStatement(sql: sql).execute(arguments: arguments.statementArguments)
    }

    public func forEachRow(_ sql: String, _ arguments: [SQLValue], _ body: (Row) throws -> Void) throws {
        let rows = try Row.fetchCursor(cachedStatement(sql: sql), arguments: arguments.statementArguments)
        while let row = try rows.next() { try body(row) }
    }
}

extension [SQLValue] {
    /// GRDB's arguments through its existential initialiser: the generic one maps through a key
    /// path that the runtime builds again at every call, 8 % of an import's time.
    var statementArguments: StatementArguments {
        StatementArguments(lazy.map { $0 as (any DatabaseValueConvertible)? })
    }
}

extension Row: SQLRow {
    public func value(at index: Int) throws -> SQLValue {
        switch (self[index] as DatabaseValue).storage {
        case .null: return .null
        case .int64(let integer): return .integer(integer)
        case .double(let real): return .real(real)
        case .string(let text): return .text(text)
        case .blob: throw UnexpectedColumn(column: columnName(at: index), found: .text("a blob"), expected: "text or a number")
        }
    }

    public func columnName(at index: Int) -> String { columnNames[columnNames.index(columnNames.startIndex, offsetBy: index)] }
    public var columnCount: Int { count }
}

extension SQLValue: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue {
        switch self {
        case .null: return .null
        case .integer(let integer): return integer.databaseValue
        case .real(let real): return real.databaseValue
        case .text(let text): return text.databaseValue
        }
    }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> SQLValue? {
        switch dbValue.storage {
        case .null: return .null
        case .int64(let integer): return .integer(integer)
        case .double(let real): return .real(real)
        case .string(let text): return .text(text)
        case .blob: return nil
        }
    }
}
