import CabinetModel
/// An import under way inside one write transaction: each record is checked against the store
/// as it stands (holding the records this import wrote before it) and written in the file's
/// order, a run of `runSize` records looked up at once, so that memory holds only what the
/// checks across records need: the service catalogue, the run being checked (the new changes
/// and incidents it names read from the `ImportLedger`), the recent new incidents whose reviews
/// open, and the small sections around the decisions. Identical records (a repeated import) are skipped; a known id with
/// other content, or a reference to nothing, is an error naming the record.
struct ImportSession<Database: SQLDatabase, Records: InterchangeRecords> {
    let db: Database
    let records: Records
    let source: String
    let recorder: String
    let now: Timestamp
    /// Whether whoever runs the import may state routes and states (a chair, or a store without roles).
    let submitterIsChair: Bool
    var summary = ImportSummary()

    /// How many records of a section are checked together, with one query for each kind of
    /// record they look up (their ids fit one `IN` list; on PostgreSQL each query is a round
    /// trip, and a run's rows go in one statement).
    static var runSize: Int { IDList.most }

    /// The catalogue after the document's services.
    private var services: [String: Service] = [:]
    /// Of the changes the current run names, those this import added (before the run, read from
    /// the `ImportLedger`, or in it), with the state each stated, if any.
    private var newChanges: [String: ChangeState?] = [:]
    /// Of the incidents the current run names, those this import added.
    private var newIncidents: Set<String> = []
    /// New incidents recent enough to open their blameless review.
    private var reviewable: [Incident] = []
    /// The last decision stored before this import: those after it are this import's.
    private var storedChainEnd = DecisionChain.Link.start
    private var chain = DecisionChain.Link.start

    init(db: Database, records: Records, source: String, recorder: String, now: Timestamp, submitterIsChair: Bool) {
        self.db = db; self.records = records; self.source = source; self.recorder = recorder; self.now = now
        self.submitterIsChair = submitterIsChair
    }

    /// Checks and writes every section in turn; roles are left to the store (`importRoles`).
    mutating func run(storedRoles: [String: TeamRole]) throws -> [TeamMember] {
        // What the rules route by is the store as it was before the import.
        let stored = Set(try db.strings("SELECT name FROM services"))
        let history = try ServiceHistoryRows.fetch(db, counted: stored, dated: [], now: Timestamp.now())
        let policy = try RiskRows.policy(db)
        storedChainEnd = try DecisionChainRows.last(db)
        chain = storedChainEnd
        try ImportLedger.create(db)
        let graph = try importServices()
        try importChanges(graph: graph, history: history, policy: policy)
        try importDecisions()
        try importIncidents()
        let roles = try importRecords(storedRoles: storedRoles)
        try ImportLedger.drop(db)
        return roles
    }

    private func invalid(_ record: String, _ field: String, _ problem: String) -> CabinetError {
        .invalidRecord(source: source, record: record, field: field, problem: problem)
    }

    /// A record whose id is already stored with other content: a duplicate within the document
    /// when its first copy (at `earlier`) came with this import.
    func conflict(_ record: String, kind: String, field: String, earlier: Int?) -> CabinetError {
        if let earlier { return invalid(record, field, "duplicate of \(kind)[\(earlier)] with different content") }
        return invalid(record, field, "differs from the record already stored under this id")
    }

    private mutating func importServices() throws -> ServiceGraph {
        services = Dictionary(uniqueKeysWithValues: try ServiceRows.fetchAll(db).map { ($0.name, $0) })
        let listed = try records.all(InterchangeReader.services)
        do { return try importCatalogue(listed) } catch { throw records.firstError(after: "services", nil, or: error) }
    }

    private mutating func importCatalogue(_ listed: [Service]) throws -> ServiceGraph {
        var added: [Service] = []
        var named: [String: Int] = [:]
        for (index, service) in listed.enumerated() {
            let record = "services[\(index)] (id \(service.name))"
            if let earlier = named[service.name] { throw invalid(record, "name", "named twice (first at services[\(earlier)])") }
            named[service.name] = index
            if let known = services[service.name] {
                guard known == service else { throw conflict(record, kind: "services", field: "team or dependsOn", earlier: nil) }
                summary.unchanged += 1
                continue
            }
            services[service.name] = service
            added.append(service)
        }
        for (index, service) in listed.enumerated() {
            for dependency in service.dependsOn where services[dependency] == nil || dependency == service.name {
                throw invalid("services[\(index)] (id \(service.name))", "dependsOn",
                              dependency == service.name ? "a service cannot depend on itself" : "unknown service '\(dependency)'")
            }
        }
        let graph = ServiceGraph(services.values.sorted { $0.name < $1.name })
        if !added.isEmpty, let cycle = graph.cycle() {
            // A stored catalogue has no cycle, so this one runs through a service of the document.
            let index = listed.firstIndex { cycle.contains($0.name) } ?? 0
            let name = listed[index].name
            let start = cycle.firstIndex(of: name) ?? 0
            let loop = Array(cycle.dropLast())
            let path = Array(loop[start...]) + Array(loop[..<start]) + [name]
            throw invalid("services[\(index)] (id \(name))", "dependsOn", "dependency cycle \(path.joined(separator: " → "))")
        }
        for service in added { try ServiceRows.insert(db, service) }
        for service in added { try ServiceRows.insertDependencies(db, service) }
        summary.services = added.count
        return graph
    }

