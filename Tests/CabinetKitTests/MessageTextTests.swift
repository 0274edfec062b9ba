import CabinetModel
import Foundation
import Testing
@testable import cab

/// Stored text placed in a Slack message, a Markdown comment or an iCalendar file reads as the
/// same words and nothing more: no mention, no link, no heading, no HTML, no broken line.
@Suite struct SlackTextTests {
    @Test func mentionsAndLinksArriveAsText() {
        #expect(SlackText.escaped("<!channel> <!here> <@U024BE7LH> <#C024BE7LH|ops> & <https://evil.example|docs>")
                == "&lt;!channel&gt; &lt;!here&gt; &lt;@U024BE7LH&gt; &lt;#C024BE7LH|ops&gt; &amp; &lt;https://evil.example|docs&gt;")
        // An escape already in the text is escaped again, so it shows as typed.
        #expect(SlackText.escaped("&lt;!channel&gt;") == "&amp;lt;!channel&amp;gt;")
        #expect(SlackText.escaped("a\nb\u{1B}") == "a␊b␛")
        #expect(SlackText.lines("Deployed <x>\nRollback: a & b") == "Deployed &lt;x&gt;\nRollback: a &amp; b")
    }

    @Test func aLongTextIsCutBetweenEscapesNeverInsideOne() {
        // "a&" escapes to "a&amp;" (6 characters); a limit of 5 keeps "a" and the ellipsis: "a…".
        #expect(SlackText.escaped("a&b", limit: 5) == "a…")
        #expect(SlackText.escaped("a&b", limit: 8) == "a&amp;b")
        #expect(SlackText.escaped(String(repeating: "<", count: 1000), limit: 150).count <= 150)
    }

    @Test func aMessageKeepsStoredTextInPlainTextOnly() throws {
        var message = SlackMessage(fallback: "CHG-1: *bold* <!channel>")
        message.header("CHG-1: *bold* <!channel>")
        message.fields([SlackMessage.Field("Blast radius", "`rm -rf` _all_ <@U1>")])
        let object = try #require(try JSONSerialization.jsonObject(with: message.payload) as? [String: Any])
        #expect(object["text"] as? String == "CHG-1: *bold* &lt;!channel&gt;")
        let blocks = try #require(object["blocks"] as? [[String: Any]])
        let header = try #require(blocks[0]["text"] as? [String: Any])
        #expect(header["type"] as? String == "plain_text")
        #expect(header["text"] as? String == "CHG-1: *bold* &lt;!channel&gt;")
        let fields = try #require(blocks[1]["fields"] as? [[String: Any]])
        #expect(fields.map { $0["type"] as? String } == ["mrkdwn", "plain_text"])
        #expect(fields.map { $0["text"] as? String } == ["*Blast radius*", "`rm -rf` _all_ &lt;@U1&gt;"])
    }
}

@Suite struct MarkdownMessageTests {
    @Test func aTitleCannotStartAHeadingMentionOrLink() {
        #expect(MarkdownText.escaped("# Approved by @ops-team") == "\\# Approved by @\u{2060}ops-team")
        #expect(MarkdownText.escaped("[x](javascript:alert(1))") == "\\[x\\](javascript:alert(1))")
        #expect(MarkdownText.escaped("<img src=x onerror=alert(1)>") == "\\<img src=x onerror=alert(1)\\>")
        #expect(MarkdownText.escaped("`rm -rf /`") == "\\`rm -rf /\\`")
        #expect(MarkdownText.row(["Blast radius", "a | b"]) == "| Blast radius | a \\| b |")
    }
}

@Suite struct ICalendarTextTests {
    @Test func textEscapesBackslashSemicolonCommaAndNewline() {
        #expect(ICalendarText.text(#"a\b;c,d"#) == #"a\\b\;c\,d"#)
        // Stored text is drawn inert first: a stored line break shows, it does not end the value.
        #expect(ICalendarText.text("a\nb") == "a␊b")
    }

