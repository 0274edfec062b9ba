import CabinetModel
import TerminalKit

/// The top row: where and who on the left, the meeting clock against its budget on the right.
enum HeaderView {
    static func draw(_ state: AppState, into buffer: inout CellBuffer, glyphs: Glyphs) {
        buffer.fill(x: 0, y: 0, width: buffer.width, height: 1, role: .header)
        let who = switch (state.role, state.card) {
        case (.chair, _): "chair \(state.chair)"
        case (.presenter, .following): "following (read-only)"
        case (.presenter, .change): "presenting (read-only)"
        case (.reader, _): "effectiveness panel (read-only)"
        }
        let left = " CAB \(state.day) \(glyphs.dot) \(who)"
        // The panel alone (`cab panel`) is no meeting's: its header says only whose view it is.
        let (summary, overBudget) = state.role == .reader ? ([], false) : meetingSummary(state, glyphs: glyphs)
        var parts = summary
        var right: String { parts.joined(separator: " \(glyphs.dot) ") }
        while parts.count > 1, TextWidth.width(of: right) + min(TextWidth.width(of: left), maximumLeft) + 2 > buffer.width { parts.removeLast() }
        let rightWidth = min(TextWidth.width(of: right), buffer.width - 2)
        buffer.write(left, x: 0, y: 0, role: .header, fitting: max(0, buffer.width - rightWidth - 3), marker: glyphs.more)
        buffer.write(right, x: buffer.width - rightWidth - 1, y: 0, role: overBudget ? .timerOverrun : .header, fitting: rightWidth, marker: glyphs.more)
    }

    /// Columns of the left part that the meeting summary gives up its less important parts for.
    private static let maximumLeft = 40

    /// "meeting 4:12 of 15 min", "3 items still fit", "4 waiting" (before the meeting, what waits
    /// comes before what fits), most important first, and whether the budget is exceeded.
    static func meetingSummary(_ state: AppState, glyphs: Glyphs) -> ([String], Bool) {
        guard let snapshot = state.snapshot else { return (["loading"], false) }
        let clock = MeetingClock(snapshot: snapshot, itemMinutes: state.allotmentMinutes, now: state.now)
        let budget = BoardText.minutes(milliseconds: clock.budgetMilliseconds)
        let fit = "\(clock.itemsStillFit) item\(clock.itemsStillFit == 1 ? "" : "s") still fit"
        let waiting = "\(clock.waiting) waiting"
        let used = BoardText.duration(milliseconds: clock.elapsedMilliseconds)
        let parts: [String]
        switch snapshot.meeting {
        case nil: parts = ["not opened \(glyphs.dot) \(budget) budget", waiting, fit]
        case let meeting? where meeting.startedAt == nil: parts = ["not started \(glyphs.dot) \(budget) budget", waiting, fit]
        case let meeting? where meeting.endedAt != nil: parts = ["ended", "took \(used) of \(budget)", waiting]
        default: parts = ["meeting \(used) of \(budget)", fit, waiting]
        }
        return (parts, clock.isOverBudget)
    }
}
