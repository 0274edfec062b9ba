import CabinetModel
/// A store kept in an SQL database. Every `Store` operation is written once here, over any
/// engine that runs the shared SQL: SQLite through GRDB, PostgreSQL through postgres-nio.
public protocol SQLStore: Store {
    associatedtype Connection: SQLDatabase
    /// Runs `body` on a consistent snapshot and turns any failure into a one-line `CabinetError`.
    func reading<T>(_ body: (Connection) throws -> T) throws(CabinetError) -> T
    /// Runs `body` in a write transaction that serializes with every other writer, so a record
    /// checked and then written cannot be lost to a concurrent writer; all or nothing.
    func writing<T>(_ body: (Connection) throws -> T) throws(CabinetError) -> T
    /// A write transaction of many rows in small statements (a streamed import): as `writing`,
    /// tuned for them where the engine gains by it; a log kept beside the file is emptied into
    /// it after the commit.
    func writingMany<T>(_ body: (Connection) throws -> T) throws(CabinetError) -> T
    /// A write transaction of whole tables (the demo, a copy): as `writing`, with a cache for many
    /// rows where the engine has one; the log is emptied after the commit, as `writingMany` does.
    func writingInBulk<T>(_ body: (Connection) throws -> T) throws(CabinetError) -> T
    /// A write transaction that copies whole tables in, rows and derived columns as they were.
    func writingCopy<T>(_ body: (Connection) throws -> T) throws(CabinetError) -> T
    /// Refuses `action` to `person` where the store checks roles itself; a store whose database
    /// enforces the roles (PostgreSQL) leaves it to the database.
    func authorize(_ action: GuardedAction, by person: String, _ db: Connection, refusal: CabinetError?) throws
    /// Who runs this write, as the store can tell: the database login, or the system user of an SQLite file.
    func recorder(_ db: Connection) throws -> String
    /// Whether `person` may do what only a chair may (every person, where no roles are named).
    func isChair(_ person: String, _ db: Connection) throws -> Bool
    /// The roles the store keeps itself, by name; none where the database keeps them as logins.
    func teamRoles(_ db: Connection) throws -> [TeamMember]
    /// Writes imported roles; refused where the database keeps them as logins.
    func importRoles(_ members: [TeamMember], _ db: Connection) throws
    /// Replaces the roles the store keeps itself with `members` (a copy); false, with nothing
    /// written, where the database keeps roles as logins.
    func replaceRoles(_ members: [TeamMember], _ db: Connection) throws -> Bool
}

/// What only some roles may do.
public enum GuardedAction: Sendable {
    case recordDecisions
    case editOthersChanges
    case meetConditions
    case changeFreezes
    case recordPIRs

    public var refusal: CabinetError {
        switch self {
        case .recordDecisions: .forbidden("only a chair can record decisions")
        case .editOthersChanges: .forbidden("only a change's owner or a chair can edit it")
        case .meetConditions: .forbidden("only a chair can record that conditions are met")
        case .changeFreezes: .forbidden("only a chair can change freezes")
        case .recordPIRs: .forbidden("only a chair can record a post-implementation review")
        }
    }
}

/// The roles of a team: everyone reads; members submit changes and edit their own; chairs
/// record decisions and run the meeting.
public enum TeamRole: String, Vocabulary {
    case reader, member, chair
}

extension SQLStore {
    public func writingMany<T>(_ body: (Connection) throws -> T) throws(CabinetError) -> T { try writing(body) }
    public func writingInBulk<T>(_ body: (Connection) throws -> T) throws(CabinetError) -> T { try writingMany(body) }
    public func writingCopy<T>(_ body: (Connection) throws -> T) throws(CabinetError) -> T { try writingInBulk(body) }
    public func authorize(_ action: GuardedAction, by person: String, _ db: Connection, refusal: CabinetError? = nil) throws {}
    public func teamRoles(_ db: Connection) throws -> [TeamMember] { [] }
    public func replaceRoles(_ members: [TeamMember], _ db: Connection) throws -> Bool { false }

    public func importRoles(_ members: [TeamMember], _ db: Connection) throws {
        guard let first = members.first else { return }
        throw CabinetError.refused("this store keeps roles as database logins: grant \(first.name) and the others with cab admin grant")
    }

