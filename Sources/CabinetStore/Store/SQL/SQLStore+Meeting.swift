import CabinetModel
extension SQLStore {
    public func boardSnapshot(on day: Timestamp, now: Timestamp) throws(CabinetError) -> BoardSnapshot {
        let date = day.day
        let meeting = try reading { db in try MeetingRows.fetch(db, date: date) }
        guard let meeting, meeting.agendaFrozenAt != nil else {
            return BoardSnapshot(day: date, meeting: meeting, agenda: try queue(on: day, now: now), late: [])
        }
        let agenda = try reading { db in
            let changes = Dictionary(uniqueKeysWithValues: try ChangeRows.fetch(db, where: "id IN (\(MeetingRows.agendaChanges))", arguments: [.text(date)])
                .map { ($0.id, $0) })
            let latest = try DecisionRows.fetch(db, where: "change_id IN (\(MeetingRows.agendaChanges))", arguments: [.text(date)])
                .reduce(into: [String: Decision]()) { $0[$1.change] = $1 }
            let reviews = try PIRRows.reviews(db, of: meeting.items.map(\.change))
            return meeting.items.compactMap { item in
                changes[item.change].map { QueueEntry(change: $0, now: now, latestDecision: latest[item.change], pir: reviews[item.change]) }
            }
        }
        // Late changes matter only while the board can still take them.
        guard !QueueDay.isPast(day, now: now) else { return BoardSnapshot(day: date, meeting: meeting, agenda: agenda, late: []) }
        let onAgenda = Set(meeting.items.map(\.change))
        let late = try unassessedQueue(on: day, now: now)
            .filter { !onAgenda.contains($0.change.id) && $0.latestDecision.map { $0.returnsToBoard(on: date) } ?? true }
        let assessed = try assessed(agenda + late, now: now)
        return BoardSnapshot(day: date, meeting: meeting, agenda: Array(assessed.prefix(agenda.count)), late: Array(assessed.dropFirst(agenda.count)))
    }

    public func decisions(forAgendaOn day: String) throws(CabinetError) -> [Decision] {
        try reading { db in try DecisionRows.fetch(db, where: "change_id IN (\(MeetingRows.agendaChanges))", arguments: [.text(day)]) }
    }

    public func openMeeting(_ meeting: Meeting) throws(CabinetError) -> Meeting {
        try writing { db in try MeetingRows.openIfNeeded(db, meeting) }
    }

    public func startMeeting(on day: String, at time: Timestamp, opening: Meeting?) throws(CabinetError) {
        let dayStart = try MeetingRows.dayStart(day)
        try writing { db in
            if let opening { try MeetingRows.openIfNeeded(db, opening) }
            guard let meeting = try MeetingRows.fetch(db, date: day) else { throw CabinetError.notFound(kind: "meeting on", id: day) }
            guard meeting.agendaFrozenAt == nil else { return }
            // Read under the write lock: a decision recorded elsewhere meanwhile keeps its change off.
            let waiting = try QueueDay.unassessedQueue(db, on: dayStart, now: time).filter { entry in
                entry.change.submittedAt <= time && entry.latestDecision.map { $0.returnsToBoard(on: day) } ?? true
            }
            try db.execute("UPDATE meetings SET started_at = ?, agenda_frozen_at = ? WHERE date = ?", [SQLValue(time), SQLValue(time), .text(day)])
            for (position, entry) in waiting.enumerated() {
                try db.execute("INSERT INTO agenda_items (meeting_date, change_id, position) VALUES (?, ?, ?)",
                               [.text(day), .text(entry.change.id), SQLValue(position)])
            }
        }
    }

    public func endMeeting(on day: String, at time: Timestamp) throws(CabinetError) {
        try writing { db in
            if let meeting = try MeetingRows.fetch(db, date: day) {
                let open = meeting.items.filter { $0.startedAt != nil && $0.endedAt == nil }
                try MeetingRows.clock(db, open.map { ClockStep(.end, $0.change) }, on: day, at: time)
            }
            try db.execute("UPDATE meetings SET ended_at = ? WHERE date = ? AND ended_at IS NULL", [SQLValue(time), .text(day)])
        }
    }

    public func clock(_ steps: [ClockStep], on day: String, at time: Timestamp) throws(CabinetError) {
        try writing { db in try MeetingRows.clock(db, steps, on: day, at: time) }
    }

    public func record(_ decision: Decision, clocks steps: [ClockStep], on day: String) throws(CabinetError) {
        try writing { db in
            try record(decision, db)
            try MeetingRows.clock(db, steps, on: day, at: decision.at)
        }
    }

    public func setAttendance(on day: String, name: String, role: AttendeeRole, present: Bool, opening: Meeting?) throws(CabinetError) {
        try writing { db in
            if let opening { try MeetingRows.openIfNeeded(db, opening) }
            guard try MeetingRows.fetch(db, date: day) != nil else { throw CabinetError.notFound(kind: "meeting on", id: day) }
            try db.execute("""
                INSERT INTO meeting_attendees (meeting_date, name, role, present) VALUES (?, ?, ?, ?)
                ON CONFLICT (meeting_date, name) DO UPDATE SET role = excluded.role, present = excluded.present
                """, [.text(day), .text(name), .text(role.rawValue), SQLValue(present)])
        }
    }
}

