import CabinetModel
extension SQLStore {
    public func importDocument(_ document: InterchangeDocument) throws(CabinetError) -> ImportSummary {
        try importDocument(document, source: "import")
    }

    /// Imports all-or-nothing inside one write transaction; `source` names the input in errors.
    /// A new incident blamed on an approved change that opened within 30 days of `now` opens its review.
    public func importDocument(_ document: InterchangeDocument, source: String, now: Timestamp = Timestamp.now()) throws(CabinetError) -> ImportSummary {
        try writingInBulk { db in try importDocument(document, source: source, now: now, db) }
    }

    /// Imports `document` inside the caller's write transaction.
    func importDocument(_ document: InterchangeDocument, source: String, now: Timestamp, _ db: Connection) throws -> ImportSummary {
        let recorder = try recorder(db)
        var existing = try ImportRows.existing(db, ImportPlan.lookups(for: document))
        existing.submitterIsChair = try isChair(recorder, db)
        existing.roles = Dictionary(try teamRoles(db).map { ($0.name, $0.role) }, uniquingKeysWith: { first, _ in first })
        let plan = try ImportPlan(document: document, source: source, existing: existing)
        try ImportRows.write(plan, recordedBy: recorder, now: now, db)
        try importRoles(plan.roles, db)
        return plan.summary
    }

    public func record(_ decision: Decision) throws(CabinetError) {
        try writing { db in try record(decision, db) }
    }

    /// Records `decision` inside the caller's write transaction, under the rules every way in shares.
    func record(_ decision: Decision, _ db: Connection) throws {
        guard let change = try ChangeRows.fetch(db, where: "id = ?", arguments: [.text(decision.change)]).first else {
            throw CabinetError.notFound(kind: "change", id: decision.change)
        }
        var decision = decision
        decision.recordedBy = try recorder(db)
        let history = try DecisionRows.fetch(db, where: "change_id = ?", arguments: [.text(change.id)])
        if let same = history.first(where: { $0.id == decision.id }) {
            var retried = decision
            retried.riskScore = retried.riskScore ?? same.riskScore
            guard same.sameRecord(as: retried) else { throw CabinetError.refused("decision \(decision.id) is already recorded with other content") }
            return
        }
        if let breach = RecordRules.breach(of: decision, on: change, state: change.state, history: history) {
            if let first = breach.alreadyDecided { throw CabinetError.alreadyDecided(change: change.id, outcome: first.outcome, by: first.by, at: first.at) }
            throw CabinetError.refused("\(change.id): \(breach.sentence)")
        }
        try authorize(.recordDecisions, by: decision.by, db)
        // The score the board saw, kept with the decision (and covered by its hash).
        let risk = try riskContext(for: [change], now: decision.at, db).assess(change).risk
        decision.riskScore = Decision.millionths(risk.probability)
        var last = try DecisionChainRows.last(db)
        try DecisionRows.insert(db, decision, after: &last)
    }

    public func editChange(_ id: String, _ edit: ChangeEdit, by: String) throws(CabinetError) -> Change {
        guard !edit.isEmpty else { throw .invalidArgument(name: "change edit", problem: "say what to change (--blast-radius, --rollback-plan, --verification, --window-start, --window-end)") }
        return try writing { db in
            guard let change = try ChangeRows.fetch(db, where: "id = ?", arguments: [.text(id)]).first else {
                throw CabinetError.notFound(kind: "change", id: id)
            }
            let edited = edit.applied(to: change)
            if let start = edited.windowStart, let end = edited.windowEnd, end <= start {
                throw CabinetError.invalidArgument(name: "--window-end", problem: "\(end.iso8601) is not after the window start \(start.iso8601)")
            }
            let refusal = CabinetError.forbidden("only the owner of \(id) (\(change.owner)) or a chair can edit it")
            if change.owner != by { try authorize(.editOthersChanges, by: by, db, refusal: refusal) }
            // Row-level security may hide the row from this user's UPDATE: then nothing comes back.
            let updated = try db.strings("""
                UPDATE changes SET blast_radius = ?, rollback_plan = ?, verification = ?, window_start = ?, window_end = ?
                WHERE id = ? RETURNING id
                """, [.text(edited.blastRadius), .text(edited.rollbackPlan), .text(edited.verification),
                      SQLValue(edited.windowStart), SQLValue(edited.windowEnd), .text(id)])
            guard !updated.isEmpty else { throw refusal }
            return edited
        }
    }
}

