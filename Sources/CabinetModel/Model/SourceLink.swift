/// Where an imported change came from (the system and the change's id there) and a fingerprint
/// of the fields the source owns as the last import wrote them: a re-import compares it with the
/// stored change to tell an edit made in Cabinet since from a change at the source.
public struct SourceLink: Hashable, Sendable {
    /// The Cabinet id of the change, `servicenow:CHG0030001`.
    public var change: String
    /// `servicenow`, `jira` or `github`.
    public var system: String
    /// The change's id in its system: `CHG0030001`, `ITSM-42`, `acme/shop#123`.
    public var sourceID: String
    /// `SourceLink.fingerprint(of:)` of the change as last imported.
    public var fingerprint: String
    /// When the import that wrote the fingerprint ran.
    public var importedAt: Timestamp

    public init(change: String, system: String, sourceID: String, fingerprint: String, importedAt: Timestamp) {
        self.change = change; self.system = system; self.sourceID = sourceID; self.fingerprint = fingerprint; self.importedAt = importedAt
    }

    /// The SHA-256 (`FieldDigest`) of the line `cabinet-source/1`, then the fields a source owns:
    /// title, blast radius, rollback plan, verification, window start and end (milliseconds since
    /// the epoch, in decimal), the number of services and each service in order.
    public static func fingerprint(of change: Change) -> String {
        let columns: [String?] = [
            change.title, change.blastRadius, change.rollbackPlan, change.verification,
            change.windowStart.map { String($0.milliseconds) }, change.windowEnd.map { String($0.milliseconds) }, String(change.services.count),
        ] + change.services
        return FieldDigest.sha256(prefix: Array("cabinet-source/1\n".utf8), columns: columns)
    }
}
