import CabinetModel
import TerminalKit

/// The conditions and reason fields, and the confirmations, as a box in the middle of the board.
/// (The filter is typed on the status line; see `FooterView`.)
enum DialogView {
    static func draw(_ state: AppState, into buffer: inout CellBuffer, glyphs: Glyphs) {
        switch state.dialog {
        case .conditions(let change, let field)?:
            draw(field, title: "Approve \(change) with conditions", prompt: "Conditions:", into: &buffer, glyphs: glyphs)
        case .rejectReason(let change, let field)?:
            draw(field, title: "Reject \(change)", prompt: "Reason (required):", into: &buffer, glyphs: glyphs)
        case .confirmReject(let change, let reason)?:
            let doubt = state.doubt(about: change).map { " (\($0))" } ?? ""
            question(title: "Reject \(change)?", text: "Reason: \(reason)\(doubt)", into: &buffer, glyphs: glyphs)
        case .overrideReason(let pending, let field)?:
            let problems = state.entry(for: pending.change)?.readiness.problems ?? []
            let notes = (problems + [state.doubt(about: pending.change)].compactMap { $0 }).map { "\(glyphs.cross) \($0)" }
            draw(field, title: "Approve \(pending.change): not ready", notes: notes, prompt: "Override reason (required, goes in the minutes):",
                 into: &buffer, glyphs: glyphs)
        case .deferral(let pending, let field)?:
            let why = pending.correcting.map { "corrects \(BoardText.describe($0))" } ?? state.doubt(about: pending.change)
            draw(field, title: "Defer \(pending.change)", notes: why.map { ["\(glyphs.cross) \($0)"] } ?? [],
                 prompt: "to the meeting of YYYY-MM-DD: the reason (both go in the minutes)", into: &buffer, glyphs: glyphs)
        case .correctionReason(let pending, let field)?:
            let corrected = pending.correcting.map { BoardText.describe($0) } ?? ""
            draw(field, title: "Correct \(pending.change): \(corrected) \(glyphs.arrow) \(pending.outcome.rawValue)",
                 prompt: "Why it is corrected (required, goes in the minutes):", into: &buffer, glyphs: glyphs)
        case .confirmDecision(let pending, let doubt)?:
            question(title: "Record \(pending.outcome.rawValue) for \(pending.change)?", text: "\(doubt). y records it, n leaves it.",
                     into: &buffer, glyphs: glyphs)
        case .confirmEnd?:
            let waiting = state.snapshot.map { MeetingClock(snapshot: $0, itemMinutes: state.allotmentMinutes, now: state.now).waiting } ?? 0
            question(title: "End the meeting?", text: waiting == 0 ? "Every item is decided." : "\(waiting) item\(waiting == 1 ? " is" : "s are") still undecided.",
                     into: &buffer, glyphs: glyphs)
        case .agendaText(let prompt, let field)?:
            let notes = prompt.context.map { [$0] } ?? []
            draw(field, title: prompt.title, notes: notes, prompt: prompt.prompt, into: &buffer, glyphs: glyphs)
        case .confirmPublish(let webhook)?:
            question(title: "Post the minutes to the webhook?", text: "\(webhook): y posts the Markdown there, n leaves it at the file.",
                     into: &buffer, glyphs: glyphs)
        case .followUpNote(let change, let field)?:
            draw(field, title: "\(change) (emergency): follow-up required", prompt: "What follows up (required, goes in the review):",
                 into: &buffer, glyphs: glyphs)
        case .filter?, nil:
            break
        }
    }

    /// The box's frame: centred, up to 72 columns wide.
    private static func frame(height: Int, in buffer: CellBuffer) -> (x: Int, y: Int, width: Int, height: Int) {
        let width = min(buffer.width - 4, 72)
        let height = min(height, buffer.height - 4)
        return ((buffer.width - width) / 2, max(1, (buffer.height - height) / 2), width, height)
    }

    private static func open(title: String, height: Int, into buffer: inout CellBuffer, glyphs: Glyphs) -> (x: Int, y: Int, width: Int, height: Int) {
        let box = frame(height: height, in: buffer)
        buffer.fill(x: box.x, y: box.y, width: box.width, height: box.height, role: .help)
        buffer.drawBox(x: box.x, y: box.y, width: box.width, height: box.height, glyphs: glyphs, role: .help)
        buffer.write(" \(title) ", x: box.x + 2, y: box.y, role: .title, fitting: box.width - 4, marker: glyphs.more)
        return box
    }

    /// A text field under its `notes` (a line each) and prompt: the text wraps, the cursor is drawn
    /// where typing goes, and its line stays in view.
    private static func draw(_ field: TextField, title: String, notes: [String] = [], prompt: String, into buffer: inout CellBuffer, glyphs: Glyphs) {
        let box = open(title: title, height: 8 + notes.count, into: &buffer, glyphs: glyphs)
        let width = box.width - 4
        for (offset, note) in notes.enumerated() {
            buffer.write(note, x: box.x + 2, y: box.y + 1 + offset, role: .help, fitting: width, marker: glyphs.more)
        }
        buffer.write(prompt, x: box.x + 2, y: box.y + 1 + notes.count, role: .help, fitting: width, marker: glyphs.more)
        let top = box.y + notes.count
        let rows = max(1, box.height - 3 - notes.count)
        let (before, after) = field.split
        let lines = TextWrap.wrap(before + glyphs.cursor + after, width: width, marker: glyphs.more)
        let cursorLine = TextWrap.wrap(before + glyphs.cursor, width: width, marker: glyphs.more).count - 1
        let first = max(0, min(cursorLine - rows + 1, lines.count - rows))
        let shown = lines.dropFirst(first).prefix(rows)
        if first > 0 { buffer.write(glyphs.more, x: box.x + 1, y: top + 2, role: .help) }
        if first + rows < lines.count { buffer.write(glyphs.more, x: box.x + 1, y: top + 1 + rows, role: .help) }
        for (offset, line) in shown.enumerated() {
            buffer.fill(x: box.x + 2, y: top + 2 + offset, width: width, height: 1, role: .input)
            buffer.write(line, x: box.x + 2, y: top + 2 + offset, role: .input, maxWidth: width)
        }
    }

    private static func question(title: String, text: String, into buffer: inout CellBuffer, glyphs: Glyphs) {
        let box = open(title: title, height: 5, into: &buffer, glyphs: glyphs)
        buffer.writeWrapped(text, x: box.x + 2, y: box.y + 1, width: box.width - 4, height: box.height - 2, role: .help, marker: glyphs.more)
    }
}
