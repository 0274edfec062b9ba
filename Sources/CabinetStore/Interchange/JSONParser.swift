import CabinetModel
/// A strict JSON parser (RFC 8259) over bytes, producing `JSONValue`s and, on bad input, the
/// line and column of the first error. It reads a whole document, or (for an import that
/// streams) one value at a time from where it is placed in a larger buffer.
public struct JSONParser {
    /// The bytes parsed; they must outlive the parser.
    let bytes: UnsafeBufferPointer<UInt8>
    /// Where the parser stands in `bytes`.
    var index: Int
    /// How deep the parser stands: a record of a section is read at depth 2.
    var depth = 0
    /// Whether the elements of the sections' lists are checked and then dropped, so that a
    /// whole document is checked in the memory of its largest record.
    private var dropsSectionElements = false

    /// Deeper nesting than this is refused rather than risking the stack.
    static let maximumDepth = 512

    public static func parse(_ bytes: some Collection<UInt8>) throws(JSONSyntaxError) -> JSONValue {
        let parsed = Array(bytes).withUnsafeBufferPointer { buffer in Result { () throws(JSONSyntaxError) in try parse(buffer: buffer) } }
        return try parsed.get()
    }

    /// Parses the whole of `buffer` as one document.
    static func parse(buffer: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) -> JSONValue {
        try parse(buffer: buffer, droppingSectionElements: false)
    }

    /// Checks the whole of `buffer` as `parse` does, with the same first error, keeping none of
    /// the records of the sections' lists.
    static func check(buffer: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) {
        _ = try parse(buffer: buffer, droppingSectionElements: true)
    }

    private static func parse(buffer: UnsafeBufferPointer<UInt8>, droppingSectionElements: Bool) throws(JSONSyntaxError) -> JSONValue {
        _ = try checkUTF8(buffer, from: 0, to: buffer.count)
        var parser = JSONParser(buffer, at: documentStart(buffer))
        parser.dropsSectionElements = droppingSectionElements
        parser.skipWhitespace()
        let value = try parser.value()
        parser.skipWhitespace()
        guard parser.index == parser.bytes.count else { throw parser.error("unexpected text after the document") }
        return value
    }

    /// A parser placed at `index` of `bytes`.
    init(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) { self.bytes = bytes; self.index = index }

    /// Where the document begins: after a UTF-8 byte-order mark, as some editors write, which is not part of it.
    static func documentStart(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }

    func error(_ problem: String) -> JSONSyntaxError {
        var line = 1, column = 1
        for byte in UnsafeBufferPointer(rebasing: bytes[0..<min(index, bytes.count)]) {
            if byte == UInt8(ascii: "\n") { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
        }
        return JSONSyntaxError(line: line, column: column, problem: problem)
    }

    var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    /// Refuses a document that is not UTF-8, naming the first bad byte, rather than reading
    /// it with replacement characters in place of the text it meant. Checks the characters that
    /// begin from `start` up to `end` and returns where the next one begins.
    static func checkUTF8(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) throws(JSONSyntaxError) -> Int {
        var offset = start
        while offset < end {
            let lead = bytes[offset]
            let length: Int, lowest: UInt32
            switch lead {
            case 0x00..<0x80: offset += 1; continue
            case 0xC2..<0xE0: length = 2; lowest = 0x80
            case 0xE0..<0xF0: length = 3; lowest = 0x800
            case 0xF0..<0xF5: length = 4; lowest = 0x10000
            default: length = 0; lowest = 0
            }
            var scalar = UInt32(lead) & (0xFF >> (length + 1))
            var valid = length > 0 && offset + length <= bytes.count
            for next in 1..<max(length, 1) where valid {
                let byte = bytes[offset + next]
                valid = byte & 0xC0 == 0x80
                scalar = scalar << 6 | UInt32(byte & 0x3F)
            }
            guard valid, scalar >= lowest, scalar <= 0x10FFFF, !(0xD800..<0xE000).contains(scalar) else {
                throw JSONParser(bytes, at: offset).error("invalid UTF-8 at byte offset \(offset) (save the file as UTF-8)")
            }
            offset += length
        }
        return offset
    }

    mutating func skipWhitespace() {
        while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { index += 1 }
    }

    mutating func value() throws(JSONSyntaxError) -> JSONValue {
        guard let byte = current else { throw error("the document ends where a value should be") }
        switch byte {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        default: throw error("unexpected '\(String(decoding: [byte], as: UTF8.self))' where a value should be")
        }
    }

    private mutating func literal(_ word: StaticString) throws(JSONSyntaxError) {
        let expected = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        guard index + expected.count <= bytes.count, bytes[index..<index + expected.count].elementsEqual(expected) else {
            throw error("invalid value (expected \(word))")
        }
        index += expected.count
    }

    private mutating func nest() throws(JSONSyntaxError) {
        depth += 1
        guard depth <= JSONParser.maximumDepth else { throw error("nested more than \(JSONParser.maximumDepth) levels deep") }
    }

    private mutating func object() throws(JSONSyntaxError) -> JSONValue {
        try nest()
        defer { depth -= 1 }
        index += 1
        // A repeated name is refused: which of its values was meant cannot be known.
        var members: [String: JSONValue] = [:]
        skipWhitespace()
        if current == UInt8(ascii: "}") { index += 1; return .object([:]) }
        while true {
            skipWhitespace()
            guard current == UInt8(ascii: "\"") else { throw error("expected a quoted member name") }
            let keyStart = index
            let key = try string()
            if members[key] != nil {
                index = keyStart
                throw error("the member '\(key)' appears twice in one object")
            }
            skipWhitespace()
            guard current == UInt8(ascii: ":") else { throw error("expected ':' after the member name") }
            index += 1
            skipWhitespace()
            members[key] = try value()
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"):
                index += 1
                return .object(members)
            default: throw error("expected ',' or '}' in an object")
            }
        }
    }

