import CabinetModel
import TerminalKit

/// The item's timer: the time left in large digits coloured by the share of the allotment used,
/// and a line saying how the item stands. Once overrun, a change that is not ready is offered
/// "not ready — defer?"; a ready one is to be decided or deferred.
enum TimerView {
    /// Rows the timer takes at a screen height: large digits on tall screens, small otherwise, plus the status line.
    static func height(screenHeight: Int) -> Int { size(screenHeight: screenHeight).rows + 1 }

    static func draw(
        _ state: AppState, entry: QueueEntry, snapshot: BoardSnapshot, top: Int, into buffer: inout CellBuffer, glyphs: Glyphs
    ) {
        let id = entry.change.id
        let decided = snapshot.decisionToday(entry)
        // A card the presenter opened offers a rehearsal, unless the change is decided and none was started.
        let rehearsal = state.rehearsalClock(for: id) ?? (decided == nil && state.rehearsableChange == id ? Rehearsal(change: id).clock : nil)
        let item = rehearsal ?? snapshot.item(for: id)
        let timer = ItemTimer(item: item, itemMinutes: state.allotmentMinutes, now: state.now)
        let decision = rehearsal == nil ? decided : nil
        let role: StyleRole = timer.state == .notStarted || decision != nil ? .dim : timer.phase.role
        let size = size(screenHeight: buffer.height)
        let text = BigDigits.clockText(seconds: timer.remainingSeconds)
        let digits = BigDigits.render(text, size: size, unicode: state.unicode)
        let x = max(1, (buffer.width - BigDigits.width(of: text, size: size)) / 2)
        for (offset, line) in digits.enumerated() {
            buffer.write(line, x: x, y: top + offset, role: role, maxWidth: buffer.width - 1 - x)
        }
        var (line, lineRole) = statusLine(state, entry: entry, item: item, timer: timer, decision: decision, rehearsing: rehearsal != nil,
                                         glyphs: glyphs)
        if rehearsal != nil { line = "rehearsal \(glyphs.dot) " + line }
        let statusWidth = min(TextWidth.width(of: line), buffer.width - 2)
        buffer.write(line, x: max(1, (buffer.width - statusWidth) / 2), y: top + size.rows, role: lineRole, fitting: buffer.width - 2,
                     marker: glyphs.more)
    }

    private static func size(screenHeight: Int) -> BigDigits.Size { screenHeight >= 24 ? .large : .small }

    private static func statusLine(
        _ state: AppState, entry: QueueEntry, item: AgendaItem?, timer: ItemTimer, decision: Decision?, rehearsing: Bool, glyphs: Glyphs
    ) -> (String, StyleRole) {
        let allotment = BoardText.minutes(milliseconds: timer.allotmentMilliseconds)
        let used = "\(BoardText.duration(milliseconds: timer.elapsedMilliseconds)) of \(allotment) used"
        if let decision { return (BoardText.describe(decision), .normal) }
        guard item != nil else {
            if state.snapshot?.late.contains(where: { $0.change.id == entry.change.id }) == true {
                return ("late \(glyphs.dash) next meeting", .late)
            }
            let waiting = state.snapshot?.meeting?.startedAt == nil ? "the meeting has not started" : "not on today's agenda"
            return ("\(waiting) \(glyphs.dot) \(allotment) to present", .dim)
        }
        switch timer.state {
        case .notStarted:
            return (state.role == .chair || rehearsing ? "not started \(glyphs.dot) Space starts its \(allotment)" : "waiting to start \(glyphs.dot) \(allotment)", .dim)
        case .ended:
            return ("time over \(glyphs.dot) \(used)", .dim)
        case .running, .paused:
            let paused = timer.state == .paused ? "paused \(glyphs.dot) " : ""
            guard timer.phase == .overrun else { return (paused + used, timer.phase.role) }
            if entry.readiness.isReady { return ("\(paused)over time" + (state.role == .chair ? ": decide or defer" : ""), .timerOverrun) }
            let offer = state.role == .chair ? "not ready \(glyphs.dash) defer? d" : "not ready"
            return ("\(paused)over time \(glyphs.dot) \(offer)", .timerOverrun)
        }
    }
}
