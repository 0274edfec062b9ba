import CabinetModel
import TerminalKit

/// The presenter card: one change's title, the timer, the four fields in four boxes, and what
/// keeps it from being ready. Long text wraps; a cut always ends in a marker.
enum CardView {
    static func draw(_ state: AppState, snapshot: BoardSnapshot, into buffer: inout CellBuffer, glyphs: Glyphs) {
        let body = BoardLayout.body(height: buffer.height)
        guard let entry = state.cardEntry else {
            let message: String = switch state.card {
            case .change(let id): "\(id) is not on the board of \(snapshot.day)."
            case .following: snapshot.meeting?.endedAt != nil ? "The meeting has ended." : "Nothing left to present: every item is decided."
            }
            buffer.write(message, x: 1, y: body.lowerBound + 1, role: .dim, fitting: buffer.width - 2, marker: glyphs.more)
            return
        }
        let layout = CardLayout(state, entry: entry, snapshot: snapshot, width: buffer.width, height: buffer.height, glyphs: glyphs)
        let focus = state.shownCardFocus
        if let focus, focus.fullScreen {
            drawField(layout, index: focus.field, focus: focus, into: &buffer, glyphs: glyphs)
            return
        }
        let change = entry.change
        let width = buffer.width - 2
        let readiness = entry.readiness.isReady ? "ready \(glyphs.check)" : "not ready \(glyphs.cross)"
        let readinessX = buffer.writeRight(readiness, right: buffer.width - 1, y: layout.titleY, role: entry.readiness.isReady ? .ready : .notReady)
        buffer.write("\(change.id)  \(change.title)", x: 1, y: layout.titleY, role: .title, fitting: max(0, readinessX - 2), marker: glyphs.more)
        // The risk summary has a row of its own while the boxes keep a line of text each; on
        // smaller screens it leads the facts row.
        let risk = entry.assessment.map { AssessmentText.compact($0, glyphs: glyphs) } ?? []
        let room = CardRoom.runs(state, entry: entry, glyphs: glyphs)
        let info = ["\(change.risk.rawValue) risk", change.category.rawValue, "strategy: \(entry.strategy)", "\(change.owner) (\(change.team))",
                    "route \(change.route.rawValue)"].joined(separator: " \(glyphs.dot) ")
        let separator = TextRun(" \(glyphs.dot) ", .dim)
        let facts = (layout.riskRowY != nil || risk.isEmpty ? [] : risk + [separator]) + (layout.roomRowY != nil ? [] : room + [separator]) + [TextRun(info)]
        buffer.write(facts, x: 1, y: layout.factsY, limit: 1 + width, marker: glyphs.more)
        if let riskRowY = layout.riskRowY {
            buffer.write(risk, x: 1, y: riskRowY, limit: 1 + width, marker: glyphs.more)
        }
        if let roomRowY = layout.roomRowY {
            buffer.write(room, x: 1, y: roomRowY, limit: 1 + width, marker: glyphs.more)
        }
        TimerView.draw(state, entry: entry, snapshot: snapshot, top: layout.timerTop, into: &buffer, glyphs: glyphs)
        if let lessonY = layout.lessonY {
            CardLesson.draw(entry.assessment?.lessons ?? [], y: lessonY, into: &buffer, glyphs: glyphs)
        }
        for index in layout.fields.indices {
            drawField(layout, index: index, focus: focus, into: &buffer, glyphs: glyphs)
        }
        if let stubY = layout.stubY, let risk = layout.fields.last {
            let focused = focus?.field == layout.fields.count - 1
            let stub = " \(glyphs.moreBelow) \(risk.title)" + (risk.flag.map { " \($0)" } ?? "") + ": " + (focused ? "Enter" : "Tab, Enter") + " "
            buffer.write(stub, x: 2, y: stubY, role: .key, fitting: buffer.width - 4, marker: glyphs.more)
        }
        let (verdict, role) = AgendaView.verdict(BoardRow(entry: entry, isLate: snapshot.late.contains(entry)), snapshot: snapshot, glyphs: glyphs)
        buffer.writeWrapped(verdict, x: 1, y: layout.verdictY, width: width, height: layout.verdictHeight, role: role, marker: glyphs.more)
    }

    /// "11-27 14:00 → 16:00", "not set".
    static func window(_ change: Change, glyphs: Glyphs) -> String {
        guard let start = change.windowStart else { return "not set" }
        guard let end = change.windowEnd else { return "from \(BoardText.dayAndTime(start))" }
        let endText = end.day == start.day ? BoardText.time(end) : BoardText.dayAndTime(end)
        return "\(BoardText.dayAndTime(start)) \(glyphs.arrow) \(endText) UTC"
    }

