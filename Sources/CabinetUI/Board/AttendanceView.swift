import CabinetModel
import TerminalKit

/// Who attends: the chair, the on-call engineer, the presenters and downstream senior engineers,
/// each present, absent, or not yet marked.
enum AttendanceView {
    static func draw(_ state: AppState, into buffer: inout CellBuffer, glyphs: Glyphs) {
        let body = BoardLayout.body(height: buffer.height)
        let people = state.attendees
        let present = people.filter { $0.present == true }.count
        let countX = buffer.writeRight("\(present) of \(people.count) present", right: buffer.width - 1, y: body.lowerBound, role: .normal)
        buffer.write("Attendance \(glyphs.dot) CAB \(state.day)", x: 1, y: body.lowerBound, role: .title, fitting: max(0, countX - 2),
                     marker: glyphs.more)
        let note = state.snapshot?.meeting == nil ? "suggested roster: marking someone opens the meeting" : "recorded with the meeting"
        buffer.write(note, x: 1, y: body.lowerBound + 1, role: .dim, fitting: buffer.width - 2, marker: glyphs.more)
        let layout = AttendanceLayout(count: people.count, selection: state.attendanceSelection, height: buffer.height)
        let nameWidth = min(max(4, people.map { TextWidth.width(of: $0.name) }.max() ?? 0), max(8, buffer.width - 30))
        buffer.write("  " + TextWidth.padded("present", to: 11) + TextWidth.padded("name", to: nameWidth) + "  role", x: 1,
                     y: layout.listTop - 1, role: .dim)
        for (offset, person) in people.dropFirst(layout.scroll).prefix(layout.listHeight).enumerated() {
            let index = layout.scroll + offset
            let y = layout.listTop + offset
            let selected = index == state.attendanceSelection
            if selected { buffer.fill(x: 0, y: y, width: buffer.width, height: 1, role: .selection) }
            let (mark, word, role): (String, String, StyleRole) = switch person.present {
            case true?: (glyphs.check, "present", .ready)
            case false?: (glyphs.cross, "absent", .notReady)
            case nil: (glyphs.unknown, "not marked", .dim)
            }
            var x = buffer.write(" \(mark) " + TextWidth.padded(word, to: 11), x: 1, y: y, role: selected ? .selection : role)
            x = buffer.write(TextWidth.padded(InertText.sanitize(person.name), to: nameWidth, marker: glyphs.more), x: x, y: y,
                             role: selected ? .selection : .normal)
            let team = person.speaksFor.map { ", for \(InertText.sanitize($0))" } ?? ""
            buffer.write("  " + person.role.rawValue + team, x: x, y: y, role: selected ? .selection : .dim, maxWidth: buffer.width - 1 - x)
        }
    }
}
