import Foundation
import Testing

/// `cab card ID --markdown|--slack`: the chair posts a change's card to the pull request and to
/// the channel. A title someone typed to cause trouble arrives as the same words and nothing
/// more: no `@channel`, no link, no heading, no HTML, no extra table cell.
@Suite struct CardCommandTests {
    let sandbox = Sandbox()
    /// Printable text the input checks let through (controls are refused there).
    static let hostileTitle = "Fix <!channel> <!here> <@U024BE7LH> <#C024BE7LH> & [x](javascript:alert(1)) <img src=x onerror=alert(1)> `rm -rf /` # not a heading @ops-team"

    init() throws {
        _ = try sandbox.cab("import", try sandbox.write("company.json", smallDocument))
        try sandbox.sqlite("""
            UPDATE changes SET title = '\(Self.hostileTitle)', blast_radius = 'Order Service | Payment Gateway *all* of it' WHERE id = 'CHG-1';
            """)
    }

    @Test func theMarkdownCardEscapesEveryStoredCharacterMarkdownWouldRead() throws {
        let card = try sandbox.cab("card", "CHG-1", "--markdown")
        #expect(card.status == 0, "\(card.stderr)")
        let lines = card.stdout.components(separatedBy: "\n")
        let joiner = "\u{2060}"
        #expect(lines[0] == ##"### CHG-1: Fix \<!channel\> \<!here\> \<@"## + joiner + ##"U024BE7LH\> \<\#C024BE7LH\> \& \[x\](javascript:alert(1)) \<img src=x onerror=alert(1)\> \`rm -rf /\` \# not a heading @"## + joiner + "ops-team")
        #expect(lines.filter { $0.hasPrefix("#") }.count == 1, "only the card's own heading")
        // No `<` reaches the page unescaped, so no HTML tag and no autolink.
        #expect(zip(" " + card.stdout, card.stdout).allSatisfy { $1 != "<" || $0 == "\\" })
        let table = lines.filter { $0.hasPrefix("|") }
        #expect(table.count == 6)
        let unescapedPipes = table.map { row in zip(" " + row, row).filter { $0 != "\\" && $1 == "|" }.count }
        #expect(unescapedPipes == [3, 3, 3, 3, 3, 3])
        #expect(table.contains(#"| Blast radius | Order Service \| Payment Gateway \*all\* of it |"#))
        #expect(table.contains("| Rollback plan | Drop the index (2 min) |"))
        #expect(table.contains("| Window | 2026-11-27T14:00:00Z → 2026-11-27T15:00:00Z |"))
        #expect(lines.contains { $0.hasPrefix("⚠️ **Not ready: migration checklist: 7 unanswered (") })
        #expect(lines.contains { $0.hasPrefix("- **Impact:** ") })
        #expect(lines.contains { $0.hasPrefix("- **Risk score:** ") })
    }

    @Test func theSlackCardKeepsStoredTextInEscapedPlainText() throws {
        let card = try sandbox.cab("card", "CHG-1", "--slack")
        #expect(card.status == 0, "\(card.stderr)")
        #expect(!card.stdout.contains("<") && !card.stdout.contains(">"), "no Slack control sequence can open")
        let message = try #require(try JSONSerialization.jsonObject(with: Data(card.stdout.utf8)) as? [String: Any])
        let escapedTitle = "Fix &lt;!channel&gt; &lt;!here&gt; &lt;@U024BE7LH&gt; &lt;#C024BE7LH&gt; &amp; [x](javascript:alert(1)) &lt;img src=x onerror=alert(1)&gt; `rm -rf /` # not a heading @ops-team"
        #expect(message["text"] as? String == "CHG-1: " + escapedTitle)
        let blocks = try #require(message["blocks"] as? [[String: Any]])
        #expect(blocks.map { $0["type"] as? String } == ["header", "context", "section", "section", "divider", "section"])
        // A header holds 150 characters at most: the title is cut there, never inside an escape.
        let header = try #require((blocks[0]["text"] as? [String: Any])?["text"] as? String)
        #expect(header.count == 150 && header.hasSuffix("…"))
        #expect(("CHG-1: " + escapedTitle).hasPrefix(header.dropLast()))
        let fields = try #require(blocks[2]["fields"] as? [[String: Any]])
        // Labels are the only mrkdwn; every value is plain_text, which Slack neither formats nor links.
        #expect(fields.compactMap { $0["type"] as? String == "mrkdwn" ? $0["text"] as? String : nil }
                == ["*Blast radius*", "*Rollback plan*", "*Verification*", "*Window*"])
        #expect(fields[1]["text"] as? String == "Order Service | Payment Gateway *all* of it")
        #expect(fields[1]["type"] as? String == "plain_text")
        let paragraphs = blocks.compactMap { $0["text"] as? [String: Any] }
        #expect(paragraphs.allSatisfy { $0["type"] as? String == "plain_text" })
        #expect((paragraphs.last?["text"] as? String)?.hasPrefix("Impact: ") == true)
    }

    @Test func oneFormatAndAKnownChange() throws {
        let both = try sandbox.cab("card", "CHG-1", "--markdown", "--slack")
        #expect(both.status == 1)
        #expect(both.stderr == "cab: --markdown --slack: choose one output format\n")
        let missing = try sandbox.cab("card", "CHG-9")
        #expect(missing.status == 1)
        #expect(missing.stderr.hasPrefix("cab: ") && missing.stderr.contains("CHG-9") && missing.stderr.filter { $0 == "\n" }.count == 1)
        let plain = try sandbox.cab("card", "CHG-2")
        #expect(plain.stdout.hasPrefix("### CHG-2: Tune pool size\n"), "Markdown by default")
    }
}
