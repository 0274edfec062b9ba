import CabinetModel
import TerminalKit

extension AppState {
    mutating func startMeeting() -> [Effect] {
        guard let snapshot else { return [] }
        if let started = snapshot.meeting?.startedAt {
            status = StatusLine("the meeting started at \(BoardText.time(started))")
            return []
        }
        status = StatusLine("meeting started: the agenda is frozen")
        return [.startMeeting(day: day, at: now, opening: snapshot.meeting == nil ? suggestedMeeting : nil)]
    }

    mutating func askToEndMeeting() {
        guard let snapshot, snapshot.meetingInProgress else {
            status = StatusLine(snapshot?.meeting?.endedAt != nil ? "the meeting has ended" : "the meeting has not started")
            return
        }
        dialog = .confirmEnd
    }

    /// Ends every item still on the clock, then the meeting.
    func endMeeting() -> [Effect] {
        [.endMeeting(day: day, at: now)]
    }

    /// Space: start the item's timer, pause it, or resume it; only one item runs at a time.
    mutating func startPause() -> [Effect] {
        guard let entry = targetEntry, let item = clockedItem(entry) else { return [] }
        let id = entry.change.id
        switch ItemTimer(item: item, itemMinutes: allotmentMinutes, now: now).state {
        case .notStarted:
            return clocks(pauseOthers(except: [id]) + [ClockStep(.start, id)])
        case .running:
            return clocks([ClockStep(.pause, id)])
        case .paused:
            return clocks(pauseOthers(except: [id]) + [ClockStep(.resume, id)])
        case .ended:
            status = StatusLine("\(id)'s time is over: decide it")
            return []
        }
    }

    /// n: end this item and start the next undecided one, showing its card. An item that has
    /// not started yet is started instead, so the first n of a meeting starts its first item.
    mutating func next() -> [Effect] {
        let currentID = screen == .item ? cardChangeID : snapshot?.currentChangeID
        guard let snapshot, let entry = currentID.flatMap(entry(for:)), let item = clockedItem(entry) else { return [] }
        let id = entry.change.id
        if item.startedAt == nil {
            showCard(id)
            return clocks(pauseOthers(except: [id]) + [ClockStep(.start, id)])
        }
        let end = item.endedAt == nil ? [ClockStep(.end, id)] : []
        guard let following = snapshot.nextUndecided(after: id) else {
            status = StatusLine(snapshot.nothingToMoveOnTo(after: id, decided: false))
            return clocks(end)
        }
        showCard(following.change.id)
        return clocks(end + start(following.change.id, except: id))
    }

    /// After a decision on `id`: the next undecided item is shown, and started if `id` was being presented.
    mutating func moveOn(after id: String) -> [ClockStep] {
        guard let snapshot else { return [] }
        guard let following = snapshot.nextUndecided(after: id) else {
            status = StatusLine(snapshot.nothingToMoveOnTo(after: id, decided: true))
            return []
        }
        moveOn(to: following.change.id)
        let presented = snapshot.item(for: id)?.startedAt != nil
        return presented && snapshot.meetingInProgress ? start(following.change.id, except: id) : []
    }

    mutating func showAttendance() -> [Effect] {
        if screen != .attendance { screens.append(.attendance) }
        attendanceSelection = max(0, min(attendanceSelection, attendees.count - 1))
        return []
    }

    /// Marks the selected person present or absent (unknown counts as absent), opening the meeting if need be.
    mutating func toggleAttendance() -> [Effect] {
        let people = attendees
        guard snapshot != nil, people.indices.contains(attendanceSelection) else { return [] }
        let person = people[attendanceSelection]
        return [.setAttendance(day: day, name: person.name, role: person.role, present: !(person.present ?? false),
                               opening: snapshot?.meeting == nil ? suggestedMeeting : nil)]
    }

    /// The entry's agenda item when its clock can be used now; otherwise says why not.
    private mutating func clockedItem(_ entry: QueueEntry) -> AgendaItem? {
        let id = entry.change.id
        guard let snapshot, let meeting = snapshot.meeting, meeting.startedAt != nil else {
            status = StatusLine("start the meeting first: s")
            return nil
        }
        guard meeting.endedAt == nil else {
            status = StatusLine("the meeting has ended")
            return nil
        }
        guard let item = snapshot.item(for: id) else {
            status = StatusLine("\(id) is late: it goes to the next meeting")
            return nil
        }
        if let decision = snapshot.decisionToday(entry) {
            status = StatusLine("\(id) is already decided: \(BoardText.describe(decision))")
            return nil
        }
        return item
    }

    /// Starts or resumes `id`, pausing any other running item except those in `skip`.
    private func start(_ id: String, except skip: String) -> [ClockStep] {
        guard let item = snapshot?.item(for: id) else { return [] }
        let action: ClockAction? = item.startedAt == nil ? .start : item.pausedAt != nil ? .resume : nil
        return pauseOthers(except: [id, skip]) + (action.map { [ClockStep($0, id)] } ?? [])
    }

    private func pauseOthers(except ids: Set<String>) -> [ClockStep] {
        let running = snapshot?.meeting?.items.filter { $0.isRunning && !ids.contains($0.change) } ?? []
        return running.map { ClockStep(.pause, $0.change) }
    }

    /// The clock steps of one intent as one write; none, no write.
    private func clocks(_ steps: [ClockStep]) -> [Effect] {
        steps.isEmpty ? [] : [.clocks(steps, day: day, at: now)]
    }

    private mutating func showCard(_ id: String) {
        card = .change(id)
        if screen != .item { screens.append(.item) }
        if let index = rows.firstIndex(where: { $0.entry.change.id == id }) { selection = index }
    }
}
