import GRDB

extension SQLiteStore {
    public func boardSnapshot(on day: Timestamp, now: Timestamp) throws(CabinetError) -> BoardSnapshot {
        let date = day.day
        let meeting = try reading { db in try MeetingRows.fetch(db, date: date) }
        guard let meeting, meeting.agendaFrozenAt != nil else {
            return BoardSnapshot(day: date, meeting: meeting, agenda: try queue(on: day, now: now), late: [])
        }
        let agenda = try reading { db in
            let changes = Dictionary(uniqueKeysWithValues: try ChangeRows.fetch(db, where: "id IN (\(Self.agendaChanges))", arguments: [date])
                .map { ($0.id, $0) })
            let latest = try DecisionRows.fetch(db, where: "change_id IN (\(Self.agendaChanges))", arguments: [date])
                .reduce(into: [String: Decision]()) { $0[$1.change] = $1 }
            return meeting.items.compactMap { item in
                changes[item.change].map { QueueEntry(change: $0, now: now, latestDecision: latest[item.change]) }
            }
        }
        // Late changes matter only while the board can still take them.
        guard !Self.isPast(day, now: now) else { return BoardSnapshot(day: date, meeting: meeting, agenda: agenda, late: []) }
        let onAgenda = Set(meeting.items.map(\.change))
        let late = try unassessedQueue(on: day, now: now)
            .filter { !onAgenda.contains($0.change.id) && $0.latestDecision.map { $0.outcome == .deferred } ?? true }
        let assessed = try assessed(agenda + late, now: now)
        return BoardSnapshot(day: date, meeting: meeting, agenda: Array(assessed.prefix(agenda.count)), late: Array(assessed.dropFirst(agenda.count)))
    }

    /// The ids of the changes on a day's agenda (bound to the day).
    private static let agendaChanges = "SELECT change_id FROM agenda_items WHERE meeting_date = ?"

    public func decisions(forAgendaOn day: String) throws(CabinetError) -> [Decision] {
        try reading { db in try DecisionRows.fetch(db, where: "change_id IN (\(Self.agendaChanges))", arguments: [day]) }
    }

    public func openMeeting(_ meeting: Meeting) throws(CabinetError) -> Meeting {
        try writing { db in
            if let existing = try MeetingRows.fetch(db, date: meeting.date) { return existing }
            try MeetingRows.insert(db, meeting)
            return meeting
        }
    }

    public func startMeeting(on day: String, at time: Timestamp) throws(CabinetError) {
        let dayStart = try Self.dayStart(day)
        try writing { db in
            guard let meeting = try MeetingRows.fetch(db, date: day) else { throw CabinetError.notFound(kind: "meeting on", id: day) }
            guard meeting.agendaFrozenAt == nil else { return }
            // Read under the write lock: a decision recorded elsewhere meanwhile keeps its change off.
            let waiting = try Self.unassessedQueue(db, on: dayStart, now: time).filter { entry in
                entry.change.submittedAt <= time && entry.latestDecision.map { $0.outcome == .deferred } ?? true
            }
            try db.execute(sql: "UPDATE meetings SET started_at = ?, agenda_frozen_at = ? WHERE date = ?",
                           arguments: [time.milliseconds, time.milliseconds, day])
            for (position, entry) in waiting.enumerated() {
                try db.execute(sql: "INSERT INTO agenda_items (meeting_date, change_id, position) VALUES (?, ?, ?)",
                               arguments: [day, entry.change.id, position])
            }
        }
    }

    public func endMeeting(on day: String, at time: Timestamp) throws(CabinetError) {
        try writing { db in
            try db.execute(sql: "UPDATE meetings SET ended_at = ? WHERE date = ? AND ended_at IS NULL", arguments: [time.milliseconds, day])
        }
    }

