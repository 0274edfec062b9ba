import CabinetModel
import CabinetStore
import TerminalKit
/// Stored or user text placed in Markdown output so that it reads as the same words and nothing
/// more: drawn inert (a newline cannot start a row or a line of its own) and with Markdown's own
/// characters escaped (a `|` cannot open a cell, `*`, `[` or `<` cannot format, link or inject HTML,
/// `#` cannot start a heading) and an `@` kept from mentioning anyone.
public enum MarkdownText {
    /// The characters escaped with a backslash; the backslash first among them, so an escape in
    /// the text cannot cancel the one added here.
    static let special: Set<Character> = ["\\", "|", "`", "*", "_", "[", "]", "<", ">", "~", "&", "#"]

    /// Follows every `@`: an invisible word joiner, so `@org/team` or `@user` reads the same but
    /// GitHub and chat tools see no mention (a backslash does not stop them).
    static let mentionBreak: Character = "\u{2060}"

    /// `text` drawn inert with every Markdown special character escaped.
    public static func escaped(_ text: String) -> String {
        var result = ""
        for character in text.inert {
            if special.contains(character) { result.append("\\") }
            result.append(character)
            if character == "@" { result.append(mentionBreak) }
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
