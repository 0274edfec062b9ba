import CabinetModel
import TerminalKit

/// `cab calendar --ics`: the change calendar as an RFC 5545 iCalendar file. Lines end in CRLF and
/// are folded at 75 octets between UTF-8 sequences; text values are escaped; times are UTC;
/// each event's UID is its id at `cabinet`, so a calendar that subscribes again updates the
/// event instead of adding a copy.
public enum ICalendarText {
    /// The longest content line in octets, the CRLF not counted (RFC 5545 §3.1).
    static let octetsPerLine = 75

    public static func render(_ calendar: ChangeCalendar, stamp: Timestamp) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Cabinet//cab change calendar//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
                     "X-WR-CALNAME:Cabinet change calendar"]
        for event in calendar.events {
            lines += [
                "BEGIN:VEVENT",
                "UID:" + text(event.id + "@cabinet"),
                "DTSTAMP:" + dateTime(stamp),
            ]
            lines += event.allDay
                ? ["DTSTART;VALUE=DATE:" + date(event.start), "DTEND;VALUE=DATE:" + date(event.end)]
                : ["DTSTART:" + dateTime(event.start), "DTEND:" + dateTime(event.end)]
            lines += [
                "SUMMARY:" + text(event.summary),
                "DESCRIPTION:" + event.details.map(text).joined(separator: "\\n"),
                "CATEGORIES:" + (event.kind == .change ? "Change" : "Freeze"),
                "STATUS:" + (event.canceled ? "CANCELLED" : "CONFIRMED"),
                "TRANSP:OPAQUE",
                "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.map(folded).map { $0 + "\r\n" }.joined()
    }

    /// A TEXT value (§3.3.11): drawn inert, then backslash, semicolon, comma and newline escaped.
    public static func text(_ value: String) -> String {
        value.inert(escaping: ["\\": "\\\\", ";": "\\;", ",": "\\,", "\n": "\\n"])
    }

    /// A content line cut into lines of at most 75 octets, each after the first starting with
    /// one space (which counts); a cut falls between Unicode scalars, never inside one's UTF-8.
    public static func folded(_ line: String) -> String {
        var result = "", octets = 0
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if octets + size > octetsPerLine {
                result += "\r\n "
                octets = 1
            }
            result.unicodeScalars.append(scalar)
            octets += size
        }
        return result
    }

    /// `20261127T140000Z`: a UTC DATE-TIME (whole seconds).
    public static func dateTime(_ time: Timestamp) -> String {
        let iso = time.iso8601
        return String(iso.prefix(19)).filter { $0 != "-" && $0 != ":" } + "Z"
    }

    /// `20261127`: a DATE.
    public static func date(_ time: Timestamp) -> String { time.day.filter { $0 != "-" } }
}
