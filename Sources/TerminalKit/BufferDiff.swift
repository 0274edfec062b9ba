/// A horizontal run of cells that changed between two frames, to be painted from (x, y).
public struct CellRun: Hashable, Sendable {
    public var x: Int
    public var y: Int
    /// The new cells, left to right; continuation cells are included and paint nothing.
    public var cells: [Cell]

    public init(x: Int, y: Int, cells: [Cell]) {
        self.x = x
        self.y = y
        self.cells = cells
    }
}

extension CellBuffer {
    /// The runs of cells in `new` that differ from `old`, row by row. When the sizes differ,
    /// every row of `new` is one run. A run never ends between a wide grapheme and its continuation.
    public static func diff(from old: CellBuffer, to new: CellBuffer) -> [CellRun] {
        guard old.width == new.width, old.height == new.height else {
            return (0..<new.height).map { y in
                CellRun(x: 0, y: y, cells: Array(new.cells[(y * new.width)..<((y + 1) * new.width)]))
            }
        }
        var runs: [CellRun] = []
        for y in 0..<new.height {
            var x = 0
            while x < new.width {
                guard old[x, y] != new[x, y] else {
                    x += 1
                    continue
                }
                var start = x
                if new[start, y].isContinuation, start > 0 { start -= 1 }
                var end = x
                while end < new.width, old[end, y] != new[end, y] || new[end, y].isContinuation { end += 1 }
                runs.append(CellRun(x: start, y: y, cells: (start..<end).map { new[$0, y] }))
                x = end
            }
        }
        return runs
    }
}
