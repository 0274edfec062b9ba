import CabinetModel
import CabinetStore
import TerminalKit
/// The minutes of a meeting as text, Markdown or a JSON object.
public enum MinutesText {
    /// Columns the text minutes wrap the remarks of each item to.
    static let width = 100

    /// The minutes as text: the header, a row per item, then each item in full (title,
    /// conditions, reasons, deferral target, notes, who was missing), wrapped and never cut.
    public static func render(_ minutes: MeetingMinutes) -> String {
        var lines = header(minutes) + [""]
        var table = TextTable(header: ["#", "id", "presenter", "used", "outcome", "decided"], rightAligned: [0])
        for (index, item) in minutes.items.enumerated() {
            table.add(["\(index + 1)", item.change.id, item.change.owner, used(item, minutes), item.outcomeText, decided(item)])
        }
        lines.append(minutes.items.isEmpty ? "No items." : table.rendered)
        for (index, item) in minutes.items.enumerated() {
            lines += ["", "\(index + 1). \(item.change.id) \(item.change.title)".inert]
            lines += item.remarks.flatMap { TextWrap.labelled($0.label, $0.text, width: width - 3).map { "   " + $0 } }
        }
        if !minutes.actions.isEmpty { lines += ["", "Action items:"] + minutes.actions.map { "  " + ActionText.line($0) } }
        return lines.joined(separator: "\n")
    }

    /// The minutes as Markdown; every cell and list item is escaped by `MarkdownText`, so a
    /// newline or `|` in a title, name or condition cannot forge a row or shift a column. Each
    /// item's remarks follow the table in full, their line breaks kept as hard breaks.
    public static func markdown(_ minutes: MeetingMinutes) -> String {
        var lines = ["## CAB minutes, \(MarkdownText.escaped(minutes.meeting.date))", ""] + header(minutes).dropFirst().map { "- " + MarkdownText.escaped($0) } + [
            "",
            MarkdownText.row(["#", "change", "presenter", "time used", "outcome", "decided"]),
            MarkdownText.row(["---:", "---", "---", "---:", "---", "---"]),
        ]
        for (index, item) in minutes.items.enumerated() {
            lines.append(MarkdownText.row(["\(index + 1)", "\(item.change.id) \(item.change.title)", item.change.owner, used(item, minutes),
                                           item.outcomeText, decided(item)]))
        }
        for (index, item) in minutes.items.enumerated() {
            lines += ["", "### \(index + 1). " + MarkdownText.escaped("\(item.change.id) \(item.change.title)"), ""]
            for remark in item.remarks {
                let paragraphs = remark.text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
                    .enumerated().map { $0.offset == 0 ? MarkdownText.escaped(String($0.element)) : continuation(MarkdownText.escaped(String($0.element))) }
                lines.append("- " + MarkdownText.escaped(remark.label) + ": " + paragraphs.joined(separator: "  \n  "))
            }
        }
        if !minutes.actions.isEmpty { lines += ["", "Action items:", ""] + minutes.actions.map { "- " + MarkdownText.escaped(ActionText.line($0)) } }
        return lines.joined(separator: "\n")
    }

    public static func object(_ minutes: MeetingMinutes) -> [String: Any] {
        let meeting = minutes.meeting
        var object: [String: Any] = [
            "date": meeting.date, "chair": meeting.chair, "itemMinutes": meeting.itemMinutes,
            "attendees": meeting.attendees.map(InterchangeWriter.object),
            "items": minutes.items.map { item -> [String: Any] in
                var entry: [String: Any] = ["change": item.change.id, "title": item.change.title, "presenter": item.change.owner,
                                            "usedSeconds": item.usedMilliseconds / 1000, "allottedSeconds": minutes.allottedMilliseconds / 1000]
                entry["decision"] = item.decision.map(InterchangeWriter.object)
                entry["addedReason"] = item.agendaItem?.addedReason
                entry["notes"] = item.agendaItem?.notes
                entry["missing"] = item.attendance.missing
                entry["pir"] = item.pir.map(InterchangeWriter.object)
                return entry
            },
        ]
        object["startedAt"] = meeting.startedAt?.iso8601
        object["agendaFrozenAt"] = meeting.agendaFrozenAt?.iso8601
        object["endedAt"] = meeting.endedAt?.iso8601
        object["actionItems"] = minutes.actions.map(InterchangeWriter.object)
        return object
    }

    /// The title, chair, times and attendance, each line drawn inert.
    private static func header(_ minutes: MeetingMinutes) -> [String] {
        let meeting = minutes.meeting
        let presence = { (attendee: Attendee) -> String in
            switch attendee.present {
            case true?: "present"
            case false?: "absent"
            case nil: "not taken"
            }
        }
        return [
            "Minutes of the CAB meeting \(meeting.date)",
            "Chair: \(meeting.chair)",
            "Started \(meeting.startedAt.map(minute) ?? "—"), ended \(meeting.endedAt.map(minute) ?? "—"), \(meeting.itemMinutes) min per item",
            "Attendees: " + (meeting.attendees.isEmpty ? "none recorded"
                : meeting.attendees.map { "\($0.name) (\($0.role.rawValue), \(presence($0))\($0.speaksFor.map { ", for \($0)" } ?? ""))" }
                    .joined(separator: ", ")),
        ].map(\.inert)
    }

    private static func used(_ item: MeetingMinutes.Item, _ minutes: MeetingMinutes) -> String {
        "\(clock(item.usedMilliseconds)) / \(clock(minutes.allottedMilliseconds))"
    }

    private static func decided(_ item: MeetingMinutes.Item) -> String {
        item.decision.map { "\($0.by) at \(minute($0.at))" } ?? item.pir.map { "\($0.by) at \(minute($0.at))" } ?? "—"
    }

    /// A line of a remark as it continues its list item: a leading `#`, `-`, `+`, `=` or `1.`
    /// escaped, so the line cannot start a heading, a list or a rule of its own.
    private static func continuation(_ line: String) -> String {
        let trimmed = String(line.drop { $0 == " " })
        let indent = String(repeating: " ", count: line.count - trimmed.count)
        if let first = trimmed.first, "#-+=".contains(first) { return indent + "\\" + trimmed }
        let digits = String(trimmed.prefix { $0.isASCII && $0.isNumber })
        if !digits.isEmpty, let mark = trimmed.dropFirst(digits.count).first, mark == "." || mark == ")" {
            return indent + digits + "\\" + trimmed.dropFirst(digits.count)
        }
        return line
    }

    /// `2026-11-27 09:31` (UTC): the minutes keep times to the minute.
    static func minute(_ instant: Timestamp) -> String {
        String(instant.iso8601.prefix(16)).replacing("T", with: " ")
    }

    /// `m:ss`.
    static func clock(_ milliseconds: Int64) -> String {
        let seconds = milliseconds / 1000
        return "\(seconds / 60):\(zeroPadded(seconds % 60, width: 2))"
    }
}
