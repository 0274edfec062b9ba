import CabinetModel

extension SQLStore {
    /// Blameless reviews, open ones first, oldest first; closed ones too when asked.
    public func reviews(includingClosed: Bool) throws(CabinetError) -> [Review] {
        try reading { db in try ReviewRows.fetch(db, where: includingClosed ? "TRUE" : "closed_at IS NULL") }
    }

    /// The review of `incident`, if one was opened.
    public func review(incident: String) throws(CabinetError) -> Review? {
        try reading { db in try ReviewRows.fetch(db, where: "incident_id = ?", [.text(incident)]).first }
    }

    /// The incident `id`, with its causes and services.
    public func incident(id: String) throws(CabinetError) -> Incident? {
        try reading { db in try IncidentRows.fetch(db, where: "id = ?", arguments: [.text(id)]).first }
    }

    /// Incidents blamed on a change the board approved that have no review: history imported
    /// older than the opening window, listed rather than opened in bulk. Each with the change blamed.
    public func incidentsNotReviewed() throws(CabinetError) -> [(incident: String, change: String)] {
        try reading { db in
            try db.namedRows("""
                SELECT i.id AS incident_id, (\(ReviewRows.blamedChange)) AS change_id FROM incidents i
                WHERE NOT EXISTS (SELECT 1 FROM reviews r WHERE r.incident_id = i.id) AND (\(ReviewRows.blamedChange)) IS NOT NULL
                ORDER BY i.opened_at, i.id
                """) { row in (incident: try row.text("incident_id"), change: try row.text("change_id")) }
        }
    }

    /// Records the reviewer's answers on an open review and closes it.
    public func closeReview(_ answers: Review, by: String, at time: Timestamp) throws(CabinetError) -> Review {
        try writing { db in
            guard var review = try ReviewRows.fetch(db, where: "incident_id = ?", [.text(answers.incident)]).first else {
                throw CabinetError.notFound(kind: "review of incident", id: answers.incident)
            }
            guard review.isOpen else {
                throw CabinetError.refused("the review of \(review.incident) was already closed by \(review.closedBy ?? "someone") at \(review.closedAt?.iso8601 ?? "")")
            }
            review.rollbackWorked = answers.rollbackWorked; review.rollbackMinutesTaken = answers.rollbackMinutesTaken
            review.verificationCaught = answers.verificationCaught; review.note = answers.note
            review.closedAt = time; review.closedBy = by
            try ReviewRows.check(review)
            try db.execute("""
                UPDATE reviews SET rollback_worked = ?, rollback_minutes_taken = ?, verification_caught = ?, note = ?, closed_at = ?, closed_by = ?
                WHERE incident_id = ?
                """, [SQLValue(review.rollbackWorked), SQLValue(review.rollbackMinutesTaken), SQLValue(review.verificationCaught),
                      SQLValue(review.note), SQLValue(time), .text(by), .text(review.incident)])
            return review
        }
    }
}

/// Blameless reviews as rows of `reviews`.
enum ReviewRows {
    static let columns = "incident_id, change_id, opened_at, rollback_worked, rollback_minutes_taken, verification_caught, note, closed_at, closed_by"

    /// The first change (in the incident's order) of the incident `i` that the board approved.
    static let blamedChange = """
        SELECT c.id FROM incident_causes ic JOIN changes c ON c.id = ic.change_id
        WHERE ic.incident_id = i.id AND c.route = 'cab' AND c.approved_at IS NOT NULL ORDER BY ic.position LIMIT 1
        """

    static func fetch(_ db: some SQLDatabase, where condition: String, _ arguments: [SQLValue] = []) throws -> [Review] {
        try db.namedRows("SELECT \(columns) FROM reviews WHERE \(condition) ORDER BY closed_at IS NOT NULL, opened_at, incident_id", arguments) { row in
            Review(incident: try row.text("incident_id"), change: try row.text("change_id"), openedAt: try row.timestamp("opened_at"),
                   rollbackWorked: try row.optionalBool("rollback_worked"), rollbackMinutesTaken: try row.optionalInt("rollback_minutes_taken"),
                   verificationCaught: try row.optionalBool("verification_caught"), note: try row.optionalText("note"),
                   closedAt: try row.optionalTimestamp("closed_at"), closedBy: try row.optionalText("closed_by"))
        }
    }

    static func insert(_ db: some SQLDatabase, _ review: Review, recordedBy recorder: String) throws {
        try db.execute("INSERT INTO reviews (\(columns), recorded_by) VALUES (\(placeholders(10)))", [
            .text(review.incident), .text(review.change), SQLValue(review.openedAt), SQLValue(review.rollbackWorked),
            SQLValue(review.rollbackMinutesTaken), SQLValue(review.verificationCaught), SQLValue(review.note),
            SQLValue(review.closedAt), SQLValue(review.closedBy), .text(recorder),
        ])
    }

    /// Opens a review for each of `incidents` blamed on a change the board approved, that opened
    /// within the window before `now` and has none yet; written in the incidents' transaction.
    /// The incidents are looked up 500 to a query.
    static func open(_ db: some SQLDatabase, for incidents: [Incident], now: Timestamp, recordedBy recorder: String) throws {
        let since = now.adding(days: -Review.openingWindowDays)
        let recent = incidents.filter { $0.openedAt >= since }
        let blamed = try IDList.read(recent.map(\.id), by: { $0.incident }) { list in
            try db.namedRows("""
                SELECT i.id, (\(blamedChange)) AS change_id FROM incidents i WHERE i.id IN (\(list.placeholders))
                AND NOT EXISTS (SELECT 1 FROM reviews r WHERE r.incident_id = i.id) AND (\(blamedChange)) IS NOT NULL
                """, list.values) { row in (incident: try row.text("id"), change: try row.text("change_id")) }
        }
        for incident in recent {
            guard let change = blamed[incident.id]?.change else { continue }
            try insert(db, Review(incident: incident.id, change: change, openedAt: now), recordedBy: recorder)
        }
    }

    /// What a review says, checked as every way in checks it: the field at fault and why.
    static func problem(_ review: Review) -> (field: String, problem: String)? {
        if let problem = FieldText.firstProblem(in: [("closedBy", review.closedBy, .short), ("note", review.note, .long)]) { return problem }
        if let minutes = review.rollbackMinutesTaken, minutes < 0 { return ("rollbackMinutesTaken", "\(minutes) is not a number of minutes (0 or more)") }
        if review.closedAt == nil, review.closedBy != nil { return ("closedAt", "a closed review says when it was closed") }
        return nil
    }

    static func check(_ review: Review) throws(CabinetError) {
        if let (field, problem) = problem(review) { throw .invalidArgument(name: "--\(field)", problem: problem) }
    }
}
