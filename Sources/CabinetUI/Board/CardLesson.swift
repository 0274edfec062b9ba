import CabinetModel
import TerminalKit

/// The card's lesson line: what a closed review learned on a service the change touches, one
/// line under the timer ("lesson: last incident on Payment Gateway: rollback took 25 min, not 5: 2026-10-14").
enum CardLesson {
    /// The lesson line's text, more lessons counted at its end; nil without lessons.
    static func text(_ lessons: [ServiceLesson]) -> String? {
        guard let first = lessons.first else { return nil }
        return "lesson: " + first.line + (lessons.count > 1 ? " (+\(lessons.count - 1) more: cab change show)" : "")
    }

    /// Draws the line at row `y` (the card's layout gives it a row only when there is a lesson).
    static func draw(_ lessons: [ServiceLesson], y: Int, into buffer: inout CellBuffer, glyphs: Glyphs) {
        guard let text = text(lessons) else { return }
        buffer.write(text, x: 1, y: y, role: .warn, fitting: buffer.width - 2, marker: glyphs.more)
    }
}