    func authorize(_ action: GuardedAction, by person: String, _ db: Connection) throws {
        try authorize(action, by: person, db, refusal: nil)
    }

    public func change(id: String) throws(CabinetError) -> Change? {
        try reading { db in try ChangeRows.fetch(db, where: "id = ?", arguments: [.text(id)]).first }
    }

    public func changes(matching filter: ChangeFilter) throws(CabinetError) -> [Change] {
        var conditions: [String] = []
        var arguments: [SQLValue] = []
        if let route = filter.route { conditions.append("route = ?"); arguments.append(.text(route.rawValue)) }
        if let state = filter.state { conditions.append("state = ?"); arguments.append(.text(state.rawValue)) }
        if let since = filter.submittedSince { conditions.append("submitted_at >= ?"); arguments.append(SQLValue(since)) }
        let whereClause = conditions.isEmpty ? "TRUE" : conditions.joined(separator: " AND ")
        return try reading { db in
            try ChangeRows.fetch(db, where: whereClause, arguments: arguments, order: "submitted_at DESC, id", limit: filter.limit)
        }
    }

    public func decisions(forChange id: String) throws(CabinetError) -> [Decision] {
        try reading { db in try DecisionRows.fetch(db, where: "change_id = ?", arguments: [.text(id)]) }
    }

    public func incidents(causedBy changeID: String) throws(CabinetError) -> [Incident] {
        try reading { db in
            try IncidentRows.fetch(db, where: "id IN (SELECT incident_id FROM incident_causes WHERE change_id = ?)", arguments: [.text(changeID)])
        }
    }

    public func services() throws(CabinetError) -> [Service] {
        try reading { db in try ServiceRows.fetchAll(db) }
    }

    public func exportDocument() throws(CabinetError) -> InterchangeDocument {
        try reading { db in
            var document = InterchangeDocument(
                services: try ServiceRows.fetchAll(db),
                changes: try ChangeRows.fetch(db, where: "TRUE", arguments: [], order: "submitted_at, id")
                    .map { SubmittedChange(change: $0, statedRoute: $0.route, statedState: $0.state) },
                decisions: try DecisionRows.fetchInOrder(db),
                incidents: try IncidentRows.fetch(db, where: "TRUE", arguments: []))
            document.meetings = try MeetingRows.fetchAll(db)
            document.conditionsMet = try ConditionRows.fetchMet(db)
            document.freezes = try FreezeRows.fetchRecords(db)
            document.verifications = try VerificationRows.fetch(db, where: "TRUE")
            document.announcements = try AnnouncementRows.fetchAll(db)
            document.actionItems = try ActionItemRows.fetch(db, where: "TRUE").sorted { ($0.openedAt, $0.id) < ($1.openedAt, $1.id) }
            document.reviews = try ReviewRows.fetch(db, where: "TRUE").sorted { ($0.openedAt, $0.incident) < ($1.openedAt, $1.incident) }
            document.pirs = try PIRRows.fetch(db, where: "TRUE")
            document.sourceLinks = try SourceLinkRows.fetch(db, where: "TRUE")
            document.riskCalibrations = try RiskRows.fetch(db)
            document.roles = try teamRoles(db)
            document.settings.riskThreshold = try RiskRows.threshold(db)
            return document
        }
    }

    public func queue(on day: Timestamp, now: Timestamp) throws(CabinetError) -> [QueueEntry] {
        try assessedIfCurrent(try unassessedQueue(on: day, now: now), day: day, now: now)
    }

    /// Entries with their risk assessment, unless the day is history.
    func assessedIfCurrent(_ entries: [QueueEntry], day: Timestamp, now: Timestamp) throws(CabinetError) -> [QueueEntry] {
        QueueDay.isPast(day, now: now) ? entries : try assessed(entries, now: now)
    }

    /// The day's queue without the risk assessment of each entry.
    func unassessedQueue(on day: Timestamp, now: Timestamp) throws(CabinetError) -> [QueueEntry] {
        try reading { db in try QueueDay.unassessedQueue(db, on: day, now: now) }
    }

    /// A value of the `meta` table (for instance, what made this database).
    public func meta(_ key: String) throws(CabinetError) -> String? {
        try reading { db in try db.firstRow("SELECT value FROM meta WHERE key = ?", [.text(key)]) { try $0.text(0) } }
    }

