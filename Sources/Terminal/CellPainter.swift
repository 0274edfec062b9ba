import TerminalKit
import CNcursesW

extension CursesScreen {
    /// Paints the changed runs of a frame and refreshes the terminal. Cells outside the screen
    /// are skipped; a grapheme whose width the C library sees differently from `TextWidth`
    /// is drawn so the layout stays as computed ("?" where it would not fit).
    func paint(_ runs: [CellRun]) {
        let size = context
        for run in runs where run.y >= 0 && run.y < size.height {
            for (offset, cell) in run.cells.enumerated() where !cell.isContinuation {
                let x = run.x + offset
                guard x >= 0, x + cell.width <= size.width else { continue }
                put(cell, x: x, y: run.y)
            }
        }
        wrefresh(window)
    }

    private func put(_ cell: Cell, x: Int, y: Int) {
        let systemWidth = cell.text.unicodeScalars.first.map { Int(wcwidth(wchar_t(bitPattern: $0.value))) } ?? -1
        if systemWidth == cell.width {
            draw(cell.text, cell: cell, x: x, y: y)
        } else if cell.width == 2, systemWidth == 1 {
            draw(cell.text, cell: cell, x: x, y: y)
            draw(" ", cell: cell, x: x + 1, y: y)
        } else {
            for column in x..<(x + cell.width) {
                draw("?", cell: cell, x: column, y: y)
            }
        }
    }

    private func draw(_ text: String, cell: Cell, x: Int, y: Int) {
        var characters = text.unicodeScalars.prefix(Int(CCHARW_MAX)).map { wchar_t(bitPattern: $0.value) }
        characters.append(0)
        var pair = pairs.pair(for: cell.role)
        var character = cchar_t()
        setcchar(&character, characters, pairs.attributes(for: cell.role, adding: cell.attributes), 0, &pair)
        mvwadd_wchnstr(window, Int32(y), Int32(x), &character, 1)
    }
}
