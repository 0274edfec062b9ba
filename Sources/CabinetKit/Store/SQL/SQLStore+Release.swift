extension SQLStore {
    public func record(_ verification: Verification) throws(CabinetError) {
        try writing { db in
            guard try ChangeRows.fetch(db, where: "id = ?", arguments: [.text(verification.change)]).first != nil else {
                throw CabinetError.notFound(kind: "change", id: verification.change)
            }
            try db.execute("""
                INSERT INTO verifications (id, change_id, at, by, smoke, error_rate, baseline_error_rate, p99_delta, held_minutes,
                                           required_minutes, stable, recorded_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [.text(verification.id), .text(verification.change), SQLValue(verification.at), .text(verification.by),
                      .text(verification.smoke.rawValue), SQLValue(verification.errorRate), SQLValue(verification.baselineErrorRate),
                      SQLValue(verification.p99Delta), SQLValue(verification.heldMinutes), SQLValue(verification.requiredMinutes),
                      SQLValue(verification.isStable), .text(try recorder(db))])
        }
    }

    /// A change's verifications, oldest first.
    public func verifications(forChange id: String) throws(CabinetError) -> [Verification] {
        try reading { db in
            try db.namedRows("""
                SELECT id, change_id, at, by, smoke, error_rate, baseline_error_rate, p99_delta, held_minutes, required_minutes
                FROM verifications WHERE change_id = ? ORDER BY at, id
                """, [.text(id)]) { row in
                Verification(id: try row.text("id"), change: try row.text("change_id"), at: try row.timestamp("at"), by: try row.text("by"),
                             smoke: try row.word("smoke"), errorRate: try row.optionalReal("error_rate"),
                             baselineErrorRate: try row.optionalReal("baseline_error_rate"), p99Delta: try row.optionalReal("p99_delta"),
                             heldMinutes: try row.optionalInt("held_minutes"), requiredMinutes: try row.int("required_minutes"))
            }
        }
    }

    /// Records an announcement that reached its webhook.
    public func recordAnnouncement(id: String, change: String, at time: Timestamp, by: String, webhook: String, text: String) throws(CabinetError) {
        try writing { db in
            try db.execute("INSERT INTO announcements (id, change_id, at, by, webhook, text, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
                           [.text(id), .text(change), SQLValue(time), .text(by), .text(webhook), .text(text), .text(try recorder(db))])
        }
    }
}
