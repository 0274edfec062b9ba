import CabinetModel
import TerminalKit
/// Horizontal bars for counts: the largest count fills the width, the others in proportion,
/// in eighths of a column with block characters (whole columns of `#` in ASCII). A count above
/// zero always shows at least the thinnest bar; zero shows nothing.
public enum HistogramBars {
    /// Partial blocks for 0–7 eighths of a column.
    static let eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// One bar per count, each at most `width` columns.
    public static func bars(_ counts: [Int], width: Int, unicode: Bool) -> [String] {
        let top = counts.max() ?? 0
        let steps = unicode ? 8 : 1
        return counts.map { count in
            guard top > 0, count > 0, width > 0 else { return "" }
            let length = max(1, Int((Double(count) / Double(top) * Double(width * steps)).rounded()))
            guard unicode else { return String(repeating: "#", count: length) }
            return String(repeating: "█", count: length / 8) + eighths[length % 8]
        }
    }
}
