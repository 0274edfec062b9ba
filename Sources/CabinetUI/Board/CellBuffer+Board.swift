import CabinetModel
import TerminalKit

extension CellBuffer {
    /// A box outline with an optional title in its top edge; nothing is drawn below 2×2.
    mutating func drawBox(x: Int, y: Int, width: Int, height: Int, glyphs: Glyphs, role: StyleRole = .border) {
        guard width >= 2, height >= 2 else { return }
        let inner = String(repeating: glyphs.horizontal, count: width - 2)
        write(glyphs.topLeft + inner + glyphs.topRight, x: x, y: y, role: role)
        write(glyphs.bottomLeft + inner + glyphs.bottomRight, x: x, y: y + height - 1, role: role)
        for row in (y + 1)..<(y + height - 1) {
            write(glyphs.vertical, x: x, y: row, role: role)
            write(glyphs.vertical, x: x + width - 1, y: row, role: role)
        }
    }

    /// Writes `text` cut to `width` columns, ending in `marker` when cut. Returns the next column.
    @discardableResult
    mutating func write(_ text: String, x: Int, y: Int, role: StyleRole = .normal, fitting width: Int, marker: String) -> Int {
        write(TextWidth.truncate(InertText.sanitize(text), to: width, marker: marker), x: x, y: y, role: role, maxWidth: width)
    }

    /// Writes wrapped lines from (x, y), at most `height` of them; the last ends in `marker` when text was left.
    mutating func writeWrapped(_ text: String, x: Int, y: Int, width: Int, height: Int, role: StyleRole, marker: String) {
        guard height > 0, width > 0 else { return }
        for (offset, line) in TextWrap.wrap(text, width: width, maxLines: height, marker: marker).enumerated() {
            write(line, x: x, y: y + offset, role: role, maxWidth: width)
        }
    }

    /// Writes `text` right-aligned so it ends just before column `right`. Returns the column it starts at.
    @discardableResult
    mutating func writeRight(_ text: String, right: Int, y: Int, role: StyleRole) -> Int {
        let start = right - TextWidth.width(of: text)
        write(text, x: start, y: y, role: role)
        return start
    }
}
