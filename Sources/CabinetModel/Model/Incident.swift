/// A production incident, linked to the changes found to have caused it.
public struct Incident: Hashable, Sendable {
    public var id: String
    public var openedAt: Timestamp
    public var severity: Severity
    /// Ids of the changes that caused it.
    public var causedBy: [String]
    public var services: [String]
    /// When service was restored, if recorded: the end of the time to restore.
    public var resolvedAt: Timestamp?

    public init(id: String, openedAt: Timestamp, severity: Severity, causedBy: [String], services: [String], resolvedAt: Timestamp? = nil) {
        self.id = id; self.openedAt = openedAt; self.severity = severity; self.causedBy = causedBy; self.services = services
        self.resolvedAt = resolvedAt
    }
}

/// A service, the team that owns it, and the services it depends on.
public struct Service: Hashable, Sendable {
    public var name: String
    public var team: String
    public var dependsOn: [String]

    public init(name: String, team: String, dependsOn: [String] = []) {
        self.name = name; self.team = team; self.dependsOn = dependsOn
    }
}