    /// A box: its title, the mark of its readiness, a flag in the title's colour, and its text.
    struct Field {
        var title: String
        /// Whether the field is articulated (✓ or ✗ before the title); nil for no mark.
        var ready: Bool?
        var flag: String?
        var text: String
    }

    /// The card's fields in focus order: the four of readiness, then the risk details when the change was assessed.
    static func fields(_ entry: QueueEntry, now: Timestamp, glyphs: Glyphs) -> [Field] {
        let change = entry.change
        let readiness = entry.readiness
        let minutes = change.rollbackMinutes
        let rollbackTitle = "Rollback plan" + (minutes.map { " \(glyphs.dot) \($0) min" } ?? "")
        let rollbackFlag: String? = switch minutes {
        case nil: "time not stated"
        case let minutes? where minutes > Readiness.maximumRollbackMinutes: "needs more preparation"
        default: nil
        }
        // What automation found the change affects, else the services it names.
        let affects = entry.assessment.map { AssessmentText.impact($0, now: now) }
            ?? (change.services.isEmpty ? nil : "services: " + change.services.joined(separator: ", "))
        let services = affects.map { "\n" + $0 } ?? ""
        let windowProblems = readiness.problems.filter { $0.hasPrefix("deployment window") }
        let risk = entry.assessment.map { assessment in
            Field(title: "Risk", ready: nil, flag: assessment.gates.isEmpty ? nil : "\(glyphs.review) review gate",
                  text: AssessmentText.details(assessment, now: now))
        }
        return [
            Field(title: "Blast radius", ready: readiness.blastRadius, flag: nil, text: text(change.blastRadius) + services),
            Field(title: rollbackTitle, ready: readiness.rollbackPlan, flag: rollbackFlag, text: text(change.rollbackPlan)),
            Field(title: "Verification", ready: readiness.verification, flag: nil, text: text(change.verification)),
            Field(title: "Deployment window", ready: readiness.window, flag: nil,
                  text: ([window(change, glyphs: glyphs)] + windowProblems).joined(separator: "\n")),
        ] + (risk.map { [$0] } ?? [])
    }

    private static func text(_ field: String) -> String { field.allSatisfy(\.isWhitespace) ? "(missing)" : field }

    /// Draws field `index` in its box (or full screen): the focused one's border stands out, a
    /// scrolled one says how many lines are above, and a cut one ends in how many are below and the key that shows them.
    private static func drawField(_ layout: CardLayout, index: Int, focus: CardFocus?, into buffer: inout CellBuffer, glyphs: Glyphs) {
        let focused = focus?.field == index
        let fullScreen = focused && focus?.fullScreen == true
        guard let box = layout.box(field: index, fullScreen: fullScreen), box.width >= 2, box.height >= 2 else { return }
        let field = layout.fields[index]
        let scroll = focused ? focus?.scroll ?? 0 : 0
        let (x, y, width, height) = (box.x, box.y, box.width, box.height)
        buffer.drawBox(x: x, y: y, width: width, height: height, glyphs: glyphs, role: focused ? .key : .border)
        // What is scrolled out of sight above keeps its place at the right of the top edge; the title gives way.
        let above = scroll > 0 ? " \(glyphs.moreAbove) \(scroll) above: k " : ""
        let limit = x + width - 2 - TextWidth.width(of: above)
        buffer.write(above, x: limit, y: y, role: .key, maxWidth: TextWidth.width(of: above))
        let mark = field.ready.map { " \(glyphs.mark($0)) " } ?? " "
        let markRole: StyleRole = field.ready.map { $0 ? .ready : .notReady } ?? .title
        var column = buffer.write(mark, x: x + 1, y: y, role: markRole, maxWidth: max(0, limit - x - 1))
        let title = fullScreen ? "\(layout.change) \(glyphs.dot) \(field.title)" : field.title
        column = buffer.write(title + " ", x: column, y: y, role: .title, fitting: max(0, limit - column), marker: glyphs.more)
        if let flag = field.flag {
            buffer.write(flag + " ", x: column, y: y, role: .bad, fitting: max(0, limit - column), marker: glyphs.more)
        }
        let window = layout.window(field: index, scroll: scroll, fullScreen: fullScreen)
        for (offset, line) in window.lines.enumerated() {
            buffer.write(line, x: x + 2, y: y + 1 + offset, role: .normal, maxWidth: width - 4)
        }
        guard let below = window.below else { return }
        let key = !focused ? "Tab" : fullScreen ? "j, PgDn" : "j, Enter"
        let count = "\(below)\(window.atLeast ? "+" : "") more line\(below == 1 && !window.atLeast ? "" : "s")"
        buffer.write("\(glyphs.moreBelow) \(count): \(key)", x: x + 2, y: y + 1 + window.lines.count, role: .key, fitting: width - 4, marker: glyphs.more)
    }
}
