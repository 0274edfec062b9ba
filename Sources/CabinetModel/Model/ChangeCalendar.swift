/// The change calendar: the windows of the changes chosen by route and the freezes, each an
/// event `[start, end)` with what a calendar shows of it, in start order.
public struct ChangeCalendar: Hashable, Sendable {
    /// One block on the calendar: a change's window or a freeze.
    public struct Event: Hashable, Sendable {
        public enum Kind: String, Hashable, Sendable { case change, freeze }

        public var kind: Kind
        /// The change or freeze id, stable across exports (`CHG-123`, `FRZ-1`).
        public var id: String
        public var start: Timestamp
        public var end: Timestamp
        /// Whole UTC days: a freeze from midnight to midnight.
        public var allDay: Bool
        /// `CHG-1 Add index (medium risk, cab, scheduled)` or `Freeze FRZ-1: quarter close`.
        public var summary: String
        /// Labelled lines: risk, route, state, owner, services, rollback; or the freeze's reason.
        public var details: [String]
        public var canceled: Bool
    }

    public var events: [Event]

    /// - Parameters:
    ///   - routes: the routes whose changes are shown; a change without a full window is never shown.
    ///   - since, until: keep the events that overlap `[since, until)`.
    public init(changes: [Change], freezes: [Freeze], routes: Set<Route>, since: Timestamp?, until: Timestamp?) {
        let windows = changes.compactMap { change -> Event? in
            guard routes.contains(change.route), let start = change.windowStart, let end = change.windowEnd else { return nil }
            return Event(change, start: start, end: end)
        }
        let blocks = freezes.map(Event.init(freeze:))
        events = (windows + blocks)
            .filter { event in (since.map { event.end > $0 } ?? true) && (until.map { event.start < $0 } ?? true) }
            .sorted { ($0.start, $0.kind.rawValue, $0.id) < ($1.start, $1.kind.rawValue, $1.id) }
    }
}

extension ChangeCalendar.Event {
    init(_ change: Change, start: Timestamp, end: Timestamp) {
        self.init(
            kind: .change, id: change.id, start: start, end: end, allDay: false,
            summary: "\(change.id) \(change.title) (\(change.risk.rawValue) risk, \(change.route.rawValue), \(change.state.rawValue))",
            details: [
                "Change \(change.id): \(change.title)",
                "Risk: \(change.risk.rawValue)", "Route: \(change.route.rawValue)", "State: \(change.state.rawValue)",
                "Owner: \(change.owner) (\(change.team))",
                "Services: \(change.services.joined(separator: ", "))",
                "Rollback: \(change.rollbackPlan.isBlank ? "not stated" : change.rollbackPlan)",
            ],
            canceled: change.state == .canceled)
    }

    init(freeze: Freeze) {
        let midnight = { (time: Timestamp) in time.startOfDay == time }
        self.init(
            kind: .freeze, id: freeze.id, start: freeze.from, end: freeze.to, allDay: midnight(freeze.from) && midnight(freeze.to),
            summary: "Freeze \(freeze.id): \(freeze.reason)",
            details: ["Freeze \(freeze.id): no change should deploy", "Reason: \(freeze.reason)", "Added by: \(freeze.addedBy)"],
            canceled: false)
    }
}
