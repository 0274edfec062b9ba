import CabinetModel
/// What an adapter hands the store: the interchange document of new records, the stored changes
/// and incidents the source moved, the source links to write, and the mapping report.
public struct ImportBatch: Sendable {
    /// The source's name, as links and decisions record it (`servicenow`).
    public var system: String
    public var document = InterchangeDocument()
    /// Stored changes with the source's title, four fields, window and services written in, and
    /// the source's deployment where Cabinet recorded none.
    public var updates: [Change] = []
    /// Stored incidents with the source's severity and resolution written in.
    public var incidentUpdates: [Incident] = []
    /// Change id → the fingerprint (`SourceLink.fingerprint`) of the source's fields as this
    /// import leaves them and the meeting the source plans the change for, for each change whose
    /// link is new or moves.
    public var links: [String: (fingerprint: String, meeting: String?)] = [:]
    public var report: MappingReport

    public init(system: String, report: MappingReport) { self.system = system; self.report = report }

    /// The change's id in its system: the Cabinet id without the `system:` prefix.
    public func sourceID(of change: String) -> String {
        change.hasPrefix(system + ":") ? String(change.dropFirst(system.count + 1)) : change
    }
}

/// What the store already holds of the records an export names, so that a re-import syncs.
public struct StoredRecords: Sendable {
    public var changes: [String: Change]
    /// Each stored change's decisions, oldest first.
    public var decisions: [String: [Decision]]
    public var services: [String: Service]
    public var incidents: [String: Incident]
    /// Each stored change's source link, where it has one (changes imported before v15 have none).
    public var links: [String: SourceLink]

    public init(changes: [String: Change] = [:], decisions: [String: [Decision]] = [:], services: [String: Service] = [:], incidents: [String: Incident] = [:],
                links: [String: SourceLink] = [:]) {
        self.changes = changes; self.decisions = decisions; self.services = services; self.incidents = incidents; self.links = links
    }
}

/// Everything an adapter maps one source change onto, before it meets the store.
struct MappedChange: Sendable {
    var change: Change
    var statedRoute: Route?
    var statedState: ChangeState?
    /// The source's approval, as a decision outcome with its time, if the source records one.
    var approval: (outcome: Outcome, at: Timestamp)?
    /// What the source says of the approval beyond its outcome (who approved a pull request).
    var approvalNote: String?
    /// The UTC day of the board meeting the source plans the change for.
    var meeting: String?
    /// The record's place in the export, for the report and errors.
    var record: String
    /// The file it came from, for errors.
    var file: String

    init(change: Change, statedRoute: Route?, statedState: ChangeState?, approval: (outcome: Outcome, at: Timestamp)?, record: String, file: String) {
        self.change = change; self.statedRoute = statedRoute; self.statedState = statedState; self.approval = approval
        self.record = record; self.file = file
    }

    /// Refuses text the store would refuse, as the interchange reader does: control characters,
    /// a title or name over 500 characters or on several lines, a long text over 64 KiB.
    func checkText() throws(CabinetError) {
        let short = [("id", change.id), ("title", change.title), ("owner", change.owner), ("team", change.team)] + change.services.map { ("services", $0) }
        let fields = short.map { (name: $0.0, text: Optional($0.1), rule: FieldText.short) }
            + [("blastRadius", change.blastRadius), ("rollbackPlan", change.rollbackPlan), ("verification", change.verification)]
            .map { (name: $0.0, text: Optional($0.1), rule: FieldText.long) }
        if let (field, problem) = FieldText.firstProblem(in: fields) {
            throw .invalidRecord(source: file, record: record, field: field, problem: problem)
        }
    }
}
