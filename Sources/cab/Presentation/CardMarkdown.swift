/// `cab card ID --markdown`: the card as a pull request comment or a wiki paragraph. Every value
/// is escaped by `MarkdownText`, so a title cannot start a heading, forge a link, mention a team
/// or inject HTML.
public enum CardMarkdown {
    public static func render(_ card: ChangeCard) -> String {
        var lines = [
            "### " + MarkdownText.escaped(card.heading),
            "",
            MarkdownText.escaped(card.facts) + "  ",
            "services: " + MarkdownText.escaped(card.services),
            "",
            MarkdownText.row(["field", "as stated"]),
            MarkdownText.row(["---", "---"]),
        ]
        lines += card.fourFields.map { MarkdownText.row([$0.label, $0.value]) }
        lines += ["", (card.isReady ? "✅ " : "⚠️ ") + "**" + MarkdownText.escaped(card.readiness) + "**", ""]
        lines += card.assessment.map { "- **\($0.label):** " + MarkdownText.escaped($0.value) }
        return lines.joined(separator: "\n")
    }
}
