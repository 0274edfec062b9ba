/// `cab card ID --slack`: the card as a Slack Block Kit message for a channel; every value sits
/// in a `plain_text` object escaped by `SlackText`, so a title cannot ping `<!channel>`.
public enum CardSlack {
    public static func message(_ card: ChangeCard) -> SlackMessage {
        var message = SlackMessage(fallback: card.heading)
        message.header(card.heading)
        message.context(card.facts + " · services: " + card.services)
        message.fields(card.fourFields.map { SlackMessage.Field($0.label, $0.value) })
        message.paragraph([(card.isReady ? "✅ " : "⚠️ ") + card.readiness])
        message.divider()
        message.paragraph(card.assessment.map { "\($0.label): \($0.value)" })
        return message
    }
}
