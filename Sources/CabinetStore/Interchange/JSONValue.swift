import CabinetModel
/// A JSON value as the interchange reader sees it: parsed straight from bytes by `JSONParser`,
/// without Foundation's object graph, so a 100,000-change import reads in a fraction of the time.
public enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .number(Double(value)) }

    /// A list of strings, for fields such as `services`.
    public init(_ strings: [String]) { self = .array(strings.map(JSONValue.string)) }
}

/// Where and why a text is not JSON.
public struct JSONSyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
    public let line: Int
    public let column: Int
    public let problem: String

    public var description: String { "line \(line), column \(column): \(problem)" }
}
