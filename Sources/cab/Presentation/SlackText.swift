import TerminalKit

/// Stored or user text placed in a Slack message so that it reads as the same words and nothing
/// more: drawn inert, then `&`, `<` and `>` escaped as Slack asks (`&amp;`, `&lt;`, `&gt;`), so
/// `<!channel>`, `<!here>`, `<@U123>`, `<#C123>` and `<https://x|label>` arrive as text and
/// cannot mention anyone or hide a link.
public enum SlackText {
    /// Slack's three control characters and how a message writes them.
    static let escapes: [Character: String] = ["&": "&amp;", "<": "&lt;", ">": "&gt;"]

    /// `text` drawn inert with Slack's three control characters escaped.
    public static func escaped(_ text: String) -> String { text.inert(escaping: escapes) }

    /// Several lines escaped one by one, the line breaks between them kept.
    public static func lines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { escaped(String($0)) }.joined(separator: "\n")
    }

    /// `text` escaped and cut to at most `limit` characters once escaped (Slack refuses a block
    /// whose text is longer), ending in `…` when cut; an escape is never cut in half.
    public static func escaped(_ text: String, limit: Int) -> String {
        let whole = escaped(text)
        guard whole.count > limit else { return whole }
        var result = "", count = 0
        for character in text.inert {
            let piece = escapes[character] ?? String(character)
            if count + piece.count > limit - 1 { break }
            result += piece
            count += piece.count
        }
        return result + "…"
    }
}
