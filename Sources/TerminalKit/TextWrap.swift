
/// Word-wrapping of untrusted text to a column width. Nothing is ever dropped silently:
/// a word broken across lines, and the last line when lines run out, end in a marker.
public enum TextWrap {
    /// Lines of at most `width` columns. Line breaks (LF, CR, CRLF, U+2028/U+2029) start new
    /// lines; runs of spaces collapse; the text is made inert first. A word wider than the
    /// line is broken, each broken piece ending in `marker`. With `maxLines`, the last kept
    /// line ends in `marker` when more text followed.
    public static func wrap(_ text: String, width: Int, maxLines: Int? = nil, marker: String = "…") -> [String] {
        guard width > 0 else { return [] }
        var (lines, more) = wrapped(text, width: width, limit: maxLines.map { max(0, $0) }, marker: marker)
        if let maxLines, more {
            guard maxLines > 0 else { return [] }
            lines[maxLines - 1] = endingInMarker(lines[maxLines - 1], width: width, marker: marker)
        }
        return lines
    }

    /// The first `count` lines of `text` wrapped as `wrap` wraps them (no marker added at the end),
    /// and whether more lines follow. Only as much text is wrapped as the lines need, so showing
    /// the top of a long text costs what is shown.
    public static func prefix(_ text: String, width: Int, lines count: Int, marker: String = "…") -> (lines: [String], more: Bool) {
        guard width > 0 else { return ([], !text.isEmpty) }
        return wrapped(text, width: width, limit: max(0, count), marker: marker)
    }

    /// Wraps paragraph by paragraph and word by word, stopping once `limit` lines are made and
    /// another is known to follow; the text is read only as far as the lines need.
    private static func wrapped(_ text: String, width: Int, limit: Int?, marker: String) -> (lines: [String], more: Bool) {
        var lines: [String] = []
        var rest = text[...]
        while true {
            let (stopped, lineBreak) = wrapParagraph(&rest, width: width, marker: marker, limit: limit, into: &lines)
            if stopped { return (lines, true) }
            guard lineBreak else { return (lines, false) }
            if let limit, lines.count >= limit { return (lines, true) }
        }
    }

    /// Wraps the paragraph at the start of `rest` into `lines`, consuming it and its line break.
    /// Returns whether it stopped at `limit` with more to come, and whether a line break ended it.
    private static func wrapParagraph(
        _ rest: inout Substring, width: Int, marker: String, limit: Int?, into lines: inout [String]
    ) -> (stopped: Bool, lineBreak: Bool) {
        func full() -> Bool { limit.map { lines.count >= $0 } ?? false }
        var line = ""
        var lineWidth = 0
        var lineBreak = false
        reading: while true {
            let word: String
            switch nextToken(&rest) {
            case .end: break reading
            case .lineBreak:
                lineBreak = true
                break reading
            case .word(let next): word = next
            }
            let wordWidth = TextWidth.width(of: word)
            if lineWidth > 0, lineWidth + 1 + wordWidth <= width {
                line += " " + word
                lineWidth += 1 + wordWidth
                continue
            }
            if lineWidth > 0 {
                if full() { return (true, false) }
                lines.append(line)
            }
            var piece = word[...]
            while TextWidth.width(of: piece) > width {
                if full() { return (true, false) }
                let (head, tail) = breakWord(piece, width: width, marker: marker)
                lines.append(head)
                piece = tail
            }
            line = String(piece)
            lineWidth = TextWidth.width(of: piece)
        }
        if full() { return (true, false) }
        lines.append(line)
        return (false, lineBreak)
    }

    /// What comes next in a text being wrapped: a word (made inert), a line break, or the end.
    private enum Token {
        case word(String)
        case lineBreak
        case end
    }

    /// Reads the next token of `rest`, skipping the spaces and tabs before it.
    private static func nextToken(_ rest: inout Substring) -> Token {
        rest = rest.drop { $0 == " " || $0 == "\t" }
        guard let first = rest.first else { return .end }
        if isLineBreak(first) {
            rest = rest.dropFirst()
            return .lineBreak
        }
        let end = rest.firstIndex { $0 == " " || $0 == "\t" || isLineBreak($0) } ?? rest.endIndex
        let word = InertText.sanitize(String(rest[..<end]))
        rest = rest[end...]
        return .word(word)
    }

    /// LF, CR, CRLF, U+2028 and U+2029 start a new line.
    private static func isLineBreak(_ character: Character) -> Bool {
        character.unicodeScalars.allSatisfy { "\n\r\u{2028}\u{2029}".unicodeScalars.contains($0) }
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
