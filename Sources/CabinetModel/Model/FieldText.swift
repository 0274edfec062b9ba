import Foundation

/// The one rule for text that enters the store, whether from a document or a command-line
/// flag: no control characters a terminal or a database would cut or garble, and a size the
/// board can show.
public enum FieldText: Sendable {
    /// Ids, names, titles, people: one line of at most `shortLimit` characters.
    case short
    /// Blast radius, rollback plan, verification, conditions, notes, reasons: tabs and line
    /// breaks allowed (CR LF is kept as LF), at most `longLimit` bytes of UTF-8.
    case long

    public static let shortLimit = 500
    public static let longLimit = 64 * 1024

    /// `text` as it is stored, or why it cannot be.
    public func checked(_ text: String) throws(FieldTextProblem) -> String {
        switch self {
        case .short:
            if text.utf8.count > Self.shortLimit, text.prefix(Self.shortLimit + 1).count > Self.shortLimit {
                throw FieldTextProblem("is longer than \(Self.shortLimit) characters")
            }
            // Ids and names are keys: two spellings of one letter (é, e + ◌́) would be two
            // records that read as one.
            if !text.utf8.allSatisfy({ $0 < 0x80 }), !text.utf8.elementsEqual(text.precomposedStringWithCanonicalMapping.utf8) {
                throw FieldTextProblem("is not in Unicode normal form C: write accented letters composed (é, not e followed by a combining accent)")
            }
        case .long:
            if text.utf8.count > Self.longLimit { throw FieldTextProblem("is longer than 64 KiB (\(text.utf8.count) bytes)") }
        }
        // A C0 control or DEL is one byte in UTF-8 and never part of a longer sequence; a C1
        // control (U+0080 to U+009F, which some terminals read as an escape) is 0xC2 then 0x80 to
        // 0x9F. So the bytes are scanned rather than the characters.
        let utf8 = text.utf8
        var hasCarriageReturn = false
        var index = utf8.startIndex
        while let found = utf8[index...].firstIndex(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 }) {
            let byte = utf8[found], next = utf8.index(after: found)
            var scalar = UInt32(byte)
            if byte == 0xC2 {
                guard next < utf8.endIndex, (0x80...0x9F).contains(utf8[next]) else {
                    index = next
                    continue
                }
                scalar = UInt32(utf8[next])
            }
            let allowed = self == .long && (byte == 0x09 || byte == 0x0A || (byte == 0x0D && next < utf8.endIndex && utf8[next] == 0x0A))
            guard allowed else {
                let hex = String(scalar, radix: 16, uppercase: true)
                let position = text.unicodeScalars.distance(from: text.startIndex, to: found) + 1
                throw FieldTextProblem("holds the control character U+\(String(repeating: "0", count: 4 - hex.count) + hex) at character \(position)"
                                       + (self == .long ? " (only tab and line breaks are allowed)" : " (one line, no tabs)"))
            }
            hasCarriageReturn = hasCarriageReturn || byte == 0x0D
            index = next
        }
        return hasCarriageReturn ? text.replacingOccurrences(of: "\r\n", with: "\n") : text
    }
}

/// Why a text was refused, worded to follow the field's name.
public struct FieldTextProblem: Error, Hashable, Sendable, CustomStringConvertible {
    public let description: String

    init(_ description: String) { self.description = description }
}

extension FieldText {
    /// The first of `fields` (name, text if any, rule) whose text its rule refuses, and why:
    /// how a record checks all its text at once.
    public static func firstProblem(in fields: [(name: String, text: String?, rule: FieldText)]) -> (field: String, problem: String)? {
        for (name, text, rule) in fields {
            guard let text else { continue }
            do { _ = try rule.checked(text) } catch { return (name, error.description) }
        }
        return nil
    }

    /// `text` checked as the value of the command-line flag `name`.
    public func checked(_ text: String, flag name: String) throws(CabinetError) -> String {
        do { return try checked(text) } catch { throw .invalidArgument(name: name, problem: error.description) }
    }
}
