import CabinetModel
import TerminalKit

/// The queue screen: one row per agenda item, then the late changes, then the selected change's details.
enum AgendaView {
    /// The text of one table cell and how it is drawn.
    private struct Entry {
        var text: String
        var role: StyleRole
    }

    static func draw(_ state: AppState, snapshot: BoardSnapshot, into buffer: inout CellBuffer, glyphs: Glyphs) {
        let rows = state.rows
        let layout = AgendaLayout(rows: rows, selection: state.selection, height: buffer.height)
        let table = rows.map { cells(for: $0, state: state, snapshot: snapshot, glyphs: glyphs) }
        var natural: [AgendaColumn: Int] = [:]
        for column in AgendaColumn.allCases {
            natural[column] = ([TextWidth.width(of: column.heading)] + table.map { TextWidth.width(of: $0[column]?.text ?? "") }).max()
        }
        let columns = AgendaColumn.fit(width: buffer.width - 2, natural: natural)
        var x = 1
        for (column, width) in columns {
            buffer.write(align(column.heading, column: column, width: width, glyphs: glyphs), x: x, y: layout.headingY, role: .dim)
            x += width + 1
        }
        if rows.isEmpty {
            let empty = state.filter.isEmpty ? emptyBoard : ["No change matches \"\(state.filter)\" (Esc clears the filter)."]
            for (offset, line) in empty.prefix(layout.listHeight).enumerated() {
                buffer.write(line, x: 1, y: layout.listTop + offset, role: offset == 0 ? .dim : .normal, fitting: buffer.width - 2, marker: glyphs.more)
            }
        }
        for (offset, line) in layout.visible.enumerated() {
            let y = layout.listTop + offset
            switch line {
            case .lateDivider:
                let frozen = snapshot.meeting?.agendaFrozenAt.map { " (after \(BoardText.time($0)))" } ?? ""
                let label = "\(glyphs.horizontal)\(glyphs.horizontal) late \(glyphs.dash) next meeting\(frozen) "
                let end = buffer.write(label, x: 1, y: y, role: .late)
                buffer.write(String(repeating: glyphs.horizontal, count: max(0, buffer.width - 1 - end)), x: end, y: y, role: .late)
            case .row(let index):
                let selected = index == state.selection
                if selected { buffer.fill(x: 0, y: y, width: buffer.width, height: 1, role: .selection) }
                drawRow(table[index], entry: rows[index].entry, columns: columns, y: y, selected: selected, into: &buffer, glyphs: glyphs)
            }
        }
        drawDetail(state.selectedRow, state: state, snapshot: snapshot, layout: layout, into: &buffer, glyphs: glyphs)
    }

    /// What a board with nothing for the day says: how to add the first change, or see the board on the demo.
    static let emptyBoard = [
        "Nothing for the board today.",
        "",
        "Add a change:  cab services import FILE    (the services changes touch, first)",
        "               cab change add --title \"…\" --type normal --service …",
        "                 --team … --category … --risk …    (--help lists every field)",
        "See the board with a demo history:  cab demo",
    ]

    private static func drawRow(
        _ cells: [AgendaColumn: Entry], entry: QueueEntry, columns: [(column: AgendaColumn, width: Int)], y: Int, selected: Bool,
        into buffer: inout CellBuffer, glyphs: Glyphs
    ) {
        var x = 1
        for (column, width) in columns {
            if column == .readiness {
                let readiness = entry.readiness
                for (offset, ok) in [readiness.blastRadius, readiness.rollbackPlan, readiness.verification, readiness.window].enumerated() {
                    buffer.write(glyphs.mark(ok), x: x + offset, y: y, role: selected ? .selection : ok ? .ready : .notReady)
                }
            } else if column == .flags {
                for (offset, mark) in AssessmentText.marks(entry.assessment, glyphs: glyphs).enumerated() {
                    buffer.write(mark.text, x: x + offset, y: y, role: selected ? .selection : mark.role)
                }
            } else if let cell = cells[column] {
                buffer.write(align(cell.text, column: column, width: width, glyphs: glyphs), x: x, y: y, role: selected ? .selection : cell.role,
                             maxWidth: width)
            }
            x += width + 1
        }
    }

    private static func align(_ text: String, column: AgendaColumn, width: Int, glyphs: Glyphs) -> String {
        let fitted = TextWidth.truncate(InertText.sanitize(text), to: width, marker: glyphs.more)
        guard column.rightAligned else { return fitted }
        return String(repeating: " ", count: max(0, width - TextWidth.width(of: fitted))) + fitted
    }

