import Foundation
/// Text as a source system stores it, made plain: HTML tags dropped (a line break or paragraph
/// end kept as a new line), the common entities decoded, surrounding blanks trimmed, accented
/// letters composed (Unicode NFC), and an empty result read as absent.
enum SourceText {
    static func plain(_ text: String?) -> String? {
        guard let text else { return nil }
        var result = text.contains("<") ? stripTags(text) : text
        if result.contains("&") { result = decodeEntities(result) }
        let trimmed = result.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.trimmingTrailingBlanks }
            .joined(separator: "\n")
            .trimmingBlankLines
        return trimmed.isEmpty ? nil : trimmed.precomposedStringWithCanonicalMapping
    }

    /// `plain`, on one line: what a title or a name holds.
    static func line(_ text: String?) -> String? {
        plain(text).map { $0.split(whereSeparator: \.isNewline).joined(separator: " ") }
    }

    private static func stripTags(_ text: String) -> String {
        var result = ""
        var tag: String?
        for character in text {
            if var open = tag {
                if character == ">" {
                    let name = open.lowercased().drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }
                    if ["br", "p", "div", "li", "tr"].contains(String(name)), !result.isEmpty, !result.hasSuffix("\n") { result.append("\n") }
                    tag = nil
                } else {
                    open.append(character)
                    tag = open
                }
            } else if character == "<" {
                tag = ""
            } else {
                result.append(character)
            }
        }
        return result
    }

    private static let entities = ["&nbsp;": " ", "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&#39;": "'", "&apos;": "'", "&amp;": "&"]

    private static func decodeEntities(_ text: String) -> String {
        var result = text
        for (entity, character) in entities { result = result.replacingOccurrences(of: entity, with: character) }
        return result
    }
}

private extension Substring {
    var trimmingTrailingBlanks: Substring {
        var end = endIndex
        while end > startIndex, let last = self[..<end].last, last == " " || last == "\t" || last == "\r" { end = index(before: end) }
        return self[..<end]
    }
}

private extension String {
    var trimmingBlankLines: String {
        var lines = split(separator: "\n", omittingEmptySubsequences: false)
        while let first = lines.first, first.allSatisfy(\.isWhitespace) { lines.removeFirst() }
        while let last = lines.last, last.allSatisfy(\.isWhitespace) { lines.removeLast() }
        return lines.map { $0.drop { $0 == " " || $0 == "\t" } }.joined(separator: "\n")
    }
}
