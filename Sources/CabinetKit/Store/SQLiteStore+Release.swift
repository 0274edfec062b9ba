import GRDB

extension SQLiteStore {
    public func record(_ verification: Verification) throws(CabinetError) {
        try writing { db in
            guard try ChangeRows.fetch(db, where: "id = ?", arguments: [verification.change]).first != nil else {
                throw CabinetError.notFound(kind: "change", id: verification.change)
            }
            try db.execute(sql: """
                INSERT INTO verifications (id, change_id, at, by, smoke, error_rate, baseline_error_rate, p99_delta, held_minutes,
                                           required_minutes, stable)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [verification.id, verification.change, verification.at.milliseconds, verification.by,
                                 verification.smoke.rawValue, verification.errorRate, verification.baselineErrorRate,
                                 verification.p99Delta, verification.heldMinutes, verification.requiredMinutes, verification.isStable])
        }
    }

    /// A change's verifications, oldest first.
    public func verifications(forChange id: String) throws(CabinetError) -> [Verification] {
        try reading { db in
            try Row.fetchAll(db, sql: """
                SELECT id, change_id, at, by, smoke, error_rate, baseline_error_rate, p99_delta, held_minutes, required_minutes
                FROM verifications WHERE change_id = ? ORDER BY at, id
                """, arguments: [id]).map { row in
                Verification(id: row[0], change: row[1], at: Timestamp(milliseconds: row[2]), by: row[3], smoke: try word(row, "smoke"),
                             errorRate: row[5], baselineErrorRate: row[6], p99Delta: row[7], heldMinutes: row[8], requiredMinutes: row[9])
            }
        }
    }

    /// Records an announcement that reached its webhook.
    public func recordAnnouncement(id: String, change: String, at time: Timestamp, by: String, webhook: String, text: String) throws(CabinetError) {
        try writing { db in
            try db.execute(sql: "INSERT INTO announcements (id, change_id, at, by, webhook, text) VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [id, change, time.milliseconds, by, webhook, text])
        }
    }
}
