import CabinetModel
import CabinetStore
import TerminalKit
/// The minutes of a meeting as text, Markdown or a JSON object.
public enum MinutesText {
    public static func render(_ minutes: MeetingMinutes) -> String {
        var lines = header(minutes) + [""]
        var table = TextTable(header: ["#", "id", "title", "presenter", "used", "outcome", "decided", "conditions or reason"], rightAligned: [0])
        for (index, item) in minutes.items.enumerated() {
            table.add(["\(index + 1)", item.change.id, item.change.title.truncated(to: 36), item.change.owner,
                       used(item, minutes), item.outcomeText, decided(item),
                       remarks(item).truncated(to: 40)])
        }
        lines.append(minutes.items.isEmpty ? "No items." : table.rendered)
        if !minutes.actions.isEmpty { lines += ["", "Action items:"] + minutes.actions.map { "  " + ActionText.line($0) } }
        return lines.joined(separator: "\n")
    }

    /// The minutes as Markdown; every cell and list item is escaped by `MarkdownText`, so a
    /// newline or `|` in a title, name or condition cannot forge a row or shift a column.
    public static func markdown(_ minutes: MeetingMinutes) -> String {
        var lines = ["## CAB minutes, \(MarkdownText.escaped(minutes.meeting.date))", ""] + header(minutes).dropFirst().map { "- " + MarkdownText.escaped($0) } + [
            "",
            MarkdownText.row(["#", "change", "presenter", "time used", "outcome", "decided", "conditions or reason"]),
            MarkdownText.row(["---:", "---", "---", "---:", "---", "---", "---"]),
        ]
        for (index, item) in minutes.items.enumerated() {
            lines.append(MarkdownText.row(["\(index + 1)", "\(item.change.id) \(item.change.title)", item.change.owner, used(item, minutes),
                                           item.outcomeText, decided(item),
                                           remarks(item)]))
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
            "Started \(meeting.startedAt.map(\.iso8601) ?? "—"), ended \(meeting.endedAt.map(\.iso8601) ?? "—"), \(meeting.itemMinutes) min per item",
            "Attendees: " + (meeting.attendees.isEmpty ? "none recorded"
                : meeting.attendees.map { "\($0.name) (\($0.role.rawValue), \(presence($0)))" }.joined(separator: ", ")),
        ].map(\.inert)
    }

    private static func used(_ item: MeetingMinutes.Item, _ minutes: MeetingMinutes) -> String {
        "\(clock(item.usedMilliseconds)) / \(clock(minutes.allottedMilliseconds))"
    }

    /// The decision's conditions and its note (a reason, a not-ready override), one after the other.
    private static func remarks(_ item: MeetingMinutes.Item) -> String {
        [item.decision?.conditions, item.decision?.note, item.pir?.note].compactMap { $0 }.joined(separator: "; ")
    }

    private static func decided(_ item: MeetingMinutes.Item) -> String {
        item.decision.map { "\($0.by) at \($0.at.iso8601)" } ?? item.pir.map { "\($0.by) at \($0.at.iso8601)" } ?? "—"
    }

    /// `m:ss`.
    static func clock(_ milliseconds: Int64) -> String {
        let seconds = milliseconds / 1000
        return "\(seconds / 60):\(zeroPadded(seconds % 60, width: 2))"
    }
}
