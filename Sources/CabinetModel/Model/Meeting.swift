/// One day's CAB meeting: who chairs and attends, and the agenda with each item's clock.
/// The clock is data, so every terminal computes the same remaining time and a crash loses nothing.
public struct Meeting: Hashable, Sendable {
    /// The meeting's UTC day, `2026-11-27`; one meeting per day.
    public var date: String
    public var chair: String
    public var itemMinutes: Int
    public var startedAt: Timestamp?
    /// When the agenda was frozen: changes submitted later wait for the next meeting.
    public var agendaFrozenAt: Timestamp?
    public var endedAt: Timestamp?
    public var attendees: [Attendee]
    public var items: [AgendaItem]

    public init(
        date: String, chair: String, itemMinutes: Int = 3, startedAt: Timestamp? = nil,
        agendaFrozenAt: Timestamp? = nil, endedAt: Timestamp? = nil, attendees: [Attendee] = [], items: [AgendaItem] = []
    ) {
        self.date = date; self.chair = chair; self.itemMinutes = itemMinutes; self.startedAt = startedAt
        self.agendaFrozenAt = agendaFrozenAt; self.endedAt = endedAt; self.attendees = attendees; self.items = items
    }

    /// The meeting's budget: the daily review is fifteen minutes.
    public static let budgetMinutes = 15
}

public struct Attendee: Hashable, Sendable {
    public var name: String
    public var role: AttendeeRole
    /// `nil` until the chair takes attendance.
    public var present: Bool?
    /// The team this person speaks for in the meeting, if any: the team counts as present when they are.
    public var speaksFor: String?

    public init(name: String, role: AttendeeRole, present: Bool? = nil, speaksFor: String? = nil) {
        self.name = name; self.role = role; self.present = present; self.speaksFor = speaksFor
    }
}

public enum AttendeeRole: String, Vocabulary {
    case chair
    case onCall = "on-call"
    case downstream
    case owner
    case observer
}

/// An agenda item and its timer: elapsed = (endedAt ?? pausedAt ?? now) − startedAt − pausedTotal.
public struct AgendaItem: Hashable, Sendable {
    public var change: String
    public var position: Int
    public var startedAt: Timestamp?
    public var pausedAt: Timestamp?
    public var pausedTotalMilliseconds: Int64
    public var endedAt: Timestamp?
    /// Why the chair pulled this change into a meeting whose agenda was already frozen (a late or
    /// urgent change), and who did; nil for the items frozen with the agenda.
    public var addedReason: String?
    public var addedBy: String?
    /// The discussion notes the chair typed while the item was presented.
    public var notes: String?

    public init(
        change: String, position: Int, startedAt: Timestamp? = nil, pausedAt: Timestamp? = nil,
        pausedTotalMilliseconds: Int64 = 0, endedAt: Timestamp? = nil, addedReason: String? = nil, addedBy: String? = nil, notes: String? = nil
    ) {
        self.change = change; self.position = position; self.startedAt = startedAt; self.pausedAt = pausedAt
        self.pausedTotalMilliseconds = pausedTotalMilliseconds; self.endedAt = endedAt
        self.addedReason = addedReason; self.addedBy = addedBy; self.notes = notes
    }

    /// Time spent presenting, excluding pauses.
    public func elapsedMilliseconds(at now: Timestamp) -> Int64 {
        guard let startedAt else { return 0 }
        let stop = endedAt ?? pausedAt ?? now
        return max(0, stop.milliseconds - startedAt.milliseconds - pausedTotalMilliseconds)
    }
}
