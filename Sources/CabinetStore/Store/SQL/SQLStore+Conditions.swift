import CabinetModel
extension SQLStore {
    public func openConditions() throws(CabinetError) -> [Condition] {
        try reading { db in try ConditionRows.fetch(db, where: "m.decision_id IS NULL") }
    }

    public func meetCondition(change: String, by: String, at time: Timestamp, note: String?) throws(CabinetError) -> Condition {
        try writing { db in
            try authorize(.meetConditions, by: by, db)
            guard let open = try ConditionRows.fetch(db, where: "m.decision_id IS NULL AND d.change_id = ?", arguments: [.text(change)]).first else {
                throw CabinetError.refused("\(change) has no open conditions (see cab conditions)")
            }
            try ConditionRows.insertMet(db, decision: open.decision.id, by: by, at: time, note: note, recordedBy: try recorder(db))
            var met = open
            met.metBy = by; met.metAt = time; met.metNote = note
            return met
        }
    }
}

enum ConditionRows {
    /// Conditions of approved-with-conditions decisions still in force (not superseded or
    /// followed by a later decision), with whether they were met.
    static func fetch(_ db: some SQLDatabase, where condition: String, arguments: [SQLValue] = []) throws -> [Condition] {
        try db.namedRows("""
            SELECT d.id, d.change_id, d.outcome, d.at, d.by, d.conditions, d.note, d.supersedes, d.recorded_by, d.risk_score,
                   c.title, c.owner, m.met_by, m.met_at, m.note AS met_note
            FROM decisions d
            JOIN changes c ON c.id = d.change_id
            LEFT JOIN conditions_met m ON m.decision_id = d.id
            WHERE d.outcome = 'approved-with-conditions'
              AND NOT EXISTS (SELECT 1 FROM decisions later WHERE later.change_id = d.change_id AND later.at > d.at)
              AND \(condition)
            ORDER BY d.at, d.id
            """, arguments) { row in
            Condition(
                decision: try DecisionRows.decision(from: row), changeTitle: try row.text("title"), owner: try row.text("owner"),
                metBy: try row.optionalText("met_by"), metAt: try row.optionalTimestamp("met_at"), metNote: try row.optionalText("met_note"))
        }
    }

    /// Every condition met, in the order they were met.
    static func fetchMet(_ db: some SQLDatabase) throws -> [MetCondition] {
        try db.namedRows("SELECT decision_id, met_by, met_at, note FROM conditions_met ORDER BY met_at, decision_id") { row in
            MetCondition(decision: try row.text("decision_id"), by: try row.text("met_by"), at: try row.timestamp("met_at"), note: try row.optionalText("note"))
        }
    }

    static func insertMet(_ db: some SQLDatabase, decision: String, by: String, at time: Timestamp, note: String?, recordedBy recorder: String) throws {
        try db.execute("INSERT INTO conditions_met (decision_id, met_by, met_at, note, recorded_by) VALUES (?, ?, ?, ?, ?)",
                       [.text(decision), .text(by), SQLValue(time), SQLValue(note), .text(recorder)])
    }
}