    @Test func linesFoldAt75OctetsBetweenUTF8Sequences() {
        // "SUMMARY:" is 8 octets, then 40 × "é" (2 octets each) = 88 octets: the first line takes
        // 8 + 33 × 2 = 74 octets (a 34th "é" would make 76), the next " " + 7 × "é" = 15.
        let line = "SUMMARY:" + String(repeating: "é", count: 40)
        let folded = ICalendarText.folded(line)
        let parts = folded.components(separatedBy: "\r\n")
        #expect(parts.map(\.utf8.count) == [74, 15])
        #expect(parts[1].hasPrefix(" "))
        #expect(parts.allSatisfy { $0.utf8.count <= 75 })
        // Unfolding (dropping CRLF and the one space) gives the line back.
        #expect(folded.replacingOccurrences(of: "\r\n ", with: "") == line)
        // 200 ASCII octets: 75, then " " + 74 = 75, then " " + the last 51 = 52.
        let ascii = ICalendarText.folded(String(repeating: "x", count: 200)).components(separatedBy: "\r\n")
        #expect(ascii.map(\.utf8.count) == [75, 75, 52])
    }

    @Test func timesAreUTCAndDaysAreDates() {
        #expect(ICalendarText.dateTime(time("2026-11-27T14:00:00.250Z")) == "20261127T140000Z")
        #expect(ICalendarText.date(time("2026-12-24T00:00:00Z")) == "20261224")
    }
}

@Suite struct ChangeCalendarTests {
    let board = riskChange("CHG-1", ["Order Service"]) { $0.route = .cab; $0.state = .scheduled }
    let emergency = riskChange("CHG-2", ["Payment Gateway"], from: "09:00", to: "09:30") { $0.route = .emergency }
    let peer = riskChange("CHG-3", ["Order Service"], from: "10:00", to: "11:00")
    let unscheduled = riskChange("CHG-4", ["Order Service"]) { $0.route = .cab; $0.windowStart = nil; $0.windowEnd = nil }
    let christmas = Freeze(id: "FRZ-1", from: time("2026-12-24T00:00:00Z"), to: time("2026-12-27T00:00:00Z"), reason: "holidays", addedBy: "lead")
    let release = Freeze(id: "FRZ-2", from: time("2026-11-27T12:00:00Z"), to: time("2026-11-27T13:00:00Z"), reason: "release", addedBy: "lead")

    @Test func boardAndEmergencyChangesByDefaultInStartOrder() {
        let calendar = ChangeCalendar(changes: [board, emergency, peer, unscheduled], freezes: [christmas, release],
                                      routes: [.cab, .emergency], since: nil, until: nil)
        #expect(calendar.events.map(\.id) == ["CHG-2", "FRZ-2", "CHG-1", "FRZ-1"])
        #expect(calendar.events.map(\.allDay) == [false, false, false, true])
        #expect(calendar.events[2].summary == "CHG-1 Change CHG-1 (medium risk, cab, scheduled)")
        let every = ChangeCalendar(changes: [board, emergency, peer, unscheduled], freezes: [], routes: Set(Route.allCases), since: nil, until: nil)
        #expect(every.events.map(\.id) == ["CHG-2", "CHG-3", "CHG-1"])
    }

    @Test func sinceAndUntilKeepWhatOverlaps() {
        // [10:30, 14:00): CHG-3 (10:00-11:00) overlaps, CHG-1 starts at 14:00 (excluded), FRZ-2 (12:00-13:00) is inside.
        let calendar = ChangeCalendar(changes: [board, emergency, peer], freezes: [christmas, release], routes: Set(Route.allCases),
                                      since: time("2026-11-27T10:30:00Z"), until: time("2026-11-27T14:00:00Z"))
        #expect(calendar.events.map(\.id) == ["CHG-3", "FRZ-2"])
    }
}
