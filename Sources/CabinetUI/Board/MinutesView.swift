import CabinetModel
import TerminalKit

/// The minutes of the day's meeting, decision-stamped and scrolled with ↑/↓: the chair and the
/// meeting's times, who attended, then each item with its time used against the allotment, the
/// outcome, the conditions or reason, and who decided when.
enum MinutesView {
    /// Rows of the minutes shown below the title row at a screen height.
    static func visibleLines(height: Int) -> Int { max(0, BoardLayout.body(height: height).count - 1) }

    static func draw(_ state: AppState, into buffer: inout CellBuffer, glyphs: Glyphs) {
        let body = BoardLayout.body(height: buffer.height)
        let width = buffer.width - 2
        guard let minutes = state.minutes else {
            buffer.write("Minutes \(glyphs.dot) CAB \(state.day)", x: 1, y: body.lowerBound, role: .title, fitting: width, marker: glyphs.more)
            let waiting = state.snapshot == nil || state.snapshot?.meeting != nil
            let message = waiting ? "reading the minutes\(glyphs.more)" : "No meeting was opened on \(state.day): the minutes start with it."
            buffer.write(message, x: 1, y: body.lowerBound + 2, role: .dim, fitting: width, marker: glyphs.more)
            return
        }
        let lines = lines(minutes, width: buffer.width, glyphs: glyphs)
        let visible = visibleLines(height: buffer.height)
        let scroll = max(0, min(state.minutesScroll, lines.count - visible))
        var titleEnd = buffer.width - 1
        if lines.count > visible {
            titleEnd = buffer.writeRight("lines \(scroll + 1)-\(min(lines.count, scroll + visible)) of \(lines.count)",
                                         right: buffer.width - 1, y: body.lowerBound, role: .dim) - 2
        }
        buffer.write("Minutes \(glyphs.dot) CAB \(minutes.meeting.date)", x: 1, y: body.lowerBound, role: .title, fitting: max(0, titleEnd - 1),
                     marker: glyphs.more)
        for (offset, line) in lines.dropFirst(scroll).prefix(visible).enumerated() {
            buffer.write(line, x: 1, y: body.lowerBound + 1 + offset, limit: buffer.width - 1, marker: glyphs.more)
        }
    }

    /// The whole minutes as rows of runs, for a screen `width` columns wide.
    static func lines(_ minutes: MeetingMinutes, width: Int, glyphs: Glyphs) -> [[TextRun]] {
        let meeting = minutes.meeting
        let text = width - 2
        let times = [
            "chair \(meeting.chair)",
            "started \(meeting.startedAt.map(BoardText.time) ?? glyphs.dash)",
            "agenda frozen \(meeting.agendaFrozenAt.map(BoardText.time) ?? glyphs.dash)",
            "ended \(meeting.endedAt.map(BoardText.time) ?? glyphs.dash)",
            "\(meeting.itemMinutes) min per item",
        ]
        var lines = TextWrap.wrap(times.joined(separator: " \(glyphs.dot) "), width: text, marker: glyphs.more).map { [TextRun($0)] }
        let present = meeting.attendees.filter { $0.present == true }.count
        lines.append([TextRun("Attendance: \(present) of \(meeting.attendees.count) present", .title)])
        let people = meeting.attendees.map { person in
            let mark = person.present.map { glyphs.mark($0) } ?? glyphs.unknown
            return "\(mark) \(person.name) (\(person.role.rawValue)\(person.speaksFor.map { ", for \($0)" } ?? ""))"
        }
        let attendance = people.isEmpty ? "none recorded" : people.joined(separator: " \(glyphs.dot) ")
        lines += TextWrap.wrap(attendance, width: text - 2, marker: glyphs.more).map { [TextRun("  " + $0)] }
        lines.append([])
        guard !minutes.items.isEmpty else { return lines + [[TextRun("No items on the agenda.", .dim)]] }
        lines += items(minutes, width: text, glyphs: glyphs)
        if !minutes.actions.isEmpty {
            lines += [[], [TextRun("Action items", .title)]]
            for action in minutes.actions {
                let state = action.closedAt.map { "closed \(BoardText.dayAndTime($0))" } ?? "open"
                let line = "\(action.id) \(action.change.map { "(\($0)) " } ?? "")\(action.text) \(glyphs.dot) owner \(action.owner)"
                    + (action.due.map { " \(glyphs.dot) due \($0)" } ?? "") + " \(glyphs.dot) \(state)"
                lines += TextWrap.wrap(line, width: text - 2, marker: glyphs.more).map { [TextRun("  " + $0)] }
            }
        }
        return lines
    }

