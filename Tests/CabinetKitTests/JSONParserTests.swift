import Foundation
import Testing
@testable import CabinetModel
@testable import CabinetStore

@Suite struct JSONParserTests {
    func parse(_ text: String) throws -> JSONValue { try JSONParser.parse(Array(text.utf8)) }

    func error(_ text: String) -> String? {
        do { _ = try parse(text); return nil } catch { return "\(error)" }
    }

    @Test func valuesOfEveryKind() throws {
        #expect(try parse(#"{"a": [1, -2.5, 3e2, true, false, null, "x"], "b": {}}"#) == .object([
            "a": .array([.number(1), .number(-2.5), .number(300), .bool(true), .bool(false), .null, .string("x")]),
            "b": .object([:]),
        ]))
        #expect(try parse(" [ ] ") == .array([]))
        #expect(try parse("\u{FEFF}{\"a\": 1}") == .object(["a": .number(1)]))
    }

    @Test func escapesAndUnicode() throws {
        #expect(try parse(#""a\"b\\c\/d\n\t\u00e9\u6c7a\ud83d\ude80""#) == .string("a\"b\\c/d\n\té決🚀"))
        #expect(try parse("\"決済 🚀\"") == .string("決済 🚀"))
        #expect(try parse(#""\u001b[2J""#) == .string("\u{1B}[2J"))
    }

    @Test func badInputNamesLineAndColumn() {
        #expect(error("{\n  \"a\": tru }") == "line 2, column 8: invalid value (expected true)")
        #expect(error(#"{"a": 1,}"#) == "line 1, column 9: expected a quoted member name")
        #expect(error(#"[1, 2"#) == "line 1, column 6: expected ',' or ']' in a list")
        #expect(error("\"open") == "line 1, column 6: a string is not closed")
        #expect(error("\"a\u{1}b\"") == "line 1, column 3: a control character inside a string (escape it)")
        #expect(error(#""\ud83d""#) == "line 1, column 8: a lone surrogate in a \\u escape")
        #expect(error("01") == "line 1, column 2: unexpected text after the document")
        #expect(error("x") == "line 1, column 1: unexpected 'x' where a value should be")
        #expect(error(String(repeating: "[", count: 600)) == "line 1, column 513: nested more than 512 levels deep")
    }

    /// The same document read by Foundation and by the parser gives the same values.
    @Test func agreesWithFoundationOnAnExportedHistory() throws {
        let store = try SQLiteStore.writeDemo(DemoHistory(changeCount: 300, seed: 3, now: time("2026-11-27T08:00:00Z")),
                                               at: TemporaryFolder().databasePath)
        let data = try InterchangeWriter.write(try store.exportDocument())
        let ours = try JSONParser.parse(data)
        let theirs = try JSONSerialization.jsonObject(with: data)
        #expect(ours == Self.value(theirs))
    }

    static func value(_ any: Any) -> JSONValue {
        switch any {
        case let text as String: .string(text)
        case let list as [Any]: .array(list.map(value))
        case let object as [String: Any]: .object(object.mapValues(value))
        case let number as NSNumber where String(cString: number.objCType) == "c": .bool(number.boolValue)
        case let number as NSNumber: .number(number.doubleValue)
        default: .null
        }
    }

    /// The quick look a streamed import takes over a section's list tells, every step, where it
    /// stands, so that the pages behind it go back to the system (the 1M import's 874 MB).
    @Test func skippingALargeListTellsWhereItStandsEveryStep() throws {
        // 1,000 elements of 10 bytes and their commas: 11,000 bytes.
        let bytes = Array(("[" + Array(repeating: "\"abcdefgh\"", count: 1_000).joined(separator: ",") + "]").utf8)
        var passed: [Int] = []
        var end = 0
        try bytes.withUnsafeBufferPointer { buffer in
            var parser = JSONParser(buffer, at: 0)
            try parser.skipValue(step: 1_000) { passed.append($0) }
            end = parser.index
        }
        #expect(end == bytes.count)
        #expect(passed.first == 0 && passed.count == 11)
        #expect(zip(passed, passed.dropFirst()).allSatisfy { $1 - $0 >= 1_000 && $1 - $0 <= 1_011 })
    }
}
