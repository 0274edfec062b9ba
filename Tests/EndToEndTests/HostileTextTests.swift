import CabinetModel
import CabinetStore
import Foundation
import TerminalKit
import Testing

/// Text another client left in the database, past cab's own checks: escape sequences that
/// retitle and clear a terminal, newlines that forge a row, pipes, wide characters and a
/// spreadsheet formula. ESC is char(27), BEL char(7), CR char(13), LF char(10), CSI (C1) char(155),
/// right-to-left override char(8238).
let hostileSQL = """
    UPDATE changes SET
        title = '数据库迁移' || char(27) || ']0;pwned' || char(7) || char(27) || '[2J' || char(10) || 'CHG-FAKE approved by CTO | x',
        owner = '=cmd|'' /C calc''!A0',
        blast_radius = 'all' || char(27) || '[31m' || char(10) || 'Ready for the board.',
        verification = 'smoke' || char(155) || '2J' || char(8238) || 'kcab'
        WHERE id = 'CHG-1';
    UPDATE changes SET owner = '王小明' WHERE id = 'CHG-2';
    INSERT INTO decisions (id, change_id, outcome, at, by, conditions) VALUES ('d-hostile', 'CHG-1', 'approved-with-conditions', 1795764600000,
        '主席' || char(13) || 'chair', 'only at night' || char(10) || '| 2 | CHG-FAKE approved by CTO | CTO |' || char(27) || '[31m');
    INSERT INTO meetings (date, chair, started_at) VALUES ('2026-11-27', 'chair' || char(27) || ']0;x' || char(7), 1795762800000);
    INSERT INTO meeting_attendees (meeting_date, name, role, present) VALUES ('2026-11-27', 'raj' || char(10) || '- CTO (chair, present)', 'owner', 1);
    INSERT INTO agenda_items (meeting_date, change_id, position) VALUES ('2026-11-27', 'CHG-1', 0);
    """

/// Every command's output draws stored control characters inert, keeps a row on one line and
/// its columns aligned, and escapes what Markdown and CSV would read as structure.
@Suite struct HostileTextTests {
    let sandbox = Sandbox()

    init() throws {
        _ = try sandbox.cab("import", try sandbox.write("company.json", smallDocument))
        try sandbox.sqlite(hostileSQL)
    }

