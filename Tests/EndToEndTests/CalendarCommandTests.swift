import Foundation
import Testing

/// `cab calendar --ics`: the chair publishes the change calendar and the team's calendar tool
/// reads it. The file is read back here by an independent parser (Python's icalendar).
@Suite struct CalendarCommandTests {
    let sandbox = Sandbox()
    /// A title with every character iCalendar escapes and enough three-octet characters to be
    /// folded inside them: 数据库迁移 is 5 × 3 octets.
    static let title = #"Migrate orders; shard 1, 2 \ 3 "# + String(repeating: "数据库迁移", count: 6)

    init() throws {
        _ = try sandbox.cab("import", try sandbox.write("company.json", smallDocument))
        try sandbox.sqlite("""
            UPDATE changes SET route = 'cab', state = 'scheduled', title = '\(Self.title)' WHERE id = 'CHG-1';
            UPDATE changes SET route = 'peer' WHERE id = 'CHG-2';
            """)
        _ = try sandbox.cab("freeze", "add", "--from", "2026-12-24", "--to", "2026-12-27", "--reason", "Holidays, code freeze; no deploys", "--by", "lead")
        _ = try sandbox.cab("freeze", "add", "--from", "2026-11-27T12:00:00Z", "--to", "2026-11-27T13:00:00Z", "--reason", "release train", "--by", "lead")
    }

    func ics(_ arguments: String...) throws -> (text: String, file: String) {
        let result = try sandbox.cab(["calendar", "--ics"] + arguments)
        #expect(result.status == 0, "\(result.stderr)")
        return (result.stdout, try sandbox.write("calendar-\(UUID().uuidString).ics", result.stdout))
    }

    @Test func theBoardsChangesAndTheFreezesOpenInACalendarTool() throws {
        let (text, file) = try ics()
        let calendar = try ICalendarParser.parse(file: file)
        #expect(calendar.errors.isEmpty, "\(calendar.errors)")
        #expect(calendar.version == "2.0")
        #expect(calendar.prodid == "-//Cabinet//cab change calendar//EN")
        // CHG-2 goes by peer review: not on the board's calendar. In start order: the release train
        // freeze at 12:00, CHG-1 at 14:00, the holiday freeze from 24 December.
        #expect(calendar.events.map(\.uid) == ["FRZ-2@cabinet", "CHG-1@cabinet", "FRZ-1@cabinet"])
        let change = calendar.events[1]
        #expect(change.summary == "CHG-1 \(Self.title) (medium risk, cab, scheduled)")
        #expect(change.start == "2026-11-27T14:00:00+00:00")
        #expect(change.end == "2026-11-27T15:00:00+00:00")
        #expect(change.stamp == "2026-11-27T08:00:00+00:00")
        #expect(change.status == "CONFIRMED")
        #expect(change.categories == ["Change"])
        #expect(change.description.components(separatedBy: "\n") == [
            "Change CHG-1: \(Self.title)", "Risk: medium", "Route: cab", "State: scheduled", "Owner: raj (orders)",
            "Services: Order Service", "Rollback: Drop the index",
        ])
        let holidays = calendar.events[2]
        #expect(holidays.summary == "Freeze FRZ-1: Holidays, code freeze; no deploys")
        // All day: DATE values, the end exclusive as RFC 5545 has it (24, 25 and 26 December).
        #expect(holidays.start == "2026-12-24")
        #expect(holidays.end == "2026-12-27")
        #expect(calendar.events[0].start == "2026-11-27T12:00:00+00:00")

        // What the parser forgives, checked on the bytes: CRLF after every line, no line over 75
        // octets, and each line valid UTF-8 on its own (never folded inside a character).
        let bytes = Array(text.utf8)
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
        #expect(zip(bytes.dropLast(), bytes.dropFirst()).allSatisfy { $1 != 0x0A || $0 == 0x0D }, "a bare line feed")
        let lines = bytes.split(separator: 0x0A).map { Array($0.dropLast()) }
        #expect(lines.allSatisfy { $0.count <= 75 })
        #expect(lines.allSatisfy { String(validating: $0, as: UTF8.self) != nil })
        #expect(lines.contains { $0.first == 0x20 }, "the long summary is folded")
        #expect(text.contains(#"SUMMARY:CHG-1 Migrate orders\; shard 1\, 2 \\ 3 "#))
        #expect(text.contains("DTSTART:20261127T140000Z\r\n"))
        #expect(text.contains("DTSTART;VALUE=DATE:20261224\r\n"))
    }

    @Test func everyRouteAndAPeriod() throws {
        let every = try ICalendarParser.parse(file: try ics("--all-routes").file)
        #expect(every.events.map(\.uid) == ["FRZ-2@cabinet", "CHG-1@cabinet", "CHG-2@cabinet", "FRZ-1@cabinet"])
        // [2026-11-28, 2026-12-25): CHG-2 on the 28th and the holiday freeze that starts on the 24th.
        let period = try ICalendarParser.parse(file: try ics("--all-routes", "--since", "2026-11-28", "--until", "2026-12-25").file)
        #expect(period.events.map(\.uid) == ["CHG-2@cabinet", "FRZ-1@cabinet"])
        // The same store gives the same UIDs every time, so a subscribed calendar updates in place.
        #expect(try ics().text == (try ics().text))
    }

    @Test func withoutICSATableAndABadPeriodIsOneLine() throws {
        let table = try sandbox.cab("calendar")
        #expect(table.status == 0)
        #expect(table.stdout.components(separatedBy: "\n").contains { $0.hasPrefix("2026-12-24") && $0.contains("through 2026-12-26") && $0.contains("Freeze FRZ-1") })
        let backwards = try sandbox.cab("calendar", "--since", "2026-12-01", "--until", "2026-11-01")
        #expect(backwards.status == 1)
        #expect(backwards.stderr == "cab: --until: 2026-11-01T00:00:00Z is not after --since 2026-12-01T00:00:00Z\n")
    }
}
