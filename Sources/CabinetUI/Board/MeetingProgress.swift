import CabinetModel
import TerminalKit

extension BoardSnapshot {
    /// The entry's decision on the snapshot's day, if any: a deferral from an earlier meeting does not count.
    public func decisionToday(_ entry: QueueEntry) -> Decision? {
        entry.decision(on: day)
    }

    /// True once the entry needs nothing more today: decided today, or (an emergency) reviewed.
    public func isSettled(_ entry: QueueEntry) -> Bool { decisionToday(entry) != nil || entry.pir != nil }

    /// True while the meeting runs: started and not ended.
    public var meetingInProgress: Bool { meeting.map { $0.startedAt != nil && $0.endedAt == nil } ?? false }

    /// The change the meeting is on: the running item (an undecided one first), else the most
    /// recently started undecided item that is paused, else the first undecided item still waiting.
    public var currentChangeID: String? {
        let undecided = agenda.filter { !isSettled($0) }
        let running = meeting?.items.filter(\.isRunning) ?? []
        if let item = running.first(where: { item in undecided.contains { $0.change.id == item.change } }) ?? running.first {
            return item.change
        }
        let paused = undecided.compactMap { item(for: $0.change.id) }.filter { $0.startedAt != nil && $0.endedAt == nil }
        if let latest = paused.max(by: { ($0.startedAt?.milliseconds ?? 0) < ($1.startedAt?.milliseconds ?? 0) }) {
            return latest.change
        }
        return undecided.first { item(for: $0.change.id)?.startedAt == nil }?.change.id
    }

    /// The undecided agenda entry after `changeID` whose time is not over, wrapping around to
    /// earlier ones; never `changeID` itself.
    public func nextUndecided(after changeID: String) -> QueueEntry? {
        let start = (agenda.firstIndex { $0.change.id == changeID } ?? -1) + 1
        let ordered = agenda[min(start, agenda.count)...] + agenda[..<min(start, agenda.count)]
        return ordered.first { entry in
            entry.change.id != changeID && !isSettled(entry) && item(for: entry.change.id)?.endedAt == nil
        }
    }

    /// The agenda entries not decided today. The header's "waiting", the end-of-meeting question
    /// and the status line's "still to decide" all count these.
    public var undecided: [QueueEntry] { agenda.filter { !isSettled($0) } }

    /// What the status line says when no undecided item with time left follows `changeID`;
    /// `decided` when that change has just been decided (the snapshot does not hold it yet).
    public func nothingToMoveOnTo(after changeID: String, decided: Bool) -> String {
        let left = undecided.filter { !decided || $0.change.id != changeID }.count
        guard left > 0 else { return "every item is decided: e ends the meeting" }
        return "\(left) item\(left == 1 ? "" : "s") still to decide (time over): select and decide, or e ends the meeting"
    }

    /// The item allotment: the open meeting's, else `fallback` minutes.
    public func itemMinutes(default fallback: Int) -> Int { meeting?.itemMinutes ?? fallback }
}

/// The meeting's clock against its fifteen-minute budget, and how many items still fit in it.
public struct MeetingClock: Hashable, Sendable {
    /// Since the meeting started (until it ended); 0 before.
    public var elapsedMilliseconds: Int64
    /// Fifteen minutes (`Meeting.budgetMinutes`).
    public var budgetMilliseconds: Int64
    /// Whole item allotments left in the budget.
    public var itemsStillFit: Int
    /// Undecided agenda items.
    public var waiting: Int

    public init(snapshot: BoardSnapshot, itemMinutes: Int, now: Timestamp) {
        let meeting = snapshot.meeting
        let elapsed = meeting?.startedAt.map { max(0, (meeting?.endedAt ?? now).milliseconds - $0.milliseconds) } ?? 0
        budgetMilliseconds = Int64(Meeting.budgetMinutes) * 60_000
        elapsedMilliseconds = elapsed
        itemsStillFit = Int(max(0, budgetMilliseconds - elapsed) / (Int64(max(1, itemMinutes)) * 60_000))
        waiting = snapshot.undecided.count
    }

    /// True once the meeting ran past its budget.
    public var isOverBudget: Bool { elapsedMilliseconds > budgetMilliseconds }
}
