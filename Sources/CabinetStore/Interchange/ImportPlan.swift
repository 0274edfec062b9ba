import CabinetModel
/// What an import will write, worked out before anything is written: every record checked
/// against the document and the store. Identical records (a repeated import) are skipped; a
/// known id with other content, or a reference to nothing, is an error naming the record.
public struct ImportPlan: Sendable {
    public var services: [Service] = []
    public var changes: [Change] = []
    /// Decisions to add, in the document's order (the order they were recorded); the store
    /// moves each change to the state of its latest decision by time.
    public var decisions: [Decision] = []
    public var incidents: [Incident] = []
    public var meetings: [Meeting] = []
    public var conditionsMet: [MetCondition] = []
    public var freezes: [FreezeRecord] = []
    public var verifications: [Verification] = []
    public var announcements: [SentAnnouncement] = []
    public var actionItems: [ActionItem] = []
    public var reviews: [Review] = []
    public var pirs: [PostImplementationReview] = []
    public var sourceLinks: [SourceLink] = []
    public var riskCalibrations: [RiskCalibration] = []
    public var roles: [TeamMember] = []
    /// The risk threshold to set, when the document gives one the store does not have yet.
    public var riskThreshold: Double?
    /// States the document gives for new changes that their decisions would otherwise move.
    public var statedStates: [(id: String, state: ChangeState)] = []
    public var summary = ImportSummary()

    /// The records a store must look up to plan `document`.
    public struct Lookups: Sendable {
        public var changeIDs: Set<String> = []
        public var decisionIDs: Set<String> = []
        public var incidentIDs: Set<String> = []
        /// Changes the document decides, whose stored decisions the rules need.
        public var decidedChangeIDs: Set<String> = []
        /// Services of changes routed by the rules, whose history feeds their risk score.
        public var scoredServices: Set<String> = []
    }

    /// What the store already holds among the looked-up ids, plus its whole service catalogue,
    /// the history of the scored services and the risk policy.
    public struct Existing: Sendable {
        public var services: [String: Service]
        public var changes: [String: Change]
        public var decisions: [String: Decision]
        public var incidents: [String: Incident]
        public var history: [String: ServiceHistory]
        public var policy: RiskPolicy
        /// Whether whoever runs the import may state routes and states (a chair, or a store without roles).
        public var submitterIsChair = true
        /// The decisions already stored of the changes the document decides, oldest first.
        public var decisionHistory: [String: [Decision]] = [:]
        /// Every meeting (by date), met condition (by decision), freeze (by id), verification,
        /// announcement and calibration (by id) and role (by name) the store holds.
        public var meetings: [String: Meeting] = [:]
        public var conditionsMet: [String: MetCondition] = [:]
        public var freezes: [String: FreezeRecord] = [:]
        public var verifications: [String: Verification] = [:]
        public var announcements: [String: SentAnnouncement] = [:]
        public var actionItems: [String: ActionItem] = [:]
        /// Every review, by its incident.
        public var reviews: [String: Review] = [:]
        /// Every post-implementation review, by its change.
        public var pirs: [String: PostImplementationReview] = [:]
        /// Every source link, by its change.
        public var sourceLinks: [String: SourceLink] = [:]
        public var riskCalibrations: [String: RiskCalibration] = [:]
        public var roles: [String: TeamRole] = [:]
        /// The threshold the store keeps, if one was set.
        public var riskThreshold: Double?

        public init(
            services: [String: Service], changes: [String: Change], decisions: [String: Decision], incidents: [String: Incident],
            history: [String: ServiceHistory] = [:], policy: RiskPolicy = RiskPolicy()
        ) {
            self.services = services; self.changes = changes; self.decisions = decisions; self.incidents = incidents
            self.history = history; self.policy = policy
        }
    }

