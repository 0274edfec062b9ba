import CabinetModel
import TerminalKit

/// A small table of the panel (routes, weeks): dim headings, numbers right-aligned, each column
/// as wide as its widest cell, and the columns that do not fit dropped from the right.
struct PanelTable {
    struct Column {
        var heading: String
        var rightAligned = true
    }

    /// One cell: its text and how it is drawn.
    struct Entry {
        var text: String
        var role: StyleRole = .normal
    }

    static let gap = 2

    var columns: [Column]
    var rows: [[Entry]]

    /// The widths of the columns that fit in `width`, left to right.
    func widths(fitting width: Int) -> [Int] {
        var used = -Self.gap
        var widths: [Int] = []
        for (index, column) in columns.enumerated() {
            let natural = ([column.heading] + rows.map { $0.indices.contains(index) ? $0[index].text : "" })
                .map { TextWidth.width(of: $0) }.max() ?? 0
            guard used + Self.gap + natural <= width else { break }
            used += Self.gap + natural
            widths.append(natural)
        }
        return widths
    }

    /// Columns taken by the table at `width`.
    func usedWidth(fitting width: Int) -> Int {
        let widths = widths(fitting: width)
        return widths.reduce(0, +) + Self.gap * max(0, widths.count - 1)
    }

    /// Draws the heading row at `y` and the rows below it, at most `height` rows in all.
    func draw(x: Int, y: Int, width: Int, height: Int, into buffer: inout CellBuffer, glyphs: Glyphs) {
        let widths = widths(fitting: width)
        let headings = columns.map { Entry(text: $0.heading, role: .dim) }
        for (offset, row) in ([headings] + rows).prefix(max(0, height)).enumerated() {
            var column = x
            for (index, width) in widths.enumerated() {
                let entry = row.indices.contains(index) ? row[index] : Entry(text: "")
                let fitted = TextWidth.truncate(InertText.sanitize(entry.text), to: width, marker: glyphs.more)
                let pad = String(repeating: " ", count: width - TextWidth.width(of: fitted))
                buffer.write(columns[index].rightAligned ? pad + fitted : fitted, x: column, y: y + offset, role: entry.role, maxWidth: width)
                column += width + Self.gap
            }
        }
    }
}
