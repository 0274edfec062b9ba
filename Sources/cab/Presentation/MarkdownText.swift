import CabinetModel
import CabinetStore
import TerminalKit
/// Stored or user text placed in Markdown output so that it reads as the same words and nothing
/// more: drawn inert (a newline cannot start a row or a line of its own) and with Markdown's own
/// characters escaped (a `|` cannot open a cell, `*`, `[` or `<` cannot format, link or inject HTML).
public enum MarkdownText {
    /// The characters escaped with a backslash; the backslash first among them, so an escape in
    /// the text cannot cancel the one added here.
    static let special: Set<Character> = ["\\", "|", "`", "*", "_", "[", "]", "<", ">", "~", "&"]

    /// `text` drawn inert with every Markdown special character escaped.
    public static func escaped(_ text: String) -> String {
        var result = ""
        for character in text.inert {
            if special.contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }

    /// A table row of `cells`, each one escaped (`| a | b | |`).
    public static func row(_ cells: [String]) -> String {
        "|" + cells.map { cell in
            let text = escaped(cell)
            return text.isEmpty ? " " : " \(text) "
        }.joined(separator: "|") + "|"
    }
}
