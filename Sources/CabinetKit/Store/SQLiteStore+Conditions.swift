import GRDB

extension SQLiteStore {
    public func openConditions() throws(CabinetError) -> [Condition] {
        try reading { db in try ConditionRows.fetch(db, where: "m.decision_id IS NULL") }
    }

    public func meetCondition(change: String, by: String, at time: Timestamp, note: String?) throws(CabinetError) -> Condition {
        try writing { db in
            guard let open = try ConditionRows.fetch(db, where: "m.decision_id IS NULL AND d.change_id = ?", arguments: [change]).first else {
                throw CabinetError.refused("\(change) has no open conditions (see cab conditions)")
            }
            try ConditionRows.insertMet(db, decision: open.decision.id, by: by, at: time, note: note)
            var met = open
            met.metBy = by; met.metAt = time; met.metNote = note
            return met
        }
    }
}

enum ConditionRows {
    /// Conditions of approved-with-conditions decisions still in force (not superseded or
    /// followed by a later decision), with whether they were met.
    static func fetch(_ db: Database, where condition: String, arguments: StatementArguments = []) throws -> [Condition] {
        try Row.fetchAll(db, sql: """
            SELECT d.id, d.change_id, d.outcome, d.at, d.by, d.conditions, d.note, d.supersedes,
                   c.title, c.owner, m.met_by, m.met_at, m.note AS met_note
            FROM decisions d
            JOIN changes c ON c.id = d.change_id
            LEFT JOIN conditions_met m ON m.decision_id = d.id
            WHERE d.outcome = 'approved-with-conditions'
              AND NOT EXISTS (SELECT 1 FROM decisions later WHERE later.change_id = d.change_id AND later.at > d.at)
              AND \(condition)
            ORDER BY d.at, d.id
            """, arguments: arguments).map { row in
            Condition(
                decision: Decision(id: row["id"], change: row["change_id"], outcome: .approvedWithConditions,
                                   at: Timestamp(milliseconds: row["at"]), by: row["by"], conditions: row["conditions"],
                                   note: row["note"], supersedes: row["supersedes"]),
                changeTitle: row["title"], owner: row["owner"], metBy: row["met_by"],
                metAt: (row["met_at"] as Int64?).map(Timestamp.init(milliseconds:)), metNote: row["met_note"])
        }
    }

    static func insertMet(_ db: Database, decision: String, by: String, at time: Timestamp, note: String?) throws {
        try db.cachedStatement(sql: "INSERT INTO conditions_met (decision_id, met_by, met_at, note) VALUES (?, ?, ?, ?)")
            .execute(arguments: [decision, by, time.milliseconds, note])
    }
}
