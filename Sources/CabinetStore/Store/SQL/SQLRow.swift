import CabinetModel
/// One row of a result, read by column position.
public protocol SQLRow {
    /// The value of column `index` (from 0).
    func value(at index: Int) throws -> SQLValue
    /// The name of column `index`, for errors and for reading columns by name.
    func columnName(at index: Int) -> String
    var columnCount: Int { get }
}

/// A value in the database that the store did not write that way (a file or table edited by hand).
public struct UnexpectedColumn: Error, CustomStringConvertible {
    public var column: String
    public var found: SQLValue
    public var expected: String

    public var description: String { "the database holds \(found) in column \(column), where \(expected) belongs" }
}

extension SQLRow {
    public func optionalText(_ index: Int) throws -> String? {
        switch try value(at: index) {
        case .null: return nil
        case .text(let text): return text
        case let other: throw UnexpectedColumn(column: columnName(at: index), found: other, expected: "text")
        }
    }

    public func text(_ index: Int) throws -> String {
        guard let text = try optionalText(index) else { throw UnexpectedColumn(column: columnName(at: index), found: .null, expected: "text") }
        return text
    }

    public func optionalInteger(_ index: Int) throws -> Int64? {
        switch try value(at: index) {
        case .null: return nil
        case .integer(let integer): return integer
        case .real(let real) where real.rounded() == real: return Int64(real)
        case let other: throw UnexpectedColumn(column: columnName(at: index), found: other, expected: "an integer")
        }
    }

    public func integer(_ index: Int) throws -> Int64 {
        guard let integer = try optionalInteger(index) else { throw UnexpectedColumn(column: columnName(at: index), found: .null, expected: "an integer") }
        return integer
    }

    public func int(_ index: Int) throws -> Int { Int(try integer(index)) }
    public func optionalInt(_ index: Int) throws -> Int? { try optionalInteger(index).map { Int($0) } }
    public func optionalBool(_ index: Int) throws -> Bool? { try optionalInteger(index).map { $0 != 0 } }
    public func bool(_ index: Int) throws -> Bool { try integer(index) != 0 }
    public func timestamp(_ index: Int) throws -> Timestamp { Timestamp(milliseconds: try integer(index)) }
    public func optionalTimestamp(_ index: Int) throws -> Timestamp? { try optionalInteger(index).map(Timestamp.init(milliseconds:)) }

    public func optionalReal(_ index: Int) throws -> Double? {
        switch try value(at: index) {
        case .null: return nil
        case .real(let real): return real
        case .integer(let integer): return Double(integer)
        case let other: throw UnexpectedColumn(column: columnName(at: index), found: other, expected: "a number")
        }
    }

    public func real(_ index: Int) throws -> Double {
        guard let real = try optionalReal(index) else { throw UnexpectedColumn(column: columnName(at: index), found: .null, expected: "a number") }
        return real
    }

    /// A vocabulary word; a word outside it means the database was edited by hand.
    public func word<V: Vocabulary>(_ index: Int) throws -> V {
        let text = try text(index)
        guard let value = V(rawValue: text) else {
            throw CabinetError.refused("the database holds an unknown \(columnName(at: index)) '\(text)' (one of: \(V.allowedWords))")
        }
        return value
    }
}