    /// How many rows each table holds, by table name: what a copy between stores must keep.
    public func rowCounts() throws(CabinetError) -> [String: Int] {
        try reading { db in
            var counts: [String: Int] = [:]
            for table in StoreTables.all { counts[table.name] = Int(try db.integer("SELECT COUNT(*) FROM \(table.name)") ?? 0) }
            return counts
        }
    }
}

/// The agenda of a UTC day, read through one connection so a write transaction can decide on
/// what it read.
enum QueueDay {
    /// A day that ended before `now`: its queue is history, and risk is assessed only for the
    /// changes still ahead of the board.
    static func isPast(_ day: Timestamp, now: Timestamp) -> Bool { day.startOfDay.adding(days: 1) <= now }

    /// The board's changes waiting on the day (not before the meeting their source plans them
    /// for, see `SourceLink.meeting`) and those decided on it, then the emergencies back for review.
    static func unassessedQueue(_ db: some SQLDatabase, on day: Timestamp, now: Timestamp) throws -> [QueueEntry] {
        let start = day.startOfDay, end = day.startOfDay.adding(days: 1)
        let waitingToo = !isPast(day, now: now)
        let readinessTime = waitingToo ? now : start
        let changes = try ChangeRows.fetch(
            db,
            // Two index ranges joined by UNION (an OR across them would walk every board change);
            // `withoutIndex` keeps the second on the day's decisions rather than on every board change.
            where: """
                id IN (
                    SELECT id FROM changes WHERE ? = 1 AND route = 'cab' AND state = 'authorize' AND submitted_at < ?
                    AND id NOT IN (SELECT change_id FROM source_links WHERE meeting_date > ?)
                    UNION
                    SELECT d.change_id FROM decisions d JOIN changes c ON c.id = d.change_id
                    WHERE d.at >= ? AND d.at < ? AND \(db.dialect.withoutIndex("c.route")) = 'cab')
                """,
            arguments: [SQLValue(waitingToo), SQLValue(end), .text(start.day), SQLValue(start), SQLValue(end)],
            order: "submitted_at, id")
        // Each change's latest decision before the day's end (decisions come by time: the last
        // one read), for all of them at once.
        let latestDecisions = try IDList.read(changes.map(\.id), by: \.change) { list in
            try DecisionRows.fetch(db, where: "change_id IN (\(list.placeholders)) AND at < ?", arguments: list.values + [SQLValue(end)])
        }
        let decided = changes.compactMap { change -> QueueEntry? in
            let latest = latestDecisions[change.id]
            // A change deferred on an earlier day to a later meeting is not on this day's queue.
            if let latest, latest.outcome == .deferred, latest.at < start, !latest.returnsToBoard(on: start.day) { return nil }
            return QueueEntry(change: change, now: readinessTime, latestDecision: latest)
        }
        // Emergencies that shipped since the previous meeting come back after the normal items.
        return decided + (try PIRRows.agendaEntries(db, dayStart: start, now: now, readinessTime: readinessTime))
    }
}

extension SQLStore {
    /// The decision log as it stands: how many decisions and the last hash of the chain.
    public func decisionLog() throws(CabinetError) -> DecisionChain.Head {
        try reading { db in try DecisionChainRows.head(db) }
    }

    /// Walks the decision chain (see `DecisionChain`); with `expected`, also whether the chain
    /// still passes through that hash, printed earlier.
    public func auditDecisionLog(expecting expected: String?) throws(CabinetError) -> ChainAudit {
        try reading { db in try DecisionChainRows.audit(db, expecting: expected) }
    }
}

extension SQLStore {
    /// The next free id of the form `CHG-0000042`, for a change submitted without one.
    public func nextChangeID() throws(CabinetError) -> String {
        try reading { db in
            let highest = try db.strings("SELECT id FROM changes WHERE id LIKE 'CHG-%' AND LENGTH(id) = 11 ORDER BY id DESC LIMIT 1").first
            var number = highest.flatMap { Int($0.dropFirst(4)) } ?? 0
            var id: String
            repeat {
                number += 1
                id = "CHG-" + zeroPadded(number, width: 7)
            } while try db.integer("SELECT 1 FROM changes WHERE id = ?", [.text(id)]) != nil
            return id
        }
    }
}
