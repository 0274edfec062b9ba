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
            try db.rows("""
                SELECT id, change_id, at, by, smoke, error_rate, baseline_error_rate, p99_delta, held_minutes, required_minutes
                FROM verifications WHERE change_id = ? ORDER BY at, id
                """, [.text(id)]) { row in
                Verification(id: try row.text(0), change: try row.text(1), at: try row.timestamp(2), by: try row.text(3), smoke: try row.word(4),
                             errorRate: try row.optionalReal(5), baselineErrorRate: try row.optionalReal(6), p99Delta: try row.optionalReal(7),
                             heldMinutes: try row.optionalInt(8), requiredMinutes: try row.int(9))
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