    private static func cells(for row: BoardRow, state: AppState, snapshot: BoardSnapshot, glyphs: Glyphs) -> [AgendaColumn: Entry] {
        let change = row.entry.change
        let text: StyleRole = row.isLate ? .late : .normal
        let position = snapshot.agenda.firstIndex { $0.change.id == change.id }.map { "\($0 + 1)" } ?? ""
        let score = AssessmentText.score(row.entry.assessment, glyphs: glyphs)
        var cells: [AgendaColumn: Entry] = [
            .number: Entry(text: row.isLate ? "" : position, role: .dim),
            .id: Entry(text: change.id, role: text),
            .title: Entry(text: change.title, role: text),
            .owner: Entry(text: change.owner, role: text),
            .category: Entry(text: change.category.rawValue, role: text),
            .risk: Entry(text: change.risk.rawValue, role: change.risk == .high ? .warn : text),
            .route: Entry(text: change.route.rawValue, role: text),
            .strategy: Entry(text: row.entry.strategy, role: text),
            .score: Entry(text: score.text, role: score.role == .normal ? text : score.role),
            .flags: Entry(text: "   ", role: text),
            .readiness: Entry(text: "    ", role: text),
            .window: change.windowStart.map { Entry(text: BoardText.dayAndTime($0), role: text) } ?? Entry(text: "not set", role: .notReady),
        ]
        let timer = ItemTimer(item: snapshot.item(for: change.id), itemMinutes: state.allotmentMinutes, now: state.now)
        switch timer.state {
        case .notStarted: cells[.used] = Entry(text: "", role: .dim)
        case .running, .paused: cells[.used] = Entry(text: BoardText.duration(milliseconds: timer.elapsedMilliseconds), role: timer.phase.role)
        case .ended: cells[.used] = Entry(text: BoardText.duration(milliseconds: timer.elapsedMilliseconds), role: .dim)
        }
        cells[.decision] = status(of: row, timer: timer, snapshot: snapshot)
        return cells
    }

    /// Where the item stands, in the words `cab queue` uses (`ItemStatus`), coloured by what it means.
    private static func status(of row: BoardRow, timer: ItemTimer, snapshot: BoardSnapshot) -> Entry {
        let clock: ItemStatus.Clock = switch timer.state {
        case .notStarted: .notStarted
        case .running: .running
        case .paused: .paused
        case .ended: .ended
        }
        let status = ItemStatus(row.entry, day: snapshot.day, isLate: row.isLate, clock: clock)
        let role: StyleRole = switch status {
        case .decided(.approved): .good
        case .decided(.approvedWithConditions): .warn
        case .decided(.rejected): .bad
        case .decided(.deferred), .notReady: .notReady
        case .reviewed(.accepted): .good
        case .reviewed(.followUpRequired), .reviewDue: .warn
        case .late: .late
        case .presenting: timer.phase.role
        case .paused, .toDecide: .warn
        case .ready: .ready
        }
        return Entry(text: status.text, role: role)
    }

    private static func drawDetail(
        _ row: BoardRow?, state: AppState, snapshot: BoardSnapshot, layout: AgendaLayout, into buffer: inout CellBuffer, glyphs: Glyphs
    ) {
        buffer.write(String(repeating: glyphs.horizontal, count: buffer.width), x: 0, y: layout.detailTop, role: .border)
        guard let row else { return }
        let change = row.entry.change
        let width = buffer.width - 2
        let top = layout.detailTop + 1
        buffer.write("\(change.id)  \(change.title)", x: 1, y: top, role: .title, fitting: width, marker: glyphs.more)
        var next = top + 1
        let bottom = top + layout.detailHeight
        // The details keep a line for the verdict; the risk summary comes before the facts.
        if let assessment = row.entry.assessment, bottom - next >= 2 {
            buffer.write(AssessmentText.compact(assessment, glyphs: glyphs), x: 1, y: next, limit: buffer.width - 1, marker: glyphs.more)
            next += 1
        }
        if bottom - next >= 2 {
            let facts = ["\(change.risk.rawValue) risk", change.category.rawValue, "strategy: \(row.entry.strategy)",
                         "window \(CardView.window(change, glyphs: glyphs))", "owner \(change.owner) (\(change.team))", "route \(change.route.rawValue)"]
            buffer.write(facts.joined(separator: " \(glyphs.dot) "), x: 1, y: next, role: .normal, fitting: width, marker: glyphs.more)
            next += 1
        }
        let (text, role) = verdict(row, snapshot: snapshot, glyphs: glyphs)
        buffer.writeWrapped(text, x: 1, y: next, width: width, height: bottom - next, role: role, marker: glyphs.more)
    }

    /// The decision with its conditions or reason, or whether the change is ready and why not.
    static func verdict(_ row: BoardRow, snapshot: BoardSnapshot, glyphs: Glyphs) -> (String, StyleRole) {
        if row.entry.kind == .pir { return PIRText.verdict(row.entry, glyphs: glyphs) }
        if let decision = snapshot.decisionToday(row.entry) {
            let extra = [decision.conditions.map { "conditions: \($0)" }, decision.note.map { "reason: \($0)" }].compactMap { $0 }
            return (([BoardText.describe(decision)] + extra).joined(separator: " \(glyphs.dot) "), .normal)
        }
        if row.isLate { return ("submitted after the agenda was frozen: it goes to the next meeting", .late) }
        let readiness = row.entry.readiness
        let deferred = row.entry.deferral(before: snapshot.day).map { "deferred from \(BoardText.dayAndTime($0.decision.at).prefix(5)): \($0.reason) \(glyphs.dot) " } ?? ""
        return readiness.isReady
            ? (deferred + "ready: the four fields are articulated", .ready)
            : (deferred + "not ready: " + readiness.problems.joined(separator: "; "), .notReady)
    }
}
