/// The minutes of a meeting, decision-stamped: who chaired and attended, and for each item its
/// presenter, the time used against the allotment, and the decision with who made it and when.
public struct MeetingMinutes: Hashable, Sendable {
    public struct Item: Hashable, Sendable {
        public var change: Change
        public var usedMilliseconds: Int64
        /// The decision recorded on the meeting's day, if any.
        public var decision: Decision?
        /// The agenda item: why it was pulled in late, and the discussion notes.
        public var agendaItem: AgendaItem?
        /// Who had to be in the room for it, and who of them was.
        public var attendance: RequiredAttendance
        /// An emergency's post-implementation review, once recorded.
        public var pir: PostImplementationReview?
        public var kind: AgendaItemKind

        /// The outcome as the minutes write it: the decision's, the PIR's, else undecided (or a PIR due).
        public var outcomeText: String {
            if let decision { return decision.outcome.rawValue }
            if let pir { return "PIR \(pir.outcome.rawValue)" }
            return kind == .pir ? "PIR due" : "undecided"
        }
    }

    public var meeting: Meeting
    public var items: [Item]
    /// The action items raised in the meeting, open or closed.
    public var actions: [ActionItem] = []

    public var allottedMilliseconds: Int64 { Int64(meeting.itemMinutes) * 60_000 }

    /// Builds the minutes from the day's snapshot, each item's decisions and the service catalogue
    /// (who must be in the room).
    public init(snapshot: BoardSnapshot, meeting: Meeting, decisions: [String: [Decision]], services: [Service] = [], now: Timestamp) {
        self.meeting = meeting
        let end = meeting.endedAt ?? now
        let graph = ServiceGraph(services)
        items = snapshot.agenda.map { entry in
            let item = snapshot.item(for: entry.change.id)
            let decided = (decisions[entry.change.id] ?? []).last { $0.at.day == meeting.date }
            return Item(change: entry.change, usedMilliseconds: item?.elapsedMilliseconds(at: end) ?? 0, decision: decided, agendaItem: item,
                        attendance: RequiredAttendance(change: entry.change, graph: graph, attendees: meeting.attendees),
                        pir: entry.pir, kind: entry.kind)
        }
    }
}
