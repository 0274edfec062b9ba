import CabinetKit

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
        let info = ["\(change.risk.rawValue) risk", change.category.rawValue, "strategy: \(entry.strategy)", "\(change.owner) (\(change.team))",
                    "route \(change.route.rawValue)"]
        buffer.write(info.joined(separator: " \(glyphs.dot) "), x: 1, y: y, role: .normal, fitting: width, marker: glyphs.more)
        y += 1
        TimerView.draw(state, entry: entry, snapshot: snapshot, top: y, into: &buffer, glyphs: glyphs)
        y += TimerView.height(screenHeight: buffer.height)
        let problemsHeight = buffer.height >= 24 ? 2 : 1
        let boxesBottom = body.upperBound - problemsHeight
        drawBoxes(entry, top: y, bottom: boxesBottom, into: &buffer, glyphs: glyphs)
        let (verdict, role) = AgendaView.verdict(BoardRow(entry: entry, isLate: snapshot.late.contains(entry)), snapshot: snapshot, glyphs: glyphs)
        buffer.writeWrapped(verdict, x: 1, y: boxesBottom, width: width, height: problemsHeight, role: role, marker: glyphs.more)
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
        var ready: Bool
        var flag: String?
        var text: String
    }

    private static func fields(_ entry: QueueEntry, glyphs: Glyphs) -> [Field] {
        let change = entry.change
        let readiness = entry.readiness
        let minutes = change.rollbackMinutes
        let rollbackTitle = "Rollback plan" + (minutes.map { " \(glyphs.dot) \($0) min" } ?? "")
        let rollbackFlag: String? = switch minutes {
        case nil: "time not stated"
        case let minutes? where minutes > Readiness.maximumRollbackMinutes: "needs more preparation"
        default: nil
        }
        let services = change.services.isEmpty ? "" : "\nservices: " + change.services.joined(separator: ", ")
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

    private static func drawBoxes(_ entry: QueueEntry, top: Int, bottom: Int, into buffer: inout CellBuffer, glyphs: Glyphs) {
        let height = bottom - top
        guard height >= 2 else { return }
        let columnWidths = [buffer.width / 2, buffer.width - buffer.width / 2]
        let rowHeights = [height / 2, height - height / 2]
        for (index, field) in fields(entry, glyphs: glyphs).enumerated() {
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
        var column = buffer.write(" \(glyphs.mark(field.ready)) ", x: x + 1, y: y, role: field.ready ? .ready : .notReady, maxWidth: max(0, limit - x - 1))
        column = buffer.write(field.title + " ", x: column, y: y, role: .title, fitting: max(0, limit - column), marker: glyphs.more)
        if let flag = field.flag {
            buffer.write(flag + " ", x: column, y: y, role: .bad, fitting: max(0, limit - column), marker: glyphs.more)
        }
        buffer.writeWrapped(field.text, x: x + 2, y: y + 1, width: width - 4, height: height - 2, role: .normal, marker: glyphs.more)
    }
}
