import CabinetModel
import TerminalKit

/// A presenter's private practice run of one change (`cab present ID`): the same timer as in the
/// meeting, kept on this board only and never written to the store.
public struct Rehearsal: Hashable, Sendable {
    public var change: String
    /// The practice clock, moved as a meeting item's is (start, pause, resume).
    public var clock: AgendaItem

    public init(change: String) {
        self.change = change
        clock = AgendaItem(change: change, position: 0)
    }
}

extension AppState {
    /// The change a presenter may rehearse now: the one on a card they opened, not the meeting's item they follow.
    var rehearsableChange: String? {
        guard role == .presenter, screen == .item, case .change(let id) = card else { return nil }
        return id
    }

    /// The practice clock of `change`, while one runs for it.
    func rehearsalClock(for change: String) -> AgendaItem? {
        rehearsal.flatMap { $0.change == change ? $0.clock : nil }
    }

    /// Space on a presenter's card: starts, pauses or resumes the practice timer. Writes nothing.
    mutating func rehearse(_ change: String) {
        var run = rehearsal.flatMap { $0.change == change ? $0 : nil } ?? Rehearsal(change: change)
        let action: ClockAction = run.clock.startedAt == nil ? .start : run.clock.pausedAt == nil ? .pause : .resume
        if let moved = run.clock.applying(action, at: now) { run.clock = moved }
        rehearsal = run
        status = StatusLine("rehearsal: nothing is recorded")
    }

    /// `0` on a presenter's card: the practice timer back to the full allotment.
    mutating func restartRehearsal(_ change: String) {
        rehearsal = Rehearsal(change: change)
        status = StatusLine("rehearsal restarted: Space starts the timer")
    }
}
