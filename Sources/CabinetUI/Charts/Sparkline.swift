import CabinetModel
import TerminalKit
/// A weekly series as one character per value, its block heights spread between the series'
/// smallest and largest value: the shape of the trend, not its size (the figure beside it says
/// that). A flat series is a row of middle blocks, or of lowest blocks when it is all zero; a
/// missing value (a week without data) is a space.
public enum Sparkline {
    /// The eight heights, lowest first.
    public static let blocks = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    /// The same heights for terminals without UTF-8.
    public static let asciiBlocks = ["_", ".", ":", "-", "=", "+", "*", "#"]

    /// The sparkline of `values`.
    public static func render(_ values: [Double?], unicode: Bool) -> String {
        let levels = unicode ? blocks : asciiBlocks
        let present = values.compactMap { $0 }
        let low = present.min() ?? 0
        let high = present.max() ?? 0
        return values.map { value in
            guard let value else { return " " }
            guard high > low else { return levels[value == 0 ? 0 : levels.count / 2 - 1] }
            return levels[Int(((value - low) / (high - low) * Double(levels.count - 1)).rounded())]
        }.joined()
    }
}
