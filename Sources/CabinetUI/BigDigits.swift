import CabinetModel
import TerminalKit
/// Large digits for the meeting timer: "MM:SS", or "-M:SS" once the time is overrun.
public enum BigDigits {
    /// How tall the digits are.
    public enum Size: Hashable, Sendable {
        /// 3 rows: half blocks, or seven-segment `_` and `|` in ASCII.
        case small
        /// 5 rows: full blocks, or `#` in ASCII.
        case large

        public var rows: Int { self == .small ? 3 : 5 }
    }

    /// The clock text for a number of seconds left: "03:00", "00:07", or "-1:15" when negative.
    public static func clockText(seconds: Int) -> String {
        let magnitude = seconds.magnitude
        let minutes = magnitude / 60
        let rest = magnitude % 60
        let secondsText = rest < 10 ? "0\(rest)" : "\(rest)"
        if seconds < 0 { return "-\(minutes):\(secondsText)" }
        return (minutes < 10 ? "0\(minutes)" : "\(minutes)") + ":" + secondsText
    }

    /// `text` (digits, ':', '-', ' '; anything else draws as a blank) as `size.rows` lines of equal
    /// width, glyphs one column apart. `unicode: false` uses ASCII only.
    public static func render(_ text: String, size: Size, unicode: Bool = true) -> [String] {
        let glyphs = text.map { glyph(for: $0, size: size, unicode: unicode) }
        return (0..<size.rows).map { row in glyphs.map { $0[row] }.joined(separator: " ") }
    }

    /// Columns `render` takes for `text`.
    public static func width(of text: String, size: Size) -> Int {
        guard !text.isEmpty else { return 0 }
        return text.reduce(0) { $0 + (pixels[$1]?.first?.count ?? 3) } + text.count - 1
    }

    private static func glyph(for character: Character, size: Size, unicode: Bool) -> [String] {
        let bitmap = pixels[character] ?? Array(repeating: "   ", count: 5)
        switch (size, unicode) {
        case (.large, _):
            let ink: Character = unicode ? "█" : "#"
            return bitmap.map { String($0.map { $0 == "#" ? ink : " " }) }
        case (.small, true):
            return (0..<3).map { row in
                let top = Array(bitmap[2 * row])
                let bottom = 2 * row + 1 < bitmap.count ? Array(bitmap[2 * row + 1]) : Array(repeating: " ", count: top.count)
                return String(zip(top, bottom).map { halfBlock(top: $0 == "#", bottom: $1 == "#") })
            }
        case (.small, false):
            return sevenSegment[character] ?? Array(repeating: String(repeating: " ", count: bitmap.first?.count ?? 3), count: 3)
        }
    }

    private static func halfBlock(top: Bool, bottom: Bool) -> Character {
        switch (top, bottom) {
        case (true, true): return "█"
        case (true, false): return "▀"
        case (false, true): return "▄"
        case (false, false): return " "
        }
    }

    /// A 3×5 pixel font ("#" = ink); the colon is one column wide.
    private static let pixels: [Character: [String]] = [
        "0": ["###", "# #", "# #", "# #", "###"],
        "1": ["## ", " # ", " # ", " # ", "###"],
        "2": ["###", "  #", "###", "#  ", "###"],
        "3": ["###", "  #", "###", "  #", "###"],
        "4": ["# #", "# #", "###", "  #", "  #"],
        "5": ["###", "#  ", "###", "  #", "###"],
        "6": ["###", "#  ", "###", "# #", "###"],
        "7": ["###", "  #", "  #", "  #", "  #"],
        "8": ["###", "# #", "###", "# #", "###"],
        "9": ["###", "# #", "###", "  #", "###"],
        ":": [" ", "#", " ", "#", " "],
        "-": ["   ", "   ", "###", "   ", "   "],
        " ": ["   ", "   ", "   ", "   ", "   "],
    ]

    /// Three-row ASCII digits drawn like a seven-segment display.
    private static let sevenSegment: [Character: [String]] = [
        "0": [" _ ", "| |", "|_|"],
        "1": ["   ", "  |", "  |"],
        "2": [" _ ", " _|", "|_ "],
        "3": [" _ ", " _|", " _|"],
        "4": ["   ", "|_|", "  |"],
        "5": [" _ ", "|_ ", " _|"],
        "6": [" _ ", "|_ ", "|_|"],
        "7": [" _ ", "  |", "  |"],
        "8": [" _ ", "|_|", "|_|"],
        "9": [" _ ", "|_|", " _|"],
        ":": [" ", ".", "."],
        "-": ["   ", " _ ", "   "],
        " ": ["   ", "   ", "   "],
    ]
}