/// What an import reads before it plans, and how it writes the plan.
enum ImportRows {
    static func existing(_ db: some SQLDatabase, _ lookups: ImportPlan.Lookups) throws -> ImportPlan.Existing {
        let services = Dictionary(uniqueKeysWithValues: try ServiceRows.fetchAll(db).map { ($0.name, $0) })
        var changes: [String: Change] = [:]
        for chunk in try knownIDs(db, table: "changes", among: lookups.changeIDs).chunked(500) {
            for change in try ChangeRows.fetch(db, where: "id IN (\(placeholders(chunk.count)))", arguments: chunk.map(SQLValue.text)) {
                changes[change.id] = change
            }
        }
        var decisions: [String: Decision] = [:]
        for chunk in try knownIDs(db, table: "decisions", among: lookups.decisionIDs).chunked(500) {
            for decision in try DecisionRows.fetch(db, where: "id IN (\(placeholders(chunk.count)))", arguments: chunk.map(SQLValue.text)) {
                decisions[decision.id] = decision
            }
        }
        var histories: [String: [Decision]] = [:]
        for chunk in try knownIDs(db, table: "changes", among: lookups.decidedChangeIDs).chunked(500) {
            for decision in try DecisionRows.fetch(db, where: "change_id IN (\(placeholders(chunk.count)))", arguments: chunk.map(SQLValue.text)) {
                histories[decision.change, default: []].append(decision)
            }
        }
        var incidents: [String: Incident] = [:]
        for chunk in lookups.incidentIDs.sorted().chunked(500) {
            for incident in try IncidentRows.fetch(db, where: "id IN (\(placeholders(chunk.count)))", arguments: chunk.map(SQLValue.text)) {
                incidents[incident.id] = incident
            }
        }
        var existing = ImportPlan.Existing(
            services: services, changes: changes, decisions: decisions, incidents: incidents,
            history: try ServiceHistoryRows.fetch(db, counted: lookups.scoredServices, dated: [], now: Timestamp.now()),
            policy: try RiskRows.policy(db))
        existing.decisionHistory = histories
        existing.meetings = Dictionary(uniqueKeysWithValues: try MeetingRows.fetchAll(db).map { ($0.date, $0) })
        existing.conditionsMet = Dictionary(uniqueKeysWithValues: try ConditionRows.fetchMet(db).map { ($0.decision, $0) })
        existing.freezes = Dictionary(uniqueKeysWithValues: try FreezeRows.fetchRecords(db).map { ($0.freeze.id, $0) })
        existing.verifications = Dictionary(uniqueKeysWithValues: try VerificationRows.fetch(db, where: "TRUE").map { ($0.id, $0) })
        existing.announcements = Dictionary(uniqueKeysWithValues: try AnnouncementRows.fetchAll(db).map { ($0.id, $0) })
        existing.actionItems = Dictionary(uniqueKeysWithValues: try ActionItemRows.fetch(db, where: "TRUE").map { ($0.id, $0) })
        existing.reviews = Dictionary(uniqueKeysWithValues: try ReviewRows.fetch(db, where: "TRUE").map { ($0.incident, $0) })
        existing.pirs = Dictionary(uniqueKeysWithValues: try PIRRows.fetch(db, where: "TRUE").map { ($0.change, $0) })
        existing.sourceLinks = Dictionary(uniqueKeysWithValues: try SourceLinkRows.fetch(db, where: "TRUE").map { ($0.change, $0) })
        existing.riskCalibrations = Dictionary(uniqueKeysWithValues: try RiskRows.fetch(db).map { ($0.id, $0) })
        existing.riskThreshold = try RiskRows.threshold(db)
        return existing
    }

    /// The ids of `table` that exist among `ids`, asked 500 at a time.
    private static func knownIDs(_ db: some SQLDatabase, table: String, among ids: Set<String>) throws -> [String] {
        try ids.sorted().chunked(500).flatMap { chunk in
            try db.strings("SELECT id FROM \(table) WHERE id IN (\(placeholders(chunk.count)))", chunk.map(SQLValue.text))
        }
    }

    static func write(_ plan: ImportPlan, recordedBy recorder: String, now: Timestamp, _ db: some SQLDatabase) throws {
        for service in plan.services { try ServiceRows.insert(db, service) }
        for service in plan.services { try ServiceRows.insertDependencies(db, service) }
        for change in plan.changes { try ChangeRows.insert(db, change, recordedBy: recorder) }
        var last = try DecisionChainRows.last(db)
        for decision in plan.decisions {
            var decision = decision
            decision.recordedBy = recorder
            try DecisionRows.insert(db, decision, after: &last)
        }
        for incident in plan.incidents { try IncidentRows.insert(db, incident) }
        for (id, state) in plan.statedStates { try ChangeRows.setState(db, id: id, state) }
        for meeting in plan.meetings { try MeetingRows.insert(db, meeting) }
        for met in plan.conditionsMet {
            try ConditionRows.insertMet(db, decision: met.decision, by: met.by, at: met.at, note: met.note, recordedBy: recorder)
        }
        for freeze in plan.freezes { try FreezeRows.insert(db, freeze, recordedBy: recorder) }
        for verification in plan.verifications { try VerificationRows.insert(db, verification, recordedBy: recorder) }
        for announcement in plan.announcements { try AnnouncementRows.insert(db, announcement, recordedBy: recorder) }
        for item in plan.actionItems { try ActionItemRows.insert(db, item, recordedBy: recorder) }
        for review in plan.reviews { try ReviewRows.insert(db, review, recordedBy: recorder) }
        try ReviewRows.open(db, for: plan.incidents, now: now, recordedBy: recorder)
        for review in plan.pirs { try PIRRows.insert(db, review, recordedBy: recorder) }
        for link in plan.sourceLinks { try SourceLinkRows.insert(db, link) }
        for calibration in plan.riskCalibrations { try RiskRows.insert(db, calibration) }
        if let threshold = plan.riskThreshold { try RiskRows.setThreshold(db, threshold) }
    }
}
