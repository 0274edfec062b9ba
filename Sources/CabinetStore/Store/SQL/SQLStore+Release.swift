import CabinetModel
extension SQLStore {
    public func record(_ verification: Verification) throws(CabinetError) {
        try writing { db in
            guard try ChangeRows.fetch(db, where: "id = ?", arguments: [.text(verification.change)]).first != nil else {
                throw CabinetError.notFound(kind: "change", id: verification.change)
            }
            try VerificationRows.insert(db, verification, recordedBy: try recorder(db))
        }
    }

    /// A change's verifications, oldest first.
    public func verifications(forChange id: String) throws(CabinetError) -> [Verification] {
        try reading { db in try VerificationRows.fetch(db, where: "change_id = ?", [.text(id)]) }
    }

    /// Records an announcement that reached its webhook.
    public func recordAnnouncement(id: String, change: String, at time: Timestamp, by: String, webhook: String, text: String) throws(CabinetError) {
        try writing { db in
            try AnnouncementRows.insert(db, SentAnnouncement(id: id, change: change, at: time, by: by, webhook: webhook, text: text), recordedBy: try recorder(db))
        }
    }
}

enum VerificationRows {
    /// Verifications matching `condition`, oldest first.
    static func fetch(_ db: some SQLDatabase, where condition: String, _ arguments: [SQLValue] = []) throws -> [Verification] {
        try db.namedRows("""
            SELECT id, change_id, at, by, smoke, error_rate, baseline_error_rate, p99_delta, held_minutes, required_minutes
            FROM verifications WHERE \(condition) ORDER BY at, id
            """, arguments) { row in
            Verification(id: try row.text("id"), change: try row.text("change_id"), at: try row.timestamp("at"), by: try row.text("by"),
                         smoke: try row.word("smoke"), errorRate: try row.optionalReal("error_rate"),
                         baselineErrorRate: try row.optionalReal("baseline_error_rate"), p99Delta: try row.optionalReal("p99_delta"),
                         heldMinutes: try row.optionalInt("held_minutes"), requiredMinutes: try row.int("required_minutes"))
        }
    }

    /// Writes a verification with whether it is stable, worked out from its measurements.
    static func insert(_ db: some SQLDatabase, _ verification: Verification, recordedBy recorder: String) throws {
        try db.execute("""
            INSERT INTO verifications (id, change_id, at, by, smoke, error_rate, baseline_error_rate, p99_delta, held_minutes,
                                       required_minutes, stable, recorded_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [.text(verification.id), .text(verification.change), SQLValue(verification.at), .text(verification.by),
                  .text(verification.smoke.rawValue), SQLValue(verification.errorRate), SQLValue(verification.baselineErrorRate),
                  SQLValue(verification.p99Delta), SQLValue(verification.heldMinutes), SQLValue(verification.requiredMinutes),
                  SQLValue(verification.isStable), .text(recorder)])
    }
}

enum AnnouncementRows {
    /// Every announcement, oldest first.
    static func fetchAll(_ db: some SQLDatabase) throws -> [SentAnnouncement] {
        try db.namedRows("SELECT id, change_id, at, by, webhook, text FROM announcements ORDER BY at, id") { row in
            SentAnnouncement(id: try row.text("id"), change: try row.text("change_id"), at: try row.timestamp("at"), by: try row.text("by"),
                             webhook: try row.text("webhook"), text: try row.text("text"))
        }
    }

    static func insert(_ db: some SQLDatabase, _ announcement: SentAnnouncement, recordedBy recorder: String) throws {
        try db.execute("INSERT INTO announcements (id, change_id, at, by, webhook, text, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
                       [.text(announcement.id), .text(announcement.change), SQLValue(announcement.at), .text(announcement.by),
                        .text(announcement.webhook), .text(announcement.text), .text(recorder)])
    }
}
