/// Display width of text in terminal columns (a pure-Swift `wcwidth`), and fitting text to a width.
public enum TextWidth {
    /// Columns one scalar takes: 0 for combining marks and format characters, 2 for East Asian
    /// Wide/Fullwidth and emoji presentation, 1 otherwise. Control characters count as 0.
    public static func width(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x20 || (0x7F...0x9F).contains(value) { return 0 }
        // The board's own lines and dashes: one column, without asking the Unicode tables
        // (each frame draws thousands of them).
        if value < 0x300 || (0x2500...0x259F).contains(value) || (0x2010...0x2027).contains(value) { return 1 }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format:
            return 0
        default:
            break
        }
        if (0x1160...0x11FF).contains(value) || (0xD7B0...0xD7FF).contains(value) { return 0 }
        if properties.isEmojiPresentation || isWide(value) { return 2 }
        return 1
    }

    /// Columns one grapheme takes: the width of its first visible scalar, or 2 for an emoji
    /// that asks for emoji presentation (U+FE0F).
    public static func width(of character: Character) -> Int {
        let scalars = character.unicodeScalars
        let base = scalars.lazy.map { width(of: $0) }.first { $0 > 0 } ?? 0
        if base == 1, scalars.contains("\u{FE0F}"), scalars.contains(where: { $0.properties.isEmoji }) {
            return 2
        }
        return base
    }

    /// Columns a string takes.
    public static func width<S: StringProtocol>(of text: S) -> Int {
        text.reduce(0) { $0 + width(of: $1) }
    }

    /// The longest prefix of `text` that fits in `width` columns.
    public static func prefix<S: StringProtocol>(of text: S, fitting width: Int) -> S.SubSequence {
        var used = 0
        var end = text.startIndex
        for index in text.indices {
            let columns = self.width(of: text[index])
            if used + columns > width { break }
            used += columns
            end = text.index(after: index)
        }
        return text[text.startIndex..<end]
    }

    /// `text` cut to `width` columns; a cut ends in `marker` ("…" by default) so it is never silent.
    public static func truncate(_ text: String, to width: Int, marker: String = "…") -> String {
        guard width > 0 else { return "" }
        if self.width(of: text) <= width { return text }
        let room = width - self.width(of: marker)
        guard room >= 0 else { return String(prefix(of: text, fitting: width)) }
        return String(prefix(of: text, fitting: room)) + marker
    }

    /// `text` truncated with a marker if too wide, then padded with spaces to exactly `width` columns.
    public static func padded(_ text: String, to width: Int, marker: String = "…") -> String {
        let fitted = truncate(text, to: width, marker: marker)
        return fitted + String(repeating: " ", count: max(0, width - self.width(of: fitted)))
    }

    private static func isWide(_ value: UInt32) -> Bool {
        var low = 0
        var high = wideRanges.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let range = wideRanges[middle]
            if value < range.lowerBound {
                high = middle - 1
            } else if value > range.upperBound {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }

    /// East Asian Wide and Fullwidth ranges (Unicode 15), sorted; emoji are covered by their property.
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2329...0x232A, 0x2E80...0x2E99, 0x2E9B...0x2EF3, 0x2F00...0x2FD5,
        0x2FF0...0x2FFF, 0x3000...0x303E, 0x3041...0x3096, 0x3099...0x30FF, 0x3105...0x312F,
        0x3131...0x318E, 0x3190...0x31E3, 0x31F0...0x321E, 0x3220...0x3247, 0x3250...0x4DBF,
        0x4E00...0xA48C, 0xA490...0xA4C6, 0xA960...0xA97C, 0xAC00...0xD7A3, 0xF900...0xFAFF,
        0xFE10...0xFE19, 0xFE30...0xFE52, 0xFE54...0xFE66, 0xFE68...0xFE6B, 0xFF01...0xFF60,
        0xFFE0...0xFFE6, 0x16FE0...0x16FE4, 0x16FF0...0x16FF1, 0x17000...0x187F7,
        0x18800...0x18CD5, 0x18D00...0x18D08, 0x1AFF0...0x1B2FB, 0x1F200...0x1F202,
        0x1F210...0x1F23B, 0x1F240...0x1F248, 0x1F250...0x1F251, 0x1F260...0x1F265,
        0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]
}
