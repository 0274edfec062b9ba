
/// A width × height grid of cells that views render into; the terminal adapter paints it.
/// Text written here is made inert, clipped to the grid, and wide graphemes take two cells.
public struct CellBuffer: Hashable, Sendable {
    public let width: Int
    public let height: Int
    /// Row-major cells: the cell at (x, y) is `cells[y * width + x]`.
    public private(set) var cells: [Cell]

    /// A grid filled with `fill`; negative sizes count as zero.
    public init(width: Int, height: Int, fill: Cell = .blank) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = Array(repeating: fill, count: self.width * self.height)
    }

    /// The cell at (x, y); outside the grid, a blank.
    public subscript(x: Int, y: Int) -> Cell {
        contains(x: x, y: y) ? cells[y * width + x] : .blank
    }

    /// True when (x, y) is inside the grid.
    public func contains(x: Int, y: Int) -> Bool {
        x >= 0 && y >= 0 && x < width && y < height
    }

    /// Writes `text` (made inert first) from (x, y) on one row, clipped to the grid and to
    /// `maxWidth` columns. A wide grapheme that would straddle the limit becomes a space.
    /// Returns the column after the last one written.
    @discardableResult
    public mutating func write(
        _ text: String, x: Int, y: Int,
        role: StyleRole = .normal, attributes: TextAttributes = [], maxWidth: Int? = nil
    ) -> Int {
        let limit = min(width, maxWidth.map { x + max(0, $0) } ?? width)
        guard y >= 0, y < height else { return x }
        var column = x
        var previous: Int?
        for character in InertText.sanitize(text) {
            let columns = TextWidth.width(of: character)
            if columns == 0 {
                if let previous { cells[y * width + previous].text.append(character) }
                continue
            }
            if column >= limit { break }
            if column + columns > limit || column < 0 {
                for blank in column..<min(limit, column + columns) where blank >= 0 {
                    put(.space(role: role, attributes: attributes), x: blank, y: y)
                }
                previous = nil
            } else {
                put(Cell(text: String(character), width: columns, role: role, attributes: attributes), x: column, y: y)
                previous = column
            }
            column += columns
        }
        return min(column, limit)
    }

    /// Fills a rectangle, clipped to the grid, with spaces of the given style.
    public mutating func fill(x: Int, y: Int, width: Int, height: Int, role: StyleRole, attributes: TextAttributes = []) {
        for row in max(0, y)..<max(max(0, y), min(self.height, y + height)) {
            for column in max(0, x)..<max(max(0, x), min(self.width, x + width)) {
                put(.space(role: role, attributes: attributes), x: column, y: row)
            }
        }
    }

    /// The text of row `y`, one character per column (continuation cells add nothing).
    public func rowText(_ y: Int) -> String {
        guard y >= 0, y < height else { return "" }
        return cells[(y * width)..<((y + 1) * width)].map(\.text).joined()
    }

    /// Every row's text, top to bottom: handy for snapshot tests.
    public var lines: [String] { (0..<height).map(rowText) }

    /// Sets one cell of width 1 or 2, first breaking up any wide grapheme it overlaps.
    private mutating func put(_ cell: Cell, x: Int, y: Int) {
        guard contains(x: x, y: y) else { return }
        if cell.width == 2, x + 1 >= width {
            put(.space(role: cell.role, attributes: cell.attributes), x: x, y: y)
            return
        }
        unlinkWide(x: x, y: y)
        cells[y * width + x] = cell
        if cell.width == 2 {
            unlinkWide(x: x + 1, y: y)
            cells[y * width + x + 1] = Cell(text: "", width: 0, role: cell.role, attributes: cell.attributes)
        }
    }

    /// Replaces the other half of a wide grapheme at (x, y) with a space, so no half is orphaned.
    private mutating func unlinkWide(x: Int, y: Int) {
        let cell = cells[y * width + x]
        if cell.isContinuation, x > 0 {
            let lead = cells[y * width + x - 1]
            cells[y * width + x - 1] = .space(role: lead.role, attributes: lead.attributes)
        } else if cell.width == 2, x + 1 < width {
            let tail = cells[y * width + x + 1]
            cells[y * width + x + 1] = .space(role: tail.role, attributes: tail.attributes)
        }
    }
}
