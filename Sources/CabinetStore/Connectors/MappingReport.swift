import CabinetModel
/// What an import adapter made of a source export: counts per record kind, which Cabinet field
/// each source field filled, what left a change not ready, what was skipped and why, what a
/// re-import updated and where the source and Cabinet disagreed.
public struct MappingReport: Hashable, Sendable, Encodable {
    /// A record the adapter read but did not turn into anything, and why.
    public struct Skipped: Hashable, Sendable, Encodable {
        public var record: String
        public var reason: String
    }

    /// A change whose readiness problems come from fields the source left empty.
    public struct NotReady: Hashable, Sendable, Encodable {
        public var change: String
        public var problems: [String]
    }

    /// A change already stored whose source-owned fields the export changed.
    public struct Updated: Hashable, Sendable, Encodable {
        public var change: String
        public var fields: [String]
    }

    public var source: String
    public var records = 0
    public var changes = 0
    public var decisions = 0
    public var incidents = 0
    public var services = 0
    /// Source field → Cabinet field, for every source field that filled one in at least one record.
    public var filled: [String: String] = [:]
    public var notReady: [NotReady] = []
    public var skipped: [Skipped] = []
    public var updated: [Updated] = []
    /// Stored incidents whose severity or resolution the export changed (`change` names the incident).
    public var updatedIncidents: [Updated] = []
    /// Changes edited in Cabinet since the last import whose source fields the export leaves as
    /// they were: Cabinet's edit stays.
    public var keptLocal: [Updated] = []
    /// Where the source and Cabinet disagree, each line saying whose record stands: a local edit
    /// the source overwrites, or a record Cabinet keeps.
    public var conflicts: [String] = []

    public init(source: String) { self.source = source }

    mutating func fill(_ sourceField: String, _ cabinetField: String) { filled[sourceField] = cabinetField }

    mutating func skip(_ record: String, _ reason: String) { skipped.append(Skipped(record: record, reason: reason)) }
}
