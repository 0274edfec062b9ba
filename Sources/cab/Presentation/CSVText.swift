import Foundation
import CabinetModel
import CabinetStore
import TerminalKit

/// Cells of CSV output, safe to open in a spreadsheet: drawn inert, a cell a spreadsheet would
/// take for a formula (starting with `=`, `+`, `-`, `@`, tab or carriage return) prefixed with a
/// single quote so it stays text, and quoted per RFC 4180.
public enum CSVText {
    /// The first characters that make a spreadsheet evaluate a cell.
    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// One cell, neutralised and quoted when it holds a comma or a double quote (line breaks are
    /// already drawn inert, so none is left to quote).
    public static func cell(_ text: String) -> String {
        let neutral = text.unicodeScalars.first.map(formulaStarts.contains) == true ? "'" + text : text
        let inert = neutral.inert
        guard inert.contains(where: { $0 == "," || $0 == "\"" }) else { return inert }
        return "\"" + inert.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One record: the cells, each one made safe, separated by commas.
    public static func row(_ cells: [String]) -> String {
        cells.map(cell).joined(separator: ",")
    }
}
