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
        case .long:
            if text.utf8.count > Self.longLimit { throw FieldTextProblem("is longer than 64 KiB (\(text.utf8.count) bytes)") }
        }
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        var position = 0
        var hasCarriageReturn = false
        while index < scalars.endIndex {
            let scalar = scalars[index]
            position += 1
            let next = scalars.index(after: index)
            if scalar.value < 0x20 {
                let allowed = self == .long && (scalar == "\t" || scalar == "\n"
                    || (scalar == "\r" && next < scalars.endIndex && scalars[next] == "\n"))
                guard allowed else {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    let code = "U+" + String(repeating: "0", count: 4 - hex.count) + hex
                    throw FieldTextProblem("holds the control character \(code) at character \(position)"
                                           + (self == .long ? " (only tab and line breaks are allowed)" : " (one line, no tabs)"))
                }
                hasCarriageReturn = hasCarriageReturn || scalar == "\r"
            }
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
    /// `text` checked as the value of the command-line flag `name`.
    public func checked(_ text: String, flag name: String) throws(CabinetError) -> String {
        do { return try checked(text) } catch { throw .invalidArgument(name: name, problem: error.description) }
    }
}