    private mutating func importChanges(graph: ServiceGraph, history: [String: ServiceHistory], policy: RiskPolicy) throws {
        let db = self.db, records = self.records
        let serviceTeams = services.mapValues(\.team)
        // Into a store without changes, only a duplicate within the document needs looking up.
        let storeHadChanges = try db.integer("SELECT 1 FROM changes LIMIT 1") != nil
        try records.forEachRun(InterchangeReader.changes, size: Self.runSize) { run in
            let ids = run.map { $0.record.change.id }
            newChanges = try ImportLedger.written(db, .change, among: ids)
            let stored = storeHadChanges ? try ChangeRows.fetch(db, ids: ids) : [:]
            for (submitted, index) in run {
                let overThreshold = (submitted.statedRoute == nil || !submitterIsChair) && policy.model.score(
                    RiskFeatures(change: submitted.change, radius: graph.impact(of: submitted.change.services), history: history),
                    threshold: policy.threshold).isOverThreshold
                try importChange(submitted, index, stored: stored, serviceTeams: serviceTeams, overThreshold: overThreshold)
            }
        }
    }

    /// Checks and writes one change; `stored` holds the changes of its run the store held before the run.
    private mutating func importChange(
        _ submitted: SubmittedChange, _ index: Int, stored: [String: Change], serviceTeams: [String: String], overThreshold: Bool
    ) throws {
        let change = submitted.resolved(serviceTeams: serviceTeams, riskOverThreshold: overThreshold)
        let record = "changes[\(index)] (id \(change.id))"
        if let unknown = change.services.first(where: { services[$0] == nil }) {
            throw invalid(record, "services", "unknown service '\(unknown)' (add it to \"services\" first)")
        }
        // A duplicate within the document is compared with the copy this import wrote.
        let known = newChanges[change.id] == nil ? stored[change.id] : try ChangeRows.fetch(db, ids: [change.id])[change.id]
        if var known {
            // A route the document leaves to the rules is the one worked out when the change
            // was first stored: risk and history move on, the submission does not.
            if submitted.statedRoute == nil { known.route = change.route }
            guard known.sameSubmission(as: change) else {
                throw conflict(record, kind: "changes", field: known.firstDifference(from: change) ?? "state",
                               earlier: newChanges[change.id] == nil ? nil : records.firstIndex(in: InterchangeReader.changes) { $0.change.id == change.id })
            }
            summary.unchanged += 1
            return
        }
        // Only a new change is a submission: one already stored as it is was submitted before.
        if !submitterIsChair, let breach = RecordRules.breach(
            ofMemberSubmission: submitted, routed: SubmittedChange(change: submitted.change, statedRoute: nil, statedState: nil)
                .resolved(serviceTeams: serviceTeams, riskOverThreshold: overThreshold)) {
            throw invalid(record, breach.field, breach.problem)
        }
        newChanges.updateValue(submitted.statedState, forKey: change.id)
        try ChangeRows.insert(db, change, recordedBy: recorder)
        try ImportLedger.note(db, .change, id: change.id, stated: submitted.statedState)
        summary.changes += 1
    }

    private mutating func importDecisions() throws {
        let records = self.records
        try records.forEachRun(InterchangeReader.decisions, size: Self.runSize) { run in try importDecisions(run) }
    }