    /// The items' table: a row each, then who presented and decided, and the conditions or reason.
    private static func items(_ minutes: MeetingMinutes, width: Int, glyphs: Glyphs) -> [[TextRun]] {
        let allotted = BoardText.duration(milliseconds: minutes.allottedMilliseconds)
        let numberWidth = "\(minutes.items.count)".count
        let idWidth = minutes.items.map { TextWidth.width(of: $0.change.id) }.max() ?? 0
        let usedWidth = max(4, minutes.items.map { BoardText.duration(milliseconds: $0.usedMilliseconds).count }.max() ?? 0)
        let outcomeWidth = 11
        let titleWidth = max(8, width - numberWidth - idWidth - usedWidth - allotted.count - outcomeWidth - 9)
        let heading = TextWidth.padded("#", to: numberWidth) + " " + TextWidth.padded("change", to: idWidth) + " "
            + TextWidth.padded("title", to: titleWidth) + " " + TextWidth.padded("used / \(allotted)", to: usedWidth + allotted.count + 3) + "  outcome"
        var lines: [[TextRun]] = [[TextRun(heading, .dim)]]
        for (index, item) in minutes.items.enumerated() {
            let used = BoardText.duration(milliseconds: item.usedMilliseconds)
            let over = item.usedMilliseconds > minutes.allottedMilliseconds
            let outcome: TextRun = switch item.decision?.outcome {
            case .approved?: TextRun("approved", .good)
            case .approvedWithConditions?: TextRun(ItemStatus.decided(.approvedWithConditions).text, .warn)
            case .rejected?: TextRun("rejected", .bad)
            case .deferred?: TextRun("deferred", .notReady)
            case nil: TextRun(item.outcomeText, item.pir.map { $0.outcome == .accepted ? .good : .warn } ?? .dim)
            }
            lines.append([
                TextRun(String(repeating: " ", count: numberWidth - "\(index + 1)".count) + "\(index + 1) ", .dim),
                TextRun(TextWidth.padded(item.change.id, to: idWidth) + " "),
                TextRun(TextWidth.padded(InertText.sanitize(item.change.title), to: titleWidth, marker: glyphs.more) + " "),
                TextRun(String(repeating: " ", count: usedWidth - used.count) + used, over ? .bad : .normal),
                TextRun(" / \(allotted)  ", .dim),
                outcome,
            ])
            let indent = String(repeating: " ", count: numberWidth + 1)
            let decided = item.decision.map { "\($0.outcome.rawValue) by \($0.by) at \(BoardText.time($0.at))" }
                ?? item.pir.map { "PIR \($0.outcome.rawValue) by \($0.by) at \(BoardText.time($0.at))" } ?? "not decided"
            lines += TextWrap.wrap("presenter \(item.change.owner) \(glyphs.dot) \(decided)", width: width - indent.count, marker: glyphs.more)
                .map { [TextRun(indent + $0, .dim)] }
            for remark in item.remarks {
                let role: StyleRole = remark.label == "missing" ? .warn : .normal
                lines += TextWrap.labelled(remark.label, remark.text, width: width - indent.count).map { [TextRun(indent + $0, role)] }
            }
        }
        return lines
    }
}
