extension SQLStore {
    public func record(_ verification: Verification) throws(CabinetError) {
        try writing { db in
            guard try ChangeRows.fetch(db, where: "id = ?", arguments: [.text(verification.change)]).first != nil else {
                throw CabinetError.notFound(kind: "change", id: verification.change)
            }
            try VerificationRows.insert(db, verification)
        }
    }

    /// A change's verifications, oldest first.
    public func verifications(forChange id: String) throws(CabinetError) -> [Verification] {
        try reading { db in try VerificationRows.fetch(db, where: "change_id = ?", [.text(id)]) }
    }

    /// Records an announcement that reached its webhook.
    public func recordAnnouncement(id: String, change: String, at time: Timestamp, by: String, webhook: String, text: String) throws(CabinetError) {
        try writing { db in
            try AnnouncementRows.insert(db, SentAnnouncement(id: id, change: change, at: time, by: by, webhook: webhook, text: text))
        }
    }
}

enum VerificationRows {
    /// Verifications matching `condition`, oldest first.
    static func fetch(_ db: some SQLDatabase, where condition: String, _ arguments: [SQLValue] = []) throws -> [Verification] {
        try db.rows("""
            SELECT id, change_id, at, by, smoke, error_rate, baseline_error_rate, p99_delta, held_minutes, required_minutes
            FROM verifications WHERE \(condition) ORDER BY at, id
            """, arguments) { row in
            Verification(id: try row.text(0), change: try row.text(1), at: try row.timestamp(2), by: try row.text(3), smoke: try row.word(4),
                         errorRate: try row.optionalReal(5), baselineErrorRate: try row.optionalReal(6), p99Delta: try row.optionalReal(7),
                         heldMinutes: try row.optionalInt(8), requiredMinutes: try row.int(9))
        }
    }

    /// Writes a verification with whether it is stable, worked out from its measurements.
    static func insert(_ db: some SQLDatabase, _ verification: Verification) throws {
        try db.execute("""
            INSERT INTO verifications (id, change_id, at, by, smoke, error_rate, baseline_error_rate, p99_delta, held_minutes,
                                       required_minutes, stable)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [.text(verification.id), .text(verification.change), SQLValue(verification.at), .text(verification.by),
                  .text(verification.smoke.rawValue), SQLValue(verification.errorRate), SQLValue(verification.baselineErrorRate),
                  SQLValue(verification.p99Delta), SQLValue(verification.heldMinutes), SQLValue(verification.requiredMinutes),
                  SQLValue(verification.isStable)])
    }
}

enum AnnouncementRows {
    /// Every announcement, oldest first.
    static func fetchAll(_ db: some SQLDatabase) throws -> [SentAnnouncement] {
        try db.rows("SELECT id, change_id, at, by, webhook, text FROM announcements ORDER BY at, id") { row in
            SentAnnouncement(id: try row.text(0), change: try row.text(1), at: try row.timestamp(2), by: try row.text(3),
                         webhook: try row.text(4), text: try row.text(5))
        }
    }

    static func insert(_ db: some SQLDatabase, _ announcement: SentAnnouncement) throws {
        try db.execute("INSERT INTO announcements (id, change_id, at, by, webhook, text) VALUES (?, ?, ?, ?, ?, ?)",
                       [.text(announcement.id), .text(announcement.change), SQLValue(announcement.at), .text(announcement.by),
                        .text(announcement.webhook), .text(announcement.text)])
    }
}