    /// The controls in `text` other than the line breaks between lines: C0, DEL and C1.
    func controls(in text: String) -> [Unicode.Scalar] {
        text.unicodeScalars.filter { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) }
    }

    /// Runs cab and checks that nothing it printed, out or error, reaches the terminal as a control.
    func inert(_ arguments: String...) throws -> CabProcess.Result {
        let result = try sandbox.cab(arguments)
        #expect(controls(in: result.stdout).isEmpty, "\(arguments): \(result.stdout.debugDescription)")
        #expect(controls(in: result.stderr).isEmpty, "\(arguments): \(result.stderr.debugDescription)")
        return result
    }

    /// The terminal column where `text` starts in `line`.
    func column(of text: String, in line: Substring) -> Int? {
        line.range(of: text).map { TextWidth.width(of: line[..<$0.lowerBound]) }
    }

    /// The lines printed, blank ones included.
    func lines(_ text: String) -> [Substring] {
        (text.hasSuffix("\n") ? text.dropLast() : Substring(text)).split(separator: "\n", omittingEmptySubsequences: false)
    }

    @Test func theQueueShowsTheTitleInertOnOneRowWithItsColumnsInPlace() throws {
        let queue = try inert("queue")
        #expect(queue.status == 0)
        let rows = lines(queue.stdout)
        let header = try #require(rows.first { $0.hasPrefix("#") })
        let row = try #require(rows.first { $0.contains("CHG-1") })
        #expect(row.contains("数据库迁移␛]0;pwned␇␛[2J␊CHG-FAKE"))
        #expect(!rows.contains { $0.hasPrefix("CHG-FAKE") })
        #expect(column(of: "owner", in: header) == column(of: "=cmd|' /C calc'!A0", in: row))
        #expect(column(of: "category", in: header) == column(of: "database-schema", in: row))
    }

    @Test func aChangeShowsItsFieldsInertEachOnItsOwnLine() throws {
        let shown = try inert("change", "show", "CHG-1")
        #expect(shown.status == 0)
        #expect(shown.stdout.hasPrefix("CHG-1  数据库迁移␛]0;pwned␇␛[2J␊CHG-FAKE approved by CTO | x\n"))
        #expect(shown.stdout.contains("Blast radius:   all␛[31m␊Ready for the board.\n"))
        #expect(shown.stdout.contains("Verification:   smoke␛[2J�kcab\n"))
        #expect(shown.stdout.contains("approved-with-conditions by 主席␍chair — conditions: only at night␊| 2 | CHG-FAKE"))
        #expect(!lines(shown.stdout).contains { $0.hasPrefix("CHG-FAKE") || $0.hasPrefix("| 2 |") })
    }

    @Test func jsonKeepsTheStoredTextButEscapesWhatATerminalWouldActOn() throws {
        let shown = try inert("change", "show", "CHG-1", "--json")
        #expect(!shown.stdout.unicodeScalars.contains("\u{202E}"))
        #expect(shown.stdout.contains(#""verification" : "smoke\u009b2J\u202ekcab""#))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])
        #expect(object["verification"] as? String == "smoke\u{9B}2J\u{202E}kcab")
        #expect((object["title"] as? String)?.hasPrefix("数据库迁移\u{1B}]0;pwned\u{7}") == true)
    }

    @Test func theListOfChangesAlignsAfterAWideOwner() throws {
        let list = try inert("change", "list")
        let rows = lines(list.stdout)
        #expect(rows.count == 3)
        let header = rows[0]
        let wide = try #require(rows.first { $0.contains("CHG-2") })
        #expect(column(of: "title", in: header) == column(of: "Tune pool size", in: wide))
        let hostile = try #require(rows.first { $0.contains("CHG-1") })
        #expect(column(of: "title", in: header) == column(of: "数据库迁移␛]0;pwned", in: hostile))
    }

    @Test func theMinutesKeepOneRowPerItemInTextAndMarkdown() throws {
        let text = try inert("minutes", "--date", "2026-11-27")
        #expect(text.status == 0)
        let rows = lines(text.stdout)
        #expect(rows.contains("Chair: chair␛]0;x␇"))
        #expect(rows.contains { $0.hasPrefix("Attendees: raj␊- CTO (chair, present) (owner, present)") })
        let header = try #require(rows.first { $0.hasPrefix("#") })
        let item = try #require(rows.first { $0.contains("CHG-1") })
        // One row per item; the conditions follow the table in full, a stored line break kept as
        // an indented line that cannot pass for a row, the escape drawn inert.
        #expect(rows.filter { $0.hasPrefix("1 ") || $0.hasPrefix("2 ") }.count == 1)
        #expect(rows.contains("   conditions: only at night"))
        #expect(rows.contains("               | 2 | CHG-FAKE approved by CTO | CTO |␛[31m"))
        #expect(rows.last?.hasPrefix("Decision log: 2 decisions, last hash ") == true)
        #expect(column(of: "outcome", in: header) == column(of: "approved-with-conditions", in: item))
        #expect(column(of: "presenter", in: header) == column(of: "=cmd", in: item))

        let markdown = try inert("minutes", "--date", "2026-11-27", "--markdown")
        let table = lines(markdown.stdout).filter { $0.hasPrefix("|") }
        #expect(table.count == 3)
        let unescapedPipes = table.map { row in zip(" " + row, row).filter { $0 != "\\" && $1 == "|" }.count }
        #expect(unescapedPipes == [7, 7, 7])
        #expect(markdown.stdout.contains("- conditions: only at night  \n  \\| 2 \\| CHG-FAKE approved by CTO \\| CTO \\|␛\\[31m"))
        #expect(lines(markdown.stdout).contains("- Chair: chair␛\\]0;x␇"))
        #expect(!lines(markdown.stdout).contains { $0.hasPrefix("- CTO") })
    }

    @Test func openConditionsAlignAfterAWideTitle() throws {
        let conditions = try inert("conditions")
        let rows = lines(conditions.stdout)
        #expect(rows.count == 3)
        #expect(column(of: "approved", in: rows[1]) == column(of: "2026-11-27T07:30:00Z", in: rows[2]))
        #expect(column(of: "conditions", in: rows[1]) == column(of: "only at night␊| 2 |", in: rows[2]))
    }

    @Test func reportsInMarkdownAndCSVCarryNoControls() throws {
        let markdown = try inert("report", "--markdown")
        #expect(markdown.status == 0)
        let csv = try inert("report", "--csv")
        #expect(csv.status == 0)
        #expect(lines(csv.stdout).allSatisfy { !$0.hasPrefix("=") && !$0.hasPrefix("+") && !$0.hasPrefix("-") && !$0.hasPrefix("@") })
    }

    @Test func theCardAndTheCalendarCarryNoControls() throws {
        let markdown = try inert("card", "CHG-1")
        #expect(markdown.status == 0)
        #expect(markdown.stdout.hasPrefix("### CHG-1: 数据库迁移␛\\]0;pwned␇␛\\[2J␊CHG-FAKE approved by CTO \\| x\n"))
        let slack = try inert("card", "CHG-1", "--slack")
        #expect(slack.stdout.contains("数据库迁移␛]0;pwned␇␛[2J␊CHG-FAKE approved by CTO | x"))
        // The calendar's lines end in CRLF as RFC 5545 asks; nothing else is a control.
        let calendar = try sandbox.cab("calendar", "--all-routes", "--ics")
        #expect(calendar.status == 0)
        #expect(controls(in: calendar.stdout.replacingOccurrences(of: "\r\n", with: "\n")).isEmpty)
    }

    @Test func decidingEchoesWhoDecidedInert() throws {
        let decided = try inert("decide", "CHG-2", "deferred", "--supersede", "--by", "lead\u{1B}]0;pwned\u{7}\nCHG-FAKE approved")
        #expect(lines(decided.stdout + decided.stderr).count == 1)
        let missing = try inert("decide", "CHG-\u{1B}[2J", "approved")
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("CHG-␛[2J"))
    }

    @Test func anArgumentTheParserRefusesIsQuotedInert() throws {
        let refused = try inert("queue", "--colour\u{1B}]0;pwned\u{7}")
        #expect(refused.status == 64)
        #expect(refused.stderr.hasPrefix("Error: Unknown option '--colour␛]0;pwned␇'\n"))
    }
}
