import CabinetModel

extension SQLStore {
    public func addToAgenda(on day: String, change id: String, reason: String, by: String, at time: Timestamp) throws(CabinetError) -> AgendaItem {
        try AgendaRows.check([("reason", reason, .long), ("by", by, .short)])
        guard !reason.isBlank else { throw .invalidArgument(name: "reason", problem: "say why \(id) joins today's meeting") }
        let dayStart = try MeetingRows.dayStart(day)
        return try writing { db in
            let meeting = try AgendaRows.frozenMeeting(db, on: day)
            if meeting.items.contains(where: { $0.change == id }) { throw CabinetError.refused("\(id) is already on the agenda of \(day)") }
            guard try db.integer("SELECT 1 FROM changes WHERE id = ?", [.text(id)]) != nil else { throw CabinetError.notFound(kind: "change", id: id) }
            let waiting = try QueueDay.unassessedQueue(db, on: dayStart, now: time).contains { $0.change.id == id }
            guard waiting else { throw CabinetError.refused("\(id) is not waiting for the board: only a change still to be decided joins the agenda") }
            let item = AgendaItem(change: id, position: (meeting.items.map(\.position).max() ?? -1) + 1, addedReason: reason, addedBy: by)
            try db.execute("INSERT INTO agenda_items (meeting_date, change_id, position, added_reason, added_by) VALUES (?, ?, ?, ?, ?)",
                           [.text(day), .text(id), SQLValue(item.position), .text(reason), .text(by)])
            return item
        }
    }

    public func moveAgendaItem(on day: String, change id: String, to place: Int) throws(CabinetError) -> [AgendaItem] {
        try writing { db in
            var items = try AgendaRows.frozenMeeting(db, on: day).items
            guard let from = items.firstIndex(where: { $0.change == id }) else { throw CabinetError.refused("\(id) is not on the agenda of \(day)") }
            guard (1...items.count).contains(place) else {
                throw CabinetError.invalidArgument(name: "--to", problem: "the agenda of \(day) has places 1 to \(items.count), not \(place)")
            }
            items.insert(items.remove(at: from), at: place - 1)
            for (position, item) in items.enumerated() where item.position != position {
                items[position].position = position
                try db.execute("UPDATE agenda_items SET position = ? WHERE meeting_date = ? AND change_id = ?",
                               [SQLValue(position), .text(day), .text(item.change)])
            }
            return items
        }
    }

    public func setNotes(on day: String, change id: String, notes: String?) throws(CabinetError) {
        try AgendaRows.check([("notes", notes, .long)])
        let kept = notes.flatMap { $0.isBlank ? nil : $0 }
        try writing { db in
            guard try MeetingRows.fetch(db, date: day)?.items.contains(where: { $0.change == id }) == true else {
                throw CabinetError.refused("\(id) is not on the agenda of \(day)")
            }
            try db.execute("UPDATE agenda_items SET notes = ? WHERE meeting_date = ? AND change_id = ?", [SQLValue(kept), .text(day), .text(id)])
        }
    }

    public func addAttendee(on day: String, _ attendee: Attendee, opening: Meeting?) throws(CabinetError) {
        try AgendaRows.check([("name", attendee.name, .short), ("for", attendee.speaksFor, .short)])
        guard !attendee.name.isBlank else { throw .invalidArgument(name: "name", problem: "name the person") }
        try writing { db in
            if let opening { try MeetingRows.openIfNeeded(db, opening) }
            guard try MeetingRows.fetch(db, date: day) != nil else { throw CabinetError.notFound(kind: "meeting on", id: day) }
            try db.execute("""
                INSERT INTO meeting_attendees (meeting_date, name, role, present, speaks_for) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (meeting_date, name) DO UPDATE SET role = excluded.role, present = excluded.present, speaks_for = excluded.speaks_for
                """, [.text(day), .text(attendee.name), .text(attendee.role.rawValue), SQLValue(attendee.present), SQLValue(attendee.speaksFor)])
        }
    }
}

/// The checks the agenda's writes share.
enum AgendaRows {
    /// Refuses the first field whose text its rule refuses, naming it.
    static func check(_ fields: [(name: String, text: String?, rule: FieldText)]) throws(CabinetError) {
        if let (field, problem) = FieldText.firstProblem(in: fields) { throw .invalidArgument(name: field, problem: problem) }
    }

    /// The day's meeting while its agenda is frozen and it has not ended: when the chair controls the agenda.
    static func frozenMeeting(_ db: some SQLDatabase, on day: String) throws -> Meeting {
        guard let meeting = try MeetingRows.fetch(db, date: day) else { throw CabinetError.notFound(kind: "meeting on", id: day) }
        guard meeting.agendaFrozenAt != nil else {
            throw CabinetError.refused("the meeting of \(day) has not started: its agenda is the queue until it starts (s on the board)")
        }
        guard meeting.endedAt == nil else { throw CabinetError.refused("the meeting of \(day) has ended: its agenda is closed") }
        return meeting
    }
}
