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
        let change = entry.change
        let width = buffer.width - 2
        var y = body.lowerBound
        let readiness = entry.readiness.isReady ? "ready \(glyphs.check)" : "not ready \(glyphs.cross)"
        let readinessX = buffer.writeRight(readiness, right: buffer.width - 1, y: y, role: entry.readiness.isReady ? .ready : .notReady)
        buffer.write("\(change.id)  \(change.title)", x: 1, y: y, role: .title, fitting: max(0, readinessX - 2), marker: glyphs.more)
        y += 1
        let problemsHeight = buffer.height >= 24 ? 2 : 1
        let boxesBottom = body.upperBound - problemsHeight
        let timerHeight = TimerView.height(screenHeight: buffer.height)
        // The risk summary has a row of its own while the boxes keep a line of text each; on
        // smaller screens it leads the facts row.
        let risk = entry.assessment.map { AssessmentText.compact($0, glyphs: glyphs) } ?? []
        let riskRow = !risk.isEmpty && boxesBottom - (y + 2 + timerHeight) >= minimumBoxesHeight
        // Who must be in the room gets a row of its own when the boxes keep as many rows as at
        // 80×24; otherwise it leads the facts row, after the risk.
        let room = CardRoom.runs(state, entry: entry, glyphs: glyphs)
        let roomRow = boxesBottom - (y + 3 + timerHeight + (riskRow ? 1 : 0)) >= boxesHeightBeforeDetails
        let info = ["\(change.risk.rawValue) risk", change.category.rawValue, "strategy: \(entry.strategy)", "\(change.owner) (\(change.team))",
                    "route \(change.route.rawValue)"].joined(separator: " \(glyphs.dot) ")
        let separator = TextRun(" \(glyphs.dot) ", .dim)
        let facts = (riskRow || risk.isEmpty ? [] : risk + [separator]) + (roomRow ? [] : room + [separator]) + [TextRun(info)]
        buffer.write(facts, x: 1, y: y, limit: 1 + width, marker: glyphs.more)
        for row in [riskRow ? risk : nil, roomRow ? room : nil].compactMap({ $0 }) {
            y += 1
            buffer.write(row, x: 1, y: y, limit: 1 + width, marker: glyphs.more)
        }
        y += 1
        TimerView.draw(state, entry: entry, snapshot: snapshot, top: y, into: &buffer, glyphs: glyphs)
        y += timerHeight
        y += CardLesson.draw(entry.assessment?.lessons ?? [], y: y, room: boxesBottom - y - minimumBoxesHeight, into: &buffer, glyphs: glyphs)
        let detailsHeight = entry.assessment.map { drawDetails($0, state: state, top: y, bottom: boxesBottom, into: &buffer, glyphs: glyphs) } ?? 0
        drawBoxes(entry, now: state.now, top: y, bottom: boxesBottom - detailsHeight, into: &buffer, glyphs: glyphs)
        let (verdict, role) = AgendaView.verdict(BoardRow(entry: entry, isLate: snapshot.late.contains(entry)), snapshot: snapshot, glyphs: glyphs)
        buffer.writeWrapped(verdict, x: 1, y: boxesBottom, width: width, height: problemsHeight, role: role, marker: glyphs.more)
    }

    /// Rows the four boxes need to show a line of text each.
    private static let minimumBoxesHeight = 6
    /// Rows the four boxes keep (as many as at 80×24) before the risk details get a box of their own under them.
    private static let boxesHeightBeforeDetails = 10

    /// The risk details in a box at the bottom of `top..<bottom`, when the four boxes above keep
    /// `boxesHeightBeforeDetails` rows and the details get two lines at least. Returns the rows taken.
    private static func drawDetails(
        _ assessment: ChangeAssessment, state: AppState, top: Int, bottom: Int, into buffer: inout CellBuffer, glyphs: Glyphs
    ) -> Int {
        let text = AssessmentText.details(assessment, now: state.now)
        let room = bottom - top - boxesHeightBeforeDetails
        let wanted = TextWrap.wrap(text, width: buffer.width - 4).count + 2
        let height = min(room, wanted)
        guard height >= 4 else { return 0 }
        let field = Field(title: "Risk", ready: nil, flag: assessment.gates.isEmpty ? nil : "\(glyphs.review) review gate", text: text)
        drawField(field, x: 0, y: bottom - height, width: buffer.width, height: height, into: &buffer, glyphs: glyphs)
        return height
    }

    /// "11-27 14:00 → 16:00", "not set".
    static func window(_ change: Change, glyphs: Glyphs) -> String {
        guard let start = change.windowStart else { return "not set" }
        guard let end = change.windowEnd else { return "from \(BoardText.dayAndTime(start))" }
        let endText = end.day == start.day ? BoardText.time(end) : BoardText.dayAndTime(end)
        return "\(BoardText.dayAndTime(start)) \(glyphs.arrow) \(endText) UTC"
    }

    /// A box: its title, the mark of its readiness, a flag in the title's colour, and its text.
    private struct Field {
        var title: String
        /// Whether the field is articulated (✓ or ✗ before the title); nil for no mark.
        var ready: Bool?
        var flag: String?
        var text: String
    }

    private static func fields(_ entry: QueueEntry, now: Timestamp, glyphs: Glyphs) -> [Field] {
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
        return [
            Field(title: "Blast radius", ready: readiness.blastRadius, flag: nil, text: text(change.blastRadius) + services),
            Field(title: rollbackTitle, ready: readiness.rollbackPlan, flag: rollbackFlag, text: text(change.rollbackPlan)),
            Field(title: "Verification", ready: readiness.verification, flag: nil, text: text(change.verification)),
            Field(title: "Deployment window", ready: readiness.window, flag: nil,
                  text: ([window(change, glyphs: glyphs)] + windowProblems).joined(separator: "\n")),
        ]
    }

    private static func text(_ field: String) -> String { field.allSatisfy(\.isWhitespace) ? "(missing)" : field }

    private static func drawBoxes(_ entry: QueueEntry, now: Timestamp, top: Int, bottom: Int, into buffer: inout CellBuffer, glyphs: Glyphs) {
        let height = bottom - top
        guard height >= 2 else { return }
        let columnWidths = [buffer.width / 2, buffer.width - buffer.width / 2]
        let rowHeights = [height / 2, height - height / 2]
        for (index, field) in fields(entry, now: now, glyphs: glyphs).enumerated() {
            let column = index % 2
            let row = index / 2
            let x = column == 0 ? 0 : columnWidths[0]
            let y = row == 0 ? top : top + rowHeights[0]
            drawField(field, x: x, y: y, width: columnWidths[column], height: rowHeights[row], into: &buffer, glyphs: glyphs)
        }
    }

    private static func drawField(_ field: Field, x: Int, y: Int, width: Int, height: Int, into buffer: inout CellBuffer, glyphs: Glyphs) {
        buffer.drawBox(x: x, y: y, width: width, height: height, glyphs: glyphs)
        let limit = x + width - 2
        let mark = field.ready.map { " \(glyphs.mark($0)) " } ?? " "
        let markRole: StyleRole = field.ready.map { $0 ? .ready : .notReady } ?? .title
        var column = buffer.write(mark, x: x + 1, y: y, role: markRole, maxWidth: max(0, limit - x - 1))
        column = buffer.write(field.title + " ", x: column, y: y, role: .title, fitting: max(0, limit - column), marker: glyphs.more)
        if let flag = field.flag {
            buffer.write(flag + " ", x: column, y: y, role: .bad, fitting: max(0, limit - column), marker: glyphs.more)
        }
        buffer.writeWrapped(field.text, x: x + 2, y: y + 1, width: width - 4, height: height - 2, role: .normal, marker: glyphs.more)
    }
}