    public static func lookups(for document: InterchangeDocument) -> Lookups {
        var lookups = Lookups()
        lookups.changeIDs.formUnion(document.changes.map(\.change.id))
        lookups.changeIDs.formUnion(document.decisions.map(\.change))
        lookups.changeIDs.formUnion(document.incidents.flatMap(\.causedBy))
        lookups.decisionIDs.formUnion(document.decisions.map(\.id))
        lookups.decisionIDs.formUnion(document.decisions.compactMap(\.supersedes))
        lookups.decidedChangeIDs.formUnion(document.decisions.map(\.change))
        lookups.changeIDs.formUnion(document.meetings.flatMap { $0.items.map(\.change) })
        lookups.changeIDs.formUnion(document.verifications.map(\.change) + document.announcements.map(\.change))
        lookups.changeIDs.formUnion(document.actionItems.compactMap(\.change))
        lookups.incidentIDs.formUnion(document.actionItems.compactMap(\.incident))
        lookups.changeIDs.formUnion(document.reviews.map(\.change))
        lookups.incidentIDs.formUnion(document.reviews.map(\.incident))
        lookups.changeIDs.formUnion(document.pirs.map(\.change))
        lookups.changeIDs.formUnion(document.sourceLinks.map(\.change))
        lookups.decisionIDs.formUnion(document.conditionsMet.map(\.decision))
        lookups.incidentIDs.formUnion(document.incidents.map(\.id))
        lookups.scoredServices.formUnion(document.changes.filter { $0.statedRoute == nil }.flatMap(\.change.services))
        return lookups
    }

