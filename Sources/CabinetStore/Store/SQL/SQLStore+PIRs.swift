import CabinetModel

extension SQLStore {
    public func record(_ review: PostImplementationReview, clocks steps: [ClockStep], on day: String) throws(CabinetError) {
        try writing { db in
            guard let change = try ChangeRows.fetch(db, where: "id = ?", arguments: [.text(review.change)]).first else {
                throw CabinetError.notFound(kind: "change", id: review.change)
            }
            let existing = try PIRRows.fetch(db, where: "change_id = ?", [.text(change.id)]).first
            if let existing, existing == review { return }
            if let breach = PIRRules.breach(of: review, on: change, existing: existing) { throw CabinetError.refused("\(change.id): \(breach.sentence)") }
            try authorize(.recordPIRs, by: review.by, db)
            try PIRRows.insert(db, review, recordedBy: try recorder(db))
            try MeetingRows.clock(db, steps, on: day, at: review.at)
        }
    }

    /// Post-implementation reviews recorded, oldest first.
    public func pirs() throws(CabinetError) -> [PostImplementationReview] {
        try reading { db in try PIRRows.fetch(db, where: "TRUE") }
    }
}

/// Post-implementation reviews as rows of `pirs`, and the emergency changes a day's agenda
/// brings back for one.
enum PIRRows {
    static let columns = "change_id, outcome, at, by, meeting_date, note"

    static func fetch(_ db: some SQLDatabase, where condition: String, _ arguments: [SQLValue] = []) throws -> [PostImplementationReview] {
        try db.namedRows("SELECT \(columns) FROM pirs WHERE \(condition) ORDER BY at, change_id", arguments) { row in
            PostImplementationReview(change: try row.text("change_id"), outcome: try row.word("outcome"), at: try row.timestamp("at"),
                                     by: try row.text("by"), meeting: try row.optionalText("meeting_date"), note: try row.optionalText("note"))
        }
    }

    static func insert(_ db: some SQLDatabase, _ review: PostImplementationReview, recordedBy recorder: String) throws {
        try db.execute("INSERT INTO pirs (\(columns), recorded_by) VALUES (\(placeholders(7)))", [
            .text(review.change), .text(review.outcome.rawValue), SQLValue(review.at), .text(review.by), SQLValue(review.meeting),
            SQLValue(review.note), .text(recorder),
        ])
    }

    /// How far back a day's agenda looks for emergencies when no earlier meeting was held.
    static let firstMeetingLookbackDays: Int64 = 7

    /// Where the day's look back for deployed emergencies starts: the start of the day of the
    /// previous meeting, else a week before the day.
    static func since(_ db: some SQLDatabase, dayStart: Timestamp) throws -> Timestamp {
        let previous = try db.strings("SELECT date FROM meetings WHERE date < ? ORDER BY date DESC LIMIT 1", [.text(dayStart.day)]).first
        return try previous.map { try MeetingRows.dayStart($0) } ?? dayStart.adding(days: -firstMeetingLookbackDays)
    }

    /// The emergency changes on the agenda of the day starting at `start` for their review:
    /// deployed (recorded or estimated, see `Deployment`) since the previous meeting, by the
    /// day's end and by `now`, and not reviewed before the day; in the order they were deployed.
    static func agendaEntries(_ db: some SQLDatabase, dayStart start: Timestamp, now: Timestamp, readinessTime: Timestamp) throws -> [QueueEntry] {
        let deployed = Deployment.sqlExpression
        // The day's range of the deployment index; the route steered off its index, which would
        // walk every emergency of the history.
        let changes = try ChangeRows.fetch(db, where: """
            \(db.dialect.withoutIndex("route")) = 'emergency' AND \(deployed) >= ? AND \(deployed) < ? AND \(deployed) <= ?
            AND NOT EXISTS (SELECT 1 FROM pirs p WHERE p.change_id = changes.id AND p.at < ?)
            """, arguments: [SQLValue(try since(db, dayStart: start)), SQLValue(start.adding(days: 1)), SQLValue(now), SQLValue(start)])
        let reviews = try reviews(db, of: changes.map(\.id))
        return changes
            .sorted { ($0.deployment?.at ?? $0.submittedAt, $0.id) < ($1.deployment?.at ?? $1.submittedAt, $1.id) }
            .map { QueueEntry(change: $0, now: readinessTime, latestDecision: nil, pir: reviews[$0.id]) }
    }

    /// The reviews of `changes`, by change.
    static func reviews(_ db: some SQLDatabase, of changes: [String]) throws -> [String: PostImplementationReview] {
        var reviews: [String: PostImplementationReview] = [:]
        for chunk in changes.chunked(500) {
            for review in try fetch(db, where: "change_id IN (\(placeholders(chunk.count)))", chunk.map(SQLValue.text)) { reviews[review.change] = review }
        }
        return reviews
    }

}
