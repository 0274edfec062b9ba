import CabinetModel
import TerminalKit
/// A run of text in one role: a row of the panel or the minutes is a few of them side by side.
struct TextRun: Hashable {
    var text: String
    var role: StyleRole

    init(_ text: String, _ role: StyleRole = .normal) {
        self.text = text
        self.role = role
    }
}

extension CellBuffer {
    /// Writes runs one after another from (x, y) up to column `limit`; a cut run ends in `marker`. Returns the next column.
    @discardableResult
    mutating func write(_ runs: [TextRun], x: Int, y: Int, limit: Int, marker: String) -> Int {
        var column = x
        for run in runs where column < limit {
            column = write(run.text, x: column, y: y, role: run.role, fitting: limit - column, marker: marker)
        }
        return column
    }
}