    public init(document: InterchangeDocument, source: String, existing: Existing) throws(CabinetError) {
        var services = existing.services
        var seen = Seen()
        var named: [String: Int] = [:]
        for (index, service) in document.services.enumerated() {
            let record = "services[\(index)] (id \(service.name))"
            if let earlier = named[service.name] {
                throw .invalidRecord(source: source, record: record, field: "name", problem: "named twice (first at services[\(earlier)])")
            }
            named[service.name] = index
            if let known = services[service.name] {
                guard known == service else { throw seen.conflict(source, record, kind: "services", id: service.name, field: "team or dependsOn") }
                summary.unchanged += 1
                continue
            }
            services[service.name] = service
            self.services.append(service)
        }
        for (index, service) in document.services.enumerated() {
            for dependency in service.dependsOn where services[dependency] == nil || dependency == service.name {
                throw .invalidRecord(source: source, record: "services[\(index)] (id \(service.name))", field: "dependsOn",
                                     problem: dependency == service.name ? "a service cannot depend on itself" : "unknown service '\(dependency)'")
            }
        }
        let graph = ServiceGraph(services.values.sorted { $0.name < $1.name })
        if !self.services.isEmpty, let cycle = graph.cycle() {
            // A stored catalogue has no cycle, so this one runs through a service of the document.
            let index = document.services.firstIndex { cycle.contains($0.name) } ?? 0
            let name = document.services[index].name
            let start = cycle.firstIndex(of: name) ?? 0
            let loop = Array(cycle.dropLast())
            let path = Array(loop[start...]) + Array(loop[..<start]) + [name]
            throw .invalidRecord(source: source, record: "services[\(index)] (id \(name))", field: "dependsOn",
                                 problem: "dependency cycle \(path.joined(separator: " → "))")
        }
        let serviceTeams = services.mapValues(\.team)

        var changes = existing.changes
        for (index, submitted) in document.changes.enumerated() {
            let overThreshold = (submitted.statedRoute == nil || !existing.submitterIsChair) && existing.policy.model.score(
                RiskFeatures(change: submitted.change, radius: graph.impact(of: submitted.change.services), history: existing.history),
                threshold: existing.policy.threshold).isOverThreshold
            let change = submitted.resolved(serviceTeams: serviceTeams, riskOverThreshold: overThreshold)
            let record = "changes[\(index)] (id \(change.id))"
            if let unknown = change.services.first(where: { services[$0] == nil }) {
                throw .invalidRecord(source: source, record: record, field: "services",
                                     problem: "unknown service '\(unknown)' (add it to \"services\" first)")
            }
            if var known = changes[change.id] {
                // A route the document leaves to the rules is the one worked out when the change
                // was first stored: risk and history move on, the submission does not.
                if submitted.statedRoute == nil { known.route = change.route }
                guard known.sameSubmission(as: change) else {
                    throw seen.conflict(source, record, kind: "changes", id: change.id, field: known.firstDifference(from: change) ?? "state")
                }
                summary.unchanged += 1
                continue
            }
            // Only a new change is a submission: one already stored as it is was submitted before.
            if !existing.submitterIsChair, let breach = RecordRules.breach(
                ofMemberSubmission: submitted, routed: SubmittedChange(change: submitted.change, statedRoute: nil, statedState: nil)
                    .resolved(serviceTeams: serviceTeams, riskOverThreshold: overThreshold)) {
                throw .invalidRecord(source: source, record: record, field: breach.field, problem: breach.problem)
            }
            seen.note(kind: "changes", id: change.id, index: index)
            changes[change.id] = change
            self.changes.append(change)
            if let state = submitted.statedState { statedStates.append((change.id, state)) }
        }

        var decisions = existing.decisions
        var histories = existing.decisionHistory
        var storedChanges = Set(existing.changes.keys)
        storedChanges.subtract(self.changes.map(\.id))
        for (index, decision) in document.decisions.enumerated() {
            // Named as the reader names it: by the id the document gave, else by its change.
            let stated = decision.id != Decision.naturalID(change: decision.change, at: decision.at, by: decision.by)
            let record = "decisions[\(index)] (\(stated ? "id \(decision.id)" : "change \(decision.change)"))"
            guard let change = changes[decision.change] else {
                throw .invalidRecord(source: source, record: record, field: "change", problem: "no change '\(decision.change)' in the document or the store")
            }
            if let supersedes = decision.supersedes, decisions[supersedes]?.change != decision.change {
                throw .invalidRecord(source: source, record: record, field: "supersedes", problem: "no decision '\(supersedes)' of \(decision.change)")
            }
            if let known = decisions[decision.id] {
                guard known.sameRecord(as: decision) else { throw seen.conflict(source, record, kind: "decisions", id: decision.id, field: "outcome, at, by or text") }
                summary.unchanged += 1
                continue
            }
            // Held to the rules as of the decision's own time: a stored change is where it stands
            // now; a change of this document where its earlier decisions put it.
            let history = histories[change.id, default: []]
            let state = storedChanges.contains(change.id)
                ? change.state
                : SubmittedChange.initialState(of: change.route).after(latestDecision: history.last?.outcome)
            if let breach = RecordRules.breach(of: decision, on: change, state: state, history: history) {
                throw .invalidRecord(source: source, record: record, field: breach.field, problem: breach.problem)
            }
            seen.note(kind: "decisions", id: decision.id, index: index)
            decisions[decision.id] = decision
            histories[change.id, default: []].append(decision)
            self.decisions.append(decision)
        }
        // New changes go in with their stated state; only where a decision of this document will
        // move it elsewhere must the stated state be written again after the decisions.
        var latest: [String: Decision] = [:]
        for decision in self.decisions where latest[decision.change].map({ $0.at <= decision.at }) ?? true { latest[decision.change] = decision }
        statedStates = statedStates.filter { $0.state.after(latestDecision: latest[$0.id]?.outcome) != $0.state }

        var incidents = existing.incidents
        for (index, incident) in document.incidents.enumerated() {
            let record = "incidents[\(index)] (id \(incident.id))"
            if let unknown = incident.causedBy.first(where: { changes[$0] == nil }) {
                throw .invalidRecord(source: source, record: record, field: "causedBy", problem: "no change '\(unknown)' in the document or the store")
            }
            if let unknown = incident.services.first(where: { services[$0] == nil }) {
                throw .invalidRecord(source: source, record: record, field: "services", problem: "unknown service '\(unknown)'")
            }
            for blamed in incident.causedBy {
                if let change = changes[blamed], let breach = RecordRules.breach(of: incident, blaming: change) {
                    throw .invalidRecord(source: source, record: record, field: breach.field, problem: breach.problem)
                }
            }
            if let known = incidents[incident.id] {
                guard known == incident else { throw seen.conflict(source, record, kind: "incidents", id: incident.id, field: "openedAt, severity, causedBy or services") }
                summary.unchanged += 1
                continue
            }
            seen.note(kind: "incidents", id: incident.id, index: index)
            incidents[incident.id] = incident
            self.incidents.append(incident)
        }
        try planRecords(document, source: source, existing: existing, changes: changes, decisions: decisions, seen: &seen)
        summary.services = self.services.count
        summary.changes = self.changes.count
        summary.decisions = self.decisions.count
        summary.incidents = self.incidents.count
    }

    /// Where each new id first appeared in the document, to tell a duplicate from a stored record.
    struct Seen {
        var indexes: [String: Int] = [:]

        mutating func note(kind: String, id: String, index: Int) { indexes[kind + "\u{0}" + id] = index }

        func conflict(_ source: String, _ record: String, kind: String, id: String, field: String) -> CabinetError {
            if let earlier = indexes[kind + "\u{0}" + id] {
                return .invalidRecord(source: source, record: record, field: field, problem: "duplicate of \(kind)[\(earlier)] with different content")
            }
            return .invalidRecord(source: source, record: record, field: field, problem: "differs from the record already stored under this id")
        }
    }
}
