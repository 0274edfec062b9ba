import CabinetModel
/// An interchange document read from a file a record at a time: a quick look finds where each
/// section begins, then each section is read, in the order an import takes them, one record at
/// a time, and the pages read are handed back. Only the record being read is held.
///
/// It refuses a document with the error `InterchangeReader.read` gives for it, whatever the
/// order the records come in: a JSON error anywhere comes before any record's, a record's own
/// error before any it makes against other records or the store.
public final class StreamedDocument: InterchangeRecords {
    private let input: MappedInput
    private let source: String
    /// Where each section's value begins.
    private let starts: [String: Int]

    /// Maps `path` and finds its sections; `source` names it in errors.
    public init(path: String, source: String) throws(CabinetError) {
        let input = try MappedInput(path: path, source: source)
        self.input = input
        self.source = source
        let found = try Self.parsing(input, source) { () throws(JSONSyntaxError) in try Self.sections(of: input) }
        guard let found else { throw InterchangeReader.notAnObject(source) }
        try InterchangeReader.checkSectionNames(found.keys, source: source)
        starts = found
    }

    public func forEach<Record>(_ section: InterchangeSection<Record>, _ body: (Record, Int) throws -> Void) throws {
        try forEachValue(in: section.name) { value, index in
            let record = try RecordFields.read(value, source: source, kind: section.name, index: index, section.read)
            do { try body(record, index) } catch { throw firstError(after: section.name, index, or: error) }
        }
    }

    public func givenSettings() throws -> InterchangeSettings {
        guard let start = starts["settings"] else { return InterchangeSettings() }
        var parser = JSONParser(input.bytes, at: start)
        parser.depth = 1
        let value = try Self.parsing(input, source) { () throws(JSONSyntaxError) in try parser.value() }
        return try checked {
            try RecordFields.read(value, source: source, kind: "settings", index: nil, InterchangeReader.settings)
        }
    }

    /// Hands each value of the list `name` to `body`, refusing what is not a list or not JSON.
    private func forEachValue(in name: String, _ body: (JSONValue, Int) throws -> Void) throws {
        guard let start = starts[name] else { return }
        var parser = JSONParser(input.bytes, at: start)
        guard parser.current == UInt8(ascii: "[") else {
            throw Self.syntaxError(in: input, source: source) ?? .unreadableInput(source: source, problem: "'\(name)' must be a list")
        }
        parser.depth = 2
        parser.index += 1
        var index = 0
        while let value = try Self.parsing(input, source, { () throws(JSONSyntaxError) in try Self.nextElement(&parser, first: index == 0) }) {
            try checked { try body(value, index) }
            input.release(before: parser.index)
            index += 1
        }
    }

    /// The next element of the list `parser` is in, or nil after its last.
    private static func nextElement(_ parser: inout JSONParser, first: Bool) throws(JSONSyntaxError) -> JSONValue? {
        parser.skipWhitespace()
        if first, parser.current == UInt8(ascii: "]") { return nil }
        if !first {
            switch parser.current {
            case UInt8(ascii: ","): parser.index += 1
            case UInt8(ascii: "]"): return nil
            default: throw parser.error("expected ',' or ']' in a list")
            }
            parser.skipWhitespace()
        }
        return try parser.value()
    }

    /// `body`'s error, unless the document is not JSON somewhere (a reader of the whole
    /// document would have said so first).
    private func checked<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch { throw Self.syntaxError(in: input, source: source) ?? error }
    }

    /// `body`'s value; where it finds the JSON wrong, the first JSON error of the whole input.
    private static func parsing<T>(_ input: MappedInput, _ source: String, _ body: () throws(JSONSyntaxError) -> T) throws(CabinetError) -> T {
        do { return try body() } catch {
            throw syntaxError(in: input, source: source) ?? .unreadableInput(source: source, problem: "not valid JSON (\(error))")
        }
    }

    public func firstError(after section: String, _ index: Int?, or error: any Error) -> any Error {
        if let syntax = Self.syntaxError(in: input, source: source) { return syntax }
        let checkers = InterchangeReader.recordCheckers
        let later = InterchangeReader.sections.drop { $0 != section }.dropFirst(index == nil ? 1 : 0)
        for name in later {
            guard let check = checkers[name] else { continue }
            do {
                try forEachValue(in: name) { value, position in
                    if name == section, let index, position <= index { return }
                    try RecordFields.read(value, source: source, kind: name, index: position, check)
                }
            } catch {
                return error
            }
        }
        if let start = starts["settings"] {
            var parser = JSONParser(input.bytes, at: start)
            if let value = try? parser.value() {
                do { _ = try RecordFields.read(value, source: source, kind: "settings", index: nil, InterchangeReader.settings) } catch {
                    return error
                }
            }
        }
        return error
    }

    /// The first JSON error of the whole input, checked without holding its records.
    private static func syntaxError(in input: MappedInput, source: String) -> CabinetError? {
        do throws(JSONSyntaxError) {
            try JSONParser.check(buffer: input.bytes)
            return nil
        } catch {
            return .unreadableInput(source: source, problem: "not valid JSON (\(error))")
        }
    }

    /// Where each member of the top-level object begins, found without reading the members;
    /// also checks the text is UTF-8, handing the pages back as it goes.
    /// Nil for a document that is not an object.
    private static func sections(of input: MappedInput) throws(JSONSyntaxError) -> [String: Int]? {
        var checked = 0
        while checked < input.bytes.count {
            checked = try JSONParser.checkUTF8(input.bytes, from: checked, to: min(checked + (1 << 20), input.bytes.count))
            input.release(before: checked)
        }
        var parser = JSONParser(input.bytes, at: JSONParser.documentStart(input.bytes))
        var starts: [String: Int] = [:]
        parser.skipWhitespace()
        guard parser.current == UInt8(ascii: "{") else { return try wholeValue(&parser) }
        parser.index += 1
        parser.skipWhitespace()
        var open = parser.current != UInt8(ascii: "}")
        if !open { parser.index += 1 }
        while open {
            parser.skipWhitespace()
            guard parser.current == UInt8(ascii: "\"") else { throw parser.error("expected a quoted member name") }
            let keyStart = parser.index
            let key = try parser.string()
            guard starts[key] == nil else {
                parser.index = keyStart
                throw parser.error("the member '\(key)' appears twice in one object")
            }
            parser.skipWhitespace()
            guard parser.current == UInt8(ascii: ":") else { throw parser.error("expected ':' after the member name") }
            parser.index += 1
            parser.skipWhitespace()
            starts[key] = parser.index
            try parser.skipValue(step: MappedInput.releaseStep) { input.release(before: $0) }
            input.release(before: parser.index)
            parser.skipWhitespace()
            switch parser.current {
            case UInt8(ascii: ","): parser.index += 1
            case UInt8(ascii: "}"): parser.index += 1; open = false
            default: throw parser.error("expected ',' or '}' in an object")
            }
        }
        parser.skipWhitespace()
        guard parser.index == input.bytes.count else { throw parser.error("unexpected text after the document") }
        return starts
    }

    /// A document that is not an object: read whole, for its first error if it is not JSON.
    private static func wholeValue(_ parser: inout JSONParser) throws(JSONSyntaxError) -> [String: Int]? {
        _ = try parser.value()
        parser.skipWhitespace()
        guard parser.index == parser.bytes.count else { throw parser.error("unexpected text after the document") }
        return nil
    }
}
