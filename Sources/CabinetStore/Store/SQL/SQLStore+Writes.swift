import CabinetModel
extension SQLStore {
    public func importDocument(_ document: InterchangeDocument) throws(CabinetError) -> ImportSummary {
        try importDocument(document, source: "import")
    }

    /// Imports all-or-nothing inside one write transaction; `source` names the input in errors.
    /// A new incident blamed on an approved change that opened within 30 days of `now` opens its review.
    public func importDocument(_ document: InterchangeDocument, source: String, now: Timestamp = Timestamp.now()) throws(CabinetError) -> ImportSummary {
        try importRecords(document, source: source, now: now)
    }

    /// Checks and writes `records` a record at a time, all-or-nothing inside one write
    /// transaction: a `StreamedDocument` is imported without ever being held whole, and its
    /// memory does not grow with the file's size.
    public func importRecords(_ records: some InterchangeRecords, source: String, now: Timestamp = Timestamp.now()) throws(CabinetError) -> ImportSummary {
        // A plain write, with the engine's usual cache: the pages of one big transaction spill to
        // the log rather than filling memory.
        try writingMany { db in try importRecords(records, source: source, now: now, db) }
    }

    /// Imports `records` inside the caller's write transaction, the rows many a statement
    /// (`BufferedInserts`).
    func importRecords(_ records: some InterchangeRecords, source: String, now: Timestamp, _ db: Connection) throws -> ImportSummary {
        let recorder = try recorder(db)
        let submitterIsChair = try isChair(recorder, db)
        let storedRoles = Dictionary(try teamRoles(db).map { ($0.name, $0.role) }, uniquingKeysWith: { first, _ in first })
        let buffered = BufferedInserts(db)
        var session = ImportSession(db: buffered, records: records, source: source, recorder: recorder, now: now,
                                    submitterIsChair: submitterIsChair)
        let roles = try session.run(storedRoles: storedRoles)
        try buffered.flush()
        try importRoles(roles, db)
        return session.summary
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