    private mutating func array() throws(JSONSyntaxError) -> JSONValue {
        try nest()
        defer { depth -= 1 }
        index += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if current == UInt8(ascii: "]") { index += 1; return .array(elements) }
        while true {
            skipWhitespace()
            let element = try value()
            if !(dropsSectionElements && depth == 2) { elements.append(element) }
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"): index += 1; return .array(elements)
            default: throw error("expected ',' or ']' in a list")
            }
        }
    }

    mutating func string() throws(JSONSyntaxError) -> String {
        index += 1
        let start = index
        // The common case: no escapes, decoded in one go.
        while let byte = current, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\") {
            guard byte >= 0x20 else { throw error("a control character inside a string (escape it)") }
            index += 1
        }
        guard let stop = current else { throw error("a string is not closed") }
        if stop == UInt8(ascii: "\"") {
            index += 1
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index - 1]), as: UTF8.self)
        }
        var scalars = Array(bytes[start..<index])
        while let byte = current {
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return String(decoding: scalars, as: UTF8.self)
            case UInt8(ascii: "\\"):
                index += 1
                try escape(into: &scalars)
            case 0..<0x20:
                throw error("a control character inside a string (escape it)")
            default:
                scalars.append(byte)
                index += 1
            }
        }
        throw error("a string is not closed")
    }

    private mutating func escape(into output: inout [UInt8]) throws(JSONSyntaxError) {
        guard let byte = current else { throw error("a string is not closed") }
        index += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): output.append(byte)
        case UInt8(ascii: "b"): output.append(0x08)
        case UInt8(ascii: "f"): output.append(0x0C)
        case UInt8(ascii: "n"): output.append(0x0A)
        case UInt8(ascii: "r"): output.append(0x0D)
        case UInt8(ascii: "t"): output.append(0x09)
        case UInt8(ascii: "u"):
            var code = try hex4()
            if (0xD800..<0xDC00).contains(code) {
                guard current == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u") else {
                    throw error("a lone surrogate in a \\u escape")
                }
                index += 2
                let low = try hex4()
                guard (0xDC00..<0xE000).contains(low) else { throw error("a lone surrogate in a \\u escape") }
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00..<0xE000).contains(code) {
                throw error("a lone surrogate in a \\u escape")
            }
            guard let scalar = Unicode.Scalar(code) else { throw error("an invalid \\u escape") }
            output.append(contentsOf: Array(String(Character(scalar)).utf8))
        default:
            index -= 1
            throw error("an invalid escape '\\\(String(decoding: [byte], as: UTF8.self))'")
        }
    }

    private mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw error("a \\u escape needs four hex digits") }
        var code: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw error("a \\u escape needs four hex digits")
            }
            code = code << 4 | UInt32(digit)
            index += 1
        }
        return code
    }

    private mutating func number() throws(JSONSyntaxError) -> Double {
        let start = index
        if current == UInt8(ascii: "-") { index += 1 }
        guard let first = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else { throw error("a number needs digits") }
        if first == UInt8(ascii: "0") { index += 1 } else { skipDigits() }
        let wholeEnd = index
        if current == UInt8(ascii: ".") {
            index += 1
            guard skipDigits() > 0 else { throw error("a number needs digits after '.'") }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            index += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
            guard skipDigits() > 0 else { throw error("a number needs digits in its exponent") }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        guard let value = Double(text), value.isFinite else {
            index = start
            throw error("the number \(text) is too large")
        }
        // A whole number is kept only when it survives exactly: 9007199254740993 would become …992.
        if wholeEnd == index, Int64(text).flatMap({ Double(exactly: $0) }) == nil {
            index = start
            throw error("the whole number \(text) cannot be held exactly (at most ±9007199254740992)")
        }
        return value
    }

    @discardableResult
    private mutating func skipDigits() -> Int {
        let start = index
        while let byte = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { index += 1 }
        return index - start
    }
}

extension JSONParser {
    /// Steps over one value without building it, checking only that its strings and brackets
    /// close: the quick look a streamed import takes to find a document's sections. The value
    /// is checked in full when it is read. `passed` is told, every `step` bytes, where the
    /// parser stands, so that the pages behind it can be handed back inside a large value.
    mutating func skipValue(step: Int = .max, passed: (Int) -> Void = { _ in }) throws(JSONSyntaxError) {
        guard let first = current else { throw error("the document ends where a value should be") }
        guard first == UInt8(ascii: "{") || first == UInt8(ascii: "[") || first == UInt8(ascii: "\"") else {
            while let byte = current, !Self.endsScalar(byte) { index += 1 }
            return
        }
        var open = 0
        var mark = index
        repeat {
            if index >= mark {
                passed(index)
                mark = index > Int.max - step ? Int.max : index + step
            }
            guard let byte = current else { throw error("the document ends inside a value") }
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                while let inside = current, inside != UInt8(ascii: "\"") { index += inside == UInt8(ascii: "\\") ? 2 : 1 }
                guard current != nil else { throw error("a string is not closed") }
                index += 1
            case UInt8(ascii: "{"), UInt8(ascii: "["): open += 1; index += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"): open -= 1; index += 1
            default: index += 1
            }
        } while open > 0
    }

    private static func endsScalar(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x20, 0x0A, 0x0D, 0x09, UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"): true
        default: false
        }
    }
}
