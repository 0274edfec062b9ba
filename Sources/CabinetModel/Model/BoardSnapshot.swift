/// Everything the board shows for one day, read from the store in one go: the meeting (if it
/// was opened), its agenda with each item's readiness and latest decision, and the changes that
/// arrived after the agenda was frozen ("late — next meeting").
public struct BoardSnapshot: Hashable, Sendable {
    public var day: String
    public var meeting: Meeting?
    /// The frozen agenda once the meeting started; before that, today's queue as it stands.
    public var agenda: [QueueEntry]
    /// Board changes waiting for a decision that are not on the frozen agenda.
    public var late: [QueueEntry]

    public init(day: String, meeting: Meeting?, agenda: [QueueEntry], late: [QueueEntry]) {
        self.day = day; self.meeting = meeting; self.agenda = agenda; self.late = late
    }

    /// The agenda item of a change, with its clock, once the meeting started.
    public func item(for changeID: String) -> AgendaItem? {
        meeting?.items.first { $0.change == changeID }
    }
}

/// What the chair does to an agenda item's clock.
public enum ClockAction: String, Vocabulary {
    case start, pause, resume, end
}

extension AgendaItem {
    /// The item's clock after `action` at `time`; `nil` when the action does not apply (pausing
    /// an item that is not running, say), so a repeated key press changes nothing.
    public func applying(_ action: ClockAction, at time: Timestamp) -> AgendaItem? {
        var item = self
        switch action {
        case .start:
            guard startedAt == nil else { return nil }
            item.startedAt = time
        case .pause:
            guard startedAt != nil, pausedAt == nil, endedAt == nil else { return nil }
            item.pausedAt = time
        case .resume:
            guard let pausedAt, endedAt == nil else { return nil }
            item.pausedTotalMilliseconds += max(0, time.milliseconds - pausedAt.milliseconds)
            item.pausedAt = nil
        case .end:
            guard startedAt != nil, endedAt == nil else { return nil }
            if let pausedAt {
                item.pausedTotalMilliseconds += max(0, time.milliseconds - pausedAt.milliseconds)
                item.pausedAt = nil
            }
            item.endedAt = time
        }
        return item
    }

    /// Running: started, not paused, not ended.
    public var isRunning: Bool { startedAt != nil && pausedAt == nil && endedAt == nil }
}

/// Who should attend a meeting by default: the chair, the on-call engineer, each presenter, and a
/// senior engineer speaking for each team an item needs in the room (the owning team of a direct
/// consumer of its services, other than its own).
public enum MeetingRoster {
    public static func suggested(chair: String, onCall: String?, agenda: [Change], services: [Service]) -> [Attendee] {
        var attendees = [Attendee(name: chair, role: .chair)]
        if let onCall, onCall != chair { attendees.append(Attendee(name: onCall, role: .onCall)) }
        for owner in agenda.map(\.owner) where !attendees.contains(where: { $0.name == owner }) {
            attendees.append(Attendee(name: owner, role: .owner))
        }
        // Every team some item needs in the room (see `RequiredAttendance`), each once.
        let graph = ServiceGraph(services)
        let downstreamTeams = Set(agenda.flatMap { RequiredAttendance(change: $0, graph: graph, attendees: []).teams.map(\.name) })
        for team in downstreamTeams.sorted() {
            attendees.append(Attendee(name: "\(team) senior engineer", role: .downstream, speaksFor: team))
        }
        return attendees
    }
}
