/// What a change affects: the services it touches, their direct downstream consumers, the
/// transitive ones beyond, and the teams owning any of them.
public struct BlastRadius: Hashable, Sendable {
    /// In the submitter's order.
    public var touched: [String]
    /// Services depending directly on a touched one, by name.
    public var direct: [String]
    /// Services reached only through other consumers, by name.
    public var transitive: [String]
    public var teams: [String]
    /// Touched services the catalogue does not know (their consumers cannot be known either).
    public var unknown: [String]

    public init(touched: [String], direct: [String], transitive: [String], teams: [String], unknown: [String] = []) {
        self.touched = touched; self.direct = direct; self.transitive = transitive; self.teams = teams; self.unknown = unknown
    }

    /// Every affected service: touched, then direct, then transitive consumers.
    public var affected: [String] { touched + direct + transitive }

    /// "This change affects: Order Service, Payment Gateway. Last incident involving these services: 14 days ago."
    public func sentence(lastIncident: LastIncident?, now: Timestamp) -> String {
        let incident = lastIncident.map { "Last incident involving these services: \($0.age(at: now))." }
            ?? "No incident on record involving these services."
        return "This change affects: \(affected.joined(separator: ", ")). \(incident)"
    }
}

/// The latest incident that involved some services, for "last incident: 14 days ago".
public struct LastIncident: Hashable, Sendable {
    public var id: String
    public var openedAt: Timestamp

    public init(id: String, openedAt: Timestamp) { self.id = id; self.openedAt = openedAt }

    /// Whole days from the incident to `now`.
    public func days(at now: Timestamp) -> Int64 { max(0, (now.milliseconds - openedAt.milliseconds) / Timestamp.millisecondsPerDay) }

    /// "today", "1 day ago", "14 days ago".
    public func age(at now: Timestamp) -> String {
        switch days(at: now) {
        case 0: "today"
        case 1: "1 day ago"
        case let days: "\(days) days ago"
        }
    }
}