enum MeetingRows {
    /// The day's meeting, opened as `meeting` says if nobody has yet.
    @discardableResult
    static func openIfNeeded(_ db: some SQLDatabase, _ meeting: Meeting) throws -> Meeting {
        if let existing = try fetch(db, date: meeting.date) { return existing }
        try insert(db, meeting)
        return meeting
    }

    /// Applies `steps` to the day's agenda items in order; a step that does not apply changes nothing.
    static func clock(_ db: some SQLDatabase, _ steps: [ClockStep], on day: String, at time: Timestamp) throws {
        guard !steps.isEmpty else { return }
        guard let meeting = try fetch(db, date: day) else { throw CabinetError.notFound(kind: "meeting on", id: day) }
        var items = Dictionary(uniqueKeysWithValues: meeting.items.map { ($0.change, $0) })
        for step in steps {
            guard let item = items[step.change] else { throw CabinetError.refused("\(step.change) is not on the agenda of \(day)") }
            guard let updated = item.applying(step.action, at: time) else { continue }
            items[step.change] = updated
            try db.execute("""
                UPDATE agenda_items SET started_at = ?, paused_at = ?, paused_total_ms = ?, ended_at = ?
                WHERE meeting_date = ? AND change_id = ?
                """, [SQLValue(updated.startedAt), SQLValue(updated.pausedAt), SQLValue(updated.pausedTotalMilliseconds),
                      SQLValue(updated.endedAt), .text(day), .text(step.change)])
        }
    }

    /// The ids of the changes on a day's agenda (bound to the day).
    static let agendaChanges = "SELECT change_id FROM agenda_items WHERE meeting_date = ?"

    static func fetch(_ db: some SQLDatabase, date: String) throws -> Meeting? {
        guard var meeting = try db.namedRows(
            "SELECT chair, item_minutes, started_at, agenda_frozen_at, ended_at FROM meetings WHERE date = ?", [.text(date)], { row in
                Meeting(date: date, chair: try row.text("chair"), itemMinutes: try row.int("item_minutes"), startedAt: try row.optionalTimestamp("started_at"),
                        agendaFrozenAt: try row.optionalTimestamp("agenda_frozen_at"), endedAt: try row.optionalTimestamp("ended_at"), attendees: [], items: [])
            }).first else { return nil }
        meeting.attendees = try db.namedRows(
            "SELECT name, role, present, speaks_for FROM meeting_attendees WHERE meeting_date = ? ORDER BY \(db.dialect.insertionOrder)",
            [.text(date)]) { row in
            Attendee(name: try row.text("name"), role: try row.word("role"), present: try row.optionalBool("present"),
                     speaksFor: try row.optionalText("speaks_for"))
        }
        meeting.items = try db.namedRows("""
            SELECT change_id, position, started_at, paused_at, paused_total_ms, ended_at, added_reason, added_by, notes FROM agenda_items
            WHERE meeting_date = ? ORDER BY position, change_id
            """, [.text(date)]) { row in
            AgendaItem(change: try row.text("change_id"), position: try row.int("position"), startedAt: try row.optionalTimestamp("started_at"),
                       pausedAt: try row.optionalTimestamp("paused_at"), pausedTotalMilliseconds: try row.integer("paused_total_ms"),
                       endedAt: try row.optionalTimestamp("ended_at"), addedReason: try row.optionalText("added_reason"),
                       addedBy: try row.optionalText("added_by"), notes: try row.optionalText("notes"))
        }
        return meeting
    }

    /// Every meeting, by date, with its attendees and agenda.
    static func fetchAll(_ db: some SQLDatabase) throws -> [Meeting] {
        try db.strings("SELECT date FROM meetings ORDER BY date", []).compactMap { try fetch(db, date: $0) }
    }

    /// Writes a whole meeting: its row, attendees and agenda items with their clocks.
    static func insert(_ db: some SQLDatabase, _ meeting: Meeting) throws {
        try db.execute("INSERT INTO meetings (date, chair, item_minutes, started_at, agenda_frozen_at, ended_at) VALUES (?, ?, ?, ?, ?, ?)",
                       [.text(meeting.date), .text(meeting.chair), SQLValue(meeting.itemMinutes), SQLValue(meeting.startedAt),
                        SQLValue(meeting.agendaFrozenAt), SQLValue(meeting.endedAt)])
        for attendee in meeting.attendees {
            try db.execute("INSERT INTO meeting_attendees (meeting_date, name, role, present, speaks_for) VALUES (?, ?, ?, ?, ?)",
                           [.text(meeting.date), .text(attendee.name), .text(attendee.role.rawValue), SQLValue(attendee.present),
                            SQLValue(attendee.speaksFor)])
        }
        for item in meeting.items {
            try db.execute("""
                INSERT INTO agenda_items (meeting_date, change_id, position, started_at, paused_at, paused_total_ms, ended_at, added_reason, added_by, notes)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [.text(meeting.date), .text(item.change), SQLValue(item.position), SQLValue(item.startedAt), SQLValue(item.pausedAt),
                      SQLValue(item.pausedTotalMilliseconds), SQLValue(item.endedAt), SQLValue(item.addedReason), SQLValue(item.addedBy),
                      SQLValue(item.notes)])
        }
    }

    static func dayStart(_ day: String) throws(CabinetError) -> Timestamp {
        do { return try Timestamp(dayOrInstant: day) } catch { throw .invalidArgument(name: "date", problem: error.description) }
    }
}
