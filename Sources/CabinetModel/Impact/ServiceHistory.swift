/// A service's record: how many changes touched it, how many of those were followed by an
/// incident they caused, and its latest incident.
public struct ServiceHistory: Hashable, Sendable {
    public var changes: Int
    public var changesWithIncident: Int
    public var lastIncident: LastIncident?

    public init(changes: Int = 0, changesWithIncident: Int = 0, lastIncident: LastIncident? = nil) {
        self.changes = changes; self.changesWithIncident = changesWithIncident; self.lastIncident = lastIncident
    }

    /// The share of its changes that caused an incident; 0 without history.
    public var incidentRate: Double { changes == 0 ? 0 : Double(changesWithIncident) / Double(changes) }
}

extension Dictionary where Key == String, Value == ServiceHistory {
    /// The latest incident among `services`.
    public func lastIncident(among services: [String]) -> LastIncident? {
        services.compactMap { self[$0]?.lastIncident }.max { ($0.openedAt, $0.id) < ($1.openedAt, $1.id) }
    }
}
