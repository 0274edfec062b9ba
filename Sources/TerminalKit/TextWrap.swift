
/// Word-wrapping of untrusted text to a column width. Nothing is ever dropped silently:
/// a word broken across lines, and the last line when lines run out, end in a marker.
public enum TextWrap {
    /// Lines of at most `width` columns. Line breaks (LF, CR, CRLF, U+2028/U+2029) start new
    /// lines; runs of spaces collapse; the text is made inert first. A word wider than the
    /// line is broken, each broken piece ending in `marker`. With `maxLines`, the last kept
    /// line ends in `marker` when more text followed.
    public static func wrap(_ text: String, width: Int, maxLines: Int? = nil, marker: String = "…") -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in paragraphs(of: text) {
            wrapParagraph(InertText.sanitize(String(paragraph)), width: width, marker: marker, into: &lines)
        }
        if let maxLines, lines.count > maxLines {
            guard maxLines > 0 else { return [] }
            lines.removeSubrange(maxLines...)
            lines[maxLines - 1] = endingInMarker(lines[maxLines - 1], width: width, marker: marker)
        }
        return lines
    }

    private static func paragraphs(of text: String) -> [Substring] {
        text.split(omittingEmptySubsequences: false) { character in
            character.unicodeScalars.allSatisfy { "\n\r\u{2028}\u{2029}".unicodeScalars.contains($0) }
        }
    }

    private static func wrapParagraph(_ paragraph: String, width: Int, marker: String, into lines: inout [String]) {
        var line = ""
        var lineWidth = 0
        for word in paragraph.split(separator: " ") {
            let wordWidth = TextWidth.width(of: word)
            if lineWidth > 0, lineWidth + 1 + wordWidth <= width {
                line += " " + word
                lineWidth += 1 + wordWidth
                continue
            }
            if lineWidth > 0 {
                lines.append(line)
            }
            var rest = word
            while TextWidth.width(of: rest) > width {
                let (piece, tail) = breakWord(rest, width: width, marker: marker)
                lines.append(piece)
                rest = tail
            }
            line = String(rest)
            lineWidth = TextWidth.width(of: rest)
        }
        lines.append(line)
    }

    /// The first piece of an over-wide word (ending in the marker) and the rest; always makes progress.
    private static func breakWord(_ word: Substring, width: Int, marker: String) -> (String, Substring) {
        let room = width - TextWidth.width(of: marker)
        let head = room > 0 ? TextWidth.prefix(of: word, fitting: room) : word.prefix(0)
        if !head.isEmpty {
            return (String(head) + marker, word[head.endIndex...])
        }
        let first = word.prefix(1)
        let piece = TextWidth.width(of: first) <= width ? String(first) : String(TextWidth.prefix(of: marker, fitting: width))
        return (piece, word.dropFirst())
    }

    private static func endingInMarker(_ line: String, width: Int, marker: String) -> String {
        if line.hasSuffix(marker) { return line }
        let room = max(0, width - TextWidth.width(of: marker))
        let kept = TextWidth.prefix(of: line, fitting: room)
        let separator = kept.isEmpty || kept.hasSuffix(" ") || TextWidth.width(of: kept) + 1 > room ? "" : " "
        return String(kept) + separator + marker
    }
}
