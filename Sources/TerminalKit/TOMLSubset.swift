/// A value in the TOML subset that theme files use.
enum TOMLValue: Equatable, Sendable {
    case string(String)
    case integer(Int)
    case boolean(Bool)
    case inlineTable([TOMLEntry])
}

/// One `key = value` line (or inline-table member) and the line it came from.
struct TOMLEntry: Equatable, Sendable {
    var key: String
    var value: TOMLValue
    var line: Int
}

/// A `[section]` and its entries; the entries before any header form the section named "".
struct TOMLSection: Equatable, Sendable {
    var name: String
    var line: Int
    var entries: [TOMLEntry]
}

/// A syntax error at a line.
struct TOMLSyntaxError: Error, Equatable {
    var line: Int
    var message: String
}

/// Parses the TOML subset themes need: comments, `[section]` headers, bare or quoted keys,
/// basic and literal strings, integers, booleans and one-line inline tables. Keys must be unique.
enum TOMLSubset {
    static func parse(_ text: String) throws(TOMLSyntaxError) -> [TOMLSection] {
        var sections = [TOMLSection(name: "", line: 0, entries: [])]
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var scanner = Scanner(text: Substring(rawLine), line: lineNumber)
            scanner.skipSpaces()
            if scanner.atEndOfLine { continue }
            if scanner.peek == "[" {
                let name = try scanner.sectionHeader()
                if sections.contains(where: { $0.name == name }) {
                    throw TOMLSyntaxError(line: lineNumber, message: "duplicate section '[\(name)]'")
                }
                sections.append(TOMLSection(name: name, line: lineNumber, entries: []))
                continue
            }
            let entry = try scanner.keyValue()
            try scanner.expectEndOfLine()
            if sections[sections.count - 1].entries.contains(where: { $0.key == entry.key }) {
                throw TOMLSyntaxError(line: lineNumber, message: "duplicate key '\(entry.key)'")
            }
            sections[sections.count - 1].entries.append(entry)
        }
        return sections
    }
}

/// Reads one line of the subset.
private struct Scanner {
    let text: Substring
    let line: Int
    var index: Substring.Index

    init(text: Substring, line: Int) {
        self.text = text.hasSuffix("\r") ? text.dropLast() : text
        self.line = line
        self.index = self.text.startIndex
    }

    var peek: Character? { index < text.endIndex ? text[index] : nil }
    var atEndOfLine: Bool { peek == nil || peek == "#" }

    mutating func advance() { index = text.index(after: index) }

    mutating func skipSpaces() {
        while peek == " " || peek == "\t" { advance() }
    }

    func error(_ message: String) -> TOMLSyntaxError { TOMLSyntaxError(line: line, message: message) }

    mutating func sectionHeader() throws(TOMLSyntaxError) -> String {
        advance()
        skipSpaces()
        let name = try key()
        skipSpaces()
        guard peek == "]" else { throw error("expected ']' to close the section header") }
        advance()
        try expectEndOfLine()
        return name
    }

    mutating func expectEndOfLine() throws(TOMLSyntaxError) {
        skipSpaces()
        guard atEndOfLine else { throw error("unexpected '\(text[index...])'") }
    }

    mutating func keyValue() throws(TOMLSyntaxError) -> TOMLEntry {
        let name = try key()
        skipSpaces()
        guard peek == "=" else { throw error("expected '=' after key '\(name)'") }
        advance()
        skipSpaces()
        return TOMLEntry(key: name, value: try value(), line: line)
    }

    mutating func key() throws(TOMLSyntaxError) -> String {
        if peek == "\"" || peek == "'" { return try string() }
        let start = index
        while let character = peek, character.isASCII, character.isLetter || character.isNumber || character == "_" || character == "-" {
            advance()
        }
        guard start < index else { throw error(peek.map { "unexpected '\($0)' where a key should be" } ?? "expected a key") }
        return String(text[start..<index])
    }

    mutating func value() throws(TOMLSyntaxError) -> TOMLValue {
        switch peek {
        case "\"", "'":
            return .string(try string())
        case "{":
            return .inlineTable(try inlineTable())
        case let character? where character.isLetter:
            let word = try key()
            switch word {
            case "true": return .boolean(true)
            case "false": return .boolean(false)
            default: throw error("unexpected '\(word)': strings need quotes")
            }
        case let character? where character.isNumber || character == "-" || character == "+":
            let start = index
            advance()
            while let next = peek, next.isNumber || next == "_" { advance() }
            guard let number = Int(String(text[start..<index].filter { $0 != "_" })) else {
                throw error("'\(text[start..<index])' is not an integer")
            }
            return .integer(number)
        default:
            throw error("expected a value")
        }
    }

    mutating func inlineTable() throws(TOMLSyntaxError) -> [TOMLEntry] {
        advance()
        var entries: [TOMLEntry] = []
        skipSpaces()
        if peek == "}" {
            advance()
            return entries
        }
        while true {
            skipSpaces()
            let entry = try keyValue()
            if entries.contains(where: { $0.key == entry.key }) { throw error("duplicate key '\(entry.key)'") }
            entries.append(entry)
            skipSpaces()
            switch peek {
            case ",": advance()
            case "}": advance(); return entries
            default: throw error("expected ',' or '}' in inline table")
            }
        }
    }

    mutating func string() throws(TOMLSyntaxError) -> String {
        let quote = peek
        advance()
        var result = ""
        while let character = peek {
            advance()
            if character == quote { return result }
            if character == "\\", quote == "\"" {
                result.append(try escape())
            } else {
                result.append(character)
            }
        }
        throw error("unterminated string")
    }

    mutating func escape() throws(TOMLSyntaxError) -> Character {
        guard let code = peek else { throw error("unterminated string") }
        advance()
        switch code {
        case "\"": return "\""
        case "\\": return "\\"
        case "n": return "\n"
        case "t": return "\t"
        case "u":
            var hex = ""
            for _ in 0..<4 {
                guard let digit = peek, digit.isHexDigit else { throw error("bad \\u escape") }
                hex.append(digit)
                advance()
            }
            guard let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) else { throw error("bad \\u escape") }
            return Character(scalar)
        default:
            throw error("unknown escape '\\\(code)'")
        }
    }
}