    /// Checks and writes a run of decisions in the file's order, with two queries for the whole
    /// run: the changes they decide, and the decisions stored under their ids or of those changes.
    /// What the run writes is noted as it goes, so a later decision of the run sees it as a
    /// query after the write would.
    private mutating func importDecisions(_ run: [(record: Decision, index: Int)]) throws {
        var changes = try ChangeRows.fetchAsRuled(db, ids: run.map { $0.record.change })
        newChanges = try ImportLedger.written(db, .change, among: changes.keys)
        var known = try DecisionRows.fetchForImport(db, ids: run.map { $0.record.id }, changes: changes.keys, storedThrough: storedChainEnd.sequence)
        // The stored changes a decision of this run moved (the decisions' trigger sets the
        // state the rules read for them): read again before their next decision.
        var moved: Set<String> = []
        for (decision, index) in run {
            // Named as the reader names it: by the id the document gave, else by its change.
            let stated = decision.id != Decision.naturalID(change: decision.change, at: decision.at, by: decision.by)
            let record = "decisions[\(index)] (\(stated ? "id \(decision.id)" : "change \(decision.change)"))"
            if moved.remove(decision.change) != nil { changes[decision.change] = try ChangeRows.fetchAsRuled(db, id: decision.change) }
            guard let change = changes[decision.change] else {
                throw invalid(record, "change", "no change '\(decision.change)' in the document or the store")
            }
            let stored = known.histories[change.id, default: []]
            let history = stored.map(\.decision)
            if let supersedes = decision.supersedes, !history.contains(where: { $0.id == supersedes }) {
                throw invalid(record, "supersedes", "no decision '\(supersedes)' of \(decision.change)")
            }
            if let same = known.byID[decision.id] {
                guard same.decision.sameRecord(as: decision) else {
                    throw conflict(record, kind: "decisions", field: "outcome, at, by or text",
                                   earlier: same.isNew ? records.firstIndex(in: InterchangeReader.decisions) { $0.id == decision.id } : nil)
                }
                summary.unchanged += 1
                continue
            }
            // Held to the rules as of the decision's own time: a stored change is where it stands
            // now; a change of this document where its earlier decisions put it.
            let statedState = newChanges[change.id]
            let state = statedState == nil
                ? change.state
                : SubmittedChange.initialState(of: change.route).after(latestDecision: history.last?.outcome)
            if let breach = RecordRules.breach(of: decision, on: change, state: state, history: history) {
                throw invalid(record, breach.field, breach.problem)
            }
            var recorded = decision
            recorded.recordedBy = recorder
            let chainBefore = chain.sequence
            try DecisionRows.insert(db, recorded, after: &chain)
            if chain.sequence != chainBefore {
                known.add(written: recorded)
                if statedState == nil { moved.insert(change.id) }
            }
            summary.decisions += 1
            // A new change keeps the state it states where its decisions would move it elsewhere.
            if case let stated?? = statedState {
                let latest = (stored.filter(\.isNew).map(\.decision) + [decision]).reduce(nil as Decision?) { latest, next in
                    latest.map { $0.at <= next.at } ?? true ? next : latest
                }
                if stated.after(latestDecision: latest?.outcome) != stated { try ChangeRows.setState(db, id: change.id, stated) }
            }
        }
    }

    private mutating func importIncidents() throws {
        let db = self.db, records = self.records
        let storeHadIncidents = try db.integer("SELECT 1 FROM incidents LIMIT 1") != nil
        let since = now.adding(days: -Review.openingWindowDays)
        try records.forEachRun(InterchangeReader.incidents, size: Self.runSize) { run in
            let blamed = try ChangeRows.fetchAsRuled(db, ids: run.flatMap { $0.record.causedBy })
            let ids = run.map { $0.record.id }
            newIncidents = Set(try ImportLedger.written(db, .incident, among: ids).keys)
            let stored = storeHadIncidents ? try IncidentRows.fetch(db, ids: ids) : [:]
            for (incident, index) in run { try importIncident(incident, index, blamed: blamed, stored: stored, since: since) }
        }
    }

    /// Checks and writes one incident; `blamed` holds the stored changes its run blames, `stored`
    /// the incidents of its run the store held before the run.
    private mutating func importIncident(_ incident: Incident, _ index: Int, blamed: [String: Change], stored: [String: Incident], since: Timestamp) throws {
        let record = "incidents[\(index)] (id \(incident.id))"
        var blaming: [Change] = []
        for id in incident.causedBy {
            guard let change = blamed[id] else { throw invalid(record, "causedBy", "no change '\(id)' in the document or the store") }
            blaming.append(change)
        }
        if let unknown = incident.services.first(where: { services[$0] == nil }) {
            throw invalid(record, "services", "unknown service '\(unknown)'")
        }
        for change in blaming {
            if let breach = RecordRules.breach(of: incident, blaming: change) { throw invalid(record, breach.field, breach.problem) }
        }
        // A duplicate within the document is compared with the copy this import wrote.
        let known = newIncidents.contains(incident.id) ? try IncidentRows.fetch(db, ids: [incident.id])[incident.id] : stored[incident.id]
        if let known {
            guard known == incident else {
                throw conflict(record, kind: "incidents", field: "openedAt, severity, causedBy or services",
                               earlier: newIncidents.contains(incident.id) ? records.firstIndex(in: InterchangeReader.incidents) { $0.id == incident.id } : nil)
            }
            summary.unchanged += 1
            return
        }
        newIncidents.insert(incident.id)
        if incident.openedAt >= since { reviewable.append(incident) }
        try IncidentRows.insert(db, incident)
        try ImportLedger.note(db, .incident, id: incident.id)
        summary.incidents += 1
    }

    /// Opens the reviews of the new incidents blamed on approved changes, after the reviews the document gives.
    func openReviews() throws {
        try ReviewRows.open(db, for: reviewable, now: now, recordedBy: recorder)
    }
}
