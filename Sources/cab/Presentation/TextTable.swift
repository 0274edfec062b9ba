import Foundation
import CabinetModel
import CabinetStore
import TerminalKit

/// A plain-text table with aligned columns, for command output piped or read in a terminal.
/// Cells are drawn inert (a newline or escape sequence in a title cannot break a row or reach the
/// terminal) and padded by display width (`TextWidth`), so wide characters keep columns aligned.
public struct TextTable: Sendable {
    public var header: [String]
    public var rows: [[String]] = []
    /// Columns aligned right (numbers).
    public var rightAligned: Set<Int> = []

    public init(header: [String], rightAligned: Set<Int> = []) {
        self.header = header
        self.rightAligned = rightAligned
    }

    public mutating func add(_ row: [String]) { rows.append(row) }

    public var rendered: String {
        let all = ([header] + rows).map { $0.map(\.inert) }
        let widths = header.indices.map { column in all.map { $0.indices.contains(column) ? TextWidth.width(of: $0[column]) : 0 }.max() ?? 0 }
        return all.map { row in
            header.indices.map { column in
                let cell = row.indices.contains(column) ? row[column] : ""
                let padding = String(repeating: " ", count: widths[column] - TextWidth.width(of: cell))
                return rightAligned.contains(column) ? padding + cell : cell + padding
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }.joined(separator: "\n")
    }
}

extension String {
    /// This text drawn inert and cut to at most `length` terminal columns, ending in `…` when
    /// something was cut.
    public func truncated(to length: Int) -> String {
        TextWidth.truncate(inert, to: length)
    }

    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
