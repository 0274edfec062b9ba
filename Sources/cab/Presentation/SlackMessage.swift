import Foundation

/// A Slack message in Block Kit (`{"text": fallback, "blocks": […]}`), for a webhook or
/// `chat.postMessage`. Stored text only ever goes into `plain_text` objects, escaped by
/// `SlackText`: Slack formats, links and mentions nothing in them. Labels, written here, are
/// the only `mrkdwn`.
public struct SlackMessage: Sendable {
    /// A label and its value, shown side by side in a section's fields.
    public struct Field: Hashable, Sendable {
        public var label: String
        public var value: String
        public init(_ label: String, _ value: String) { self.label = label; self.value = value }
    }

    /// The notification text, shown where blocks cannot be (a phone's lock screen); lines stay lines.
    public var fallback: String
    private var blocks: [[String: any Sendable]] = []

    public init(fallback: String) { self.fallback = fallback }

    /// Slack's limits on a block's text: a header, a section's text and one field.
    static let headerLimit = 150, sectionLimit = 3000, fieldLimit = 2000, fieldsPerSection = 10

    /// A header line in large type.
    public mutating func header(_ text: String) {
        blocks.append(["type": "header", "text": plain(text, limit: Self.headerLimit)])
    }

    /// A paragraph of plain text; lines stay lines.
    public mutating func paragraph(_ lines: [String]) {
        let text = Self.escaped(lines, limit: Self.sectionLimit)
        guard !text.isEmpty else { return }
        blocks.append(["type": "section", "text": plainObject(text)])
    }

    /// Small grey text under the header.
    public mutating func context(_ text: String) {
        blocks.append(["type": "context", "elements": [plain(text, limit: Self.sectionLimit)]])
    }

    /// Labels in bold beside their values, two columns, as many sections as Slack's ten fields
    /// a section allow.
    public mutating func fields(_ fields: [Field]) {
        let objects = fields.flatMap { field -> [[String: any Sendable]] in
            [["type": "mrkdwn", "text": "*\(field.label)*"], plain(field.value, limit: Self.fieldLimit)]
        }
        for start in stride(from: 0, to: objects.count, by: Self.fieldsPerSection) {
            blocks.append(["type": "section", "fields": Array(objects[start..<min(start + Self.fieldsPerSection, objects.count)])])
        }
    }

    /// A thin line between parts.
    public mutating func divider() { blocks.append(["type": "divider"]) }

    /// The JSON Slack accepts, keys sorted so the same message is the same bytes.
    public var payload: Data {
        let fallback = Self.escaped(fallback.split(separator: "\n", omittingEmptySubsequences: false).map(String.init), limit: Self.sectionLimit)
        let object: [String: Any] = ["text": fallback, "blocks": blocks]
        return (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
    }

    /// `lines` escaped one by one and joined by line breaks, as many as fit in `limit` characters.
    private static func escaped(_ lines: [String], limit: Int) -> String {
        var text = ""
        for line in lines {
            let room = limit - text.count - (text.isEmpty ? 0 : 1)
            guard room > 1 else { break }
            text += (text.isEmpty ? "" : "\n") + SlackText.escaped(line, limit: room)
        }
        return text
    }

    /// A `plain_text` object of stored text, escaped and cut to `limit`.
    private func plain(_ text: String, limit: Int) -> [String: any Sendable] { plainObject(SlackText.escaped(text, limit: limit)) }

    /// A `plain_text` object of text already escaped; Slack refuses an empty one.
    private func plainObject(_ escaped: String) -> [String: any Sendable] {
        ["type": "plain_text", "text": escaped.isEmpty ? " " : escaped, "emoji": false]
    }
}