    public func clock(_ action: ClockAction, change: String, on day: String, at time: Timestamp) throws(CabinetError) {
        try writing { db in
            guard let meeting = try MeetingRows.fetch(db, date: day) else { throw CabinetError.notFound(kind: "meeting on", id: day) }
            guard let item = meeting.items.first(where: { $0.change == change }) else {
                throw CabinetError.refused("\(change) is not on the agenda of \(day)")
            }
            guard let updated = item.applying(action, at: time) else { return }
            try db.execute(sql: """
                UPDATE agenda_items SET started_at = ?, paused_at = ?, paused_total_ms = ?, ended_at = ?
                WHERE meeting_date = ? AND change_id = ?
                """, arguments: [updated.startedAt?.milliseconds, updated.pausedAt?.milliseconds, updated.pausedTotalMilliseconds,
                                 updated.endedAt?.milliseconds, day, change])
        }
    }

    public func setAttendance(on day: String, name: String, role: AttendeeRole, present: Bool) throws(CabinetError) {
        try writing { db in
            guard try MeetingRows.fetch(db, date: day) != nil else { throw CabinetError.notFound(kind: "meeting on", id: day) }
            try db.execute(sql: """
                INSERT INTO meeting_attendees (meeting_date, name, role, present) VALUES (?, ?, ?, ?)
                ON CONFLICT (meeting_date, name) DO UPDATE SET role = excluded.role, present = excluded.present
                """, arguments: [day, name, role.rawValue, present])
        }
    }

    public func dataVersion() throws(CabinetError) -> Int {
        do {
            // data_version is per connection: ask the one writer connection every time.
            return try pool.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
        } catch {
            throw SQLiteStore.translate(error, path: path)
        }
    }

    private static func dayStart(_ day: String) throws(CabinetError) -> Timestamp {
        do { return try Timestamp(dayOrInstant: day) } catch { throw .invalidArgument(name: "date", problem: error.description) }
    }
}

enum MeetingRows {
    static func fetch(_ db: Database, date: String) throws -> Meeting? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM meetings WHERE date = ?", arguments: [date]) else { return nil }
        let attendees = try Row.fetchAll(db, sql: "SELECT name, role, present FROM meeting_attendees WHERE meeting_date = ? ORDER BY rowid",
                                         arguments: [date]).map { row in
            Attendee(name: row["name"], role: try word(row, "role"), present: row["present"])
        }
        let items = try Row.fetchAll(db, sql: "SELECT * FROM agenda_items WHERE meeting_date = ? ORDER BY position", arguments: [date]).map { row in
            AgendaItem(change: row["change_id"], position: row["position"], startedAt: timestamp(row["started_at"]),
                       pausedAt: timestamp(row["paused_at"]), pausedTotalMilliseconds: row["paused_total_ms"], endedAt: timestamp(row["ended_at"]))
        }
        return Meeting(date: date, chair: row["chair"], itemMinutes: row["item_minutes"], startedAt: timestamp(row["started_at"]),
                       agendaFrozenAt: timestamp(row["agenda_frozen_at"]), endedAt: timestamp(row["ended_at"]),
                       attendees: attendees, items: items)
    }

    private static func timestamp(_ milliseconds: Int64?) -> Timestamp? { milliseconds.map(Timestamp.init(milliseconds:)) }

    /// Writes a whole meeting: its row, attendees and agenda items with their clocks.
    static func insert(_ db: Database, _ meeting: Meeting) throws {
        try db.execute(sql: """
            INSERT INTO meetings (date, chair, item_minutes, started_at, agenda_frozen_at, ended_at) VALUES (?, ?, ?, ?, ?, ?)
            """, arguments: [meeting.date, meeting.chair, meeting.itemMinutes, meeting.startedAt?.milliseconds,
                             meeting.agendaFrozenAt?.milliseconds, meeting.endedAt?.milliseconds])
        for attendee in meeting.attendees {
            try db.execute(sql: "INSERT INTO meeting_attendees (meeting_date, name, role, present) VALUES (?, ?, ?, ?)",
                           arguments: [meeting.date, attendee.name, attendee.role.rawValue, attendee.present])
        }
        for item in meeting.items {
            try db.execute(sql: """
                INSERT INTO agenda_items (meeting_date, change_id, position, started_at, paused_at, paused_total_ms, ended_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [meeting.date, item.change, item.position, item.startedAt?.milliseconds, item.pausedAt?.milliseconds,
                                 item.pausedTotalMilliseconds, item.endedAt?.milliseconds])
        }
    }
}
