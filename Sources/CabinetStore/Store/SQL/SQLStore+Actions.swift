import CabinetModel

extension SQLStore {
    /// Adds an action item (or a lesson) with the next id, `ACT-n`: its text and owner meet the
    /// text rule, what it points to exists, its due day is a day.
    public func addActionItem(_ item: ActionItem) throws(CabinetError) -> ActionItem {
        try ActionItemRows.check(item)
        return try writing { db in
            try ActionItemRows.checkReferences(item, db)
            var item = item
            item.id = ActionItem.id((try db.strings("SELECT id FROM action_items").compactMap(ActionItem.number).max() ?? 0) + 1)
            try ActionItemRows.insert(db, item, recordedBy: try recorder(db))
            return item
        }
    }

    /// Action items and lessons, open ones first by due day; closed ones too when asked.
    public func actionItems(includingClosed: Bool) throws(CabinetError) -> [ActionItem] {
        try reading { db in try ActionItemRows.fetch(db, where: includingClosed ? "TRUE" : "closed_at IS NULL") }
    }

    /// Closes an open item, noting who closed it, when, and how.
    public func closeActionItem(id: String, by: String, at time: Timestamp, note: String?) throws(CabinetError) -> ActionItem {
        try writing { db in
            guard var item = try ActionItemRows.fetch(db, where: "id = ?", [.text(id)]).first else { throw CabinetError.notFound(kind: "action item", id: id) }
            guard item.isOpen else {
                throw CabinetError.refused("\(id) was already closed by \(item.closedBy ?? "someone") at \(item.closedAt?.iso8601 ?? "")")
            }
            item.closedAt = time; item.closedBy = by; item.closeNote = note
            try db.execute("UPDATE action_items SET closed_at = ?, closed_by = ?, close_note = ? WHERE id = ?",
                           [SQLValue(time), .text(by), SQLValue(note), .text(id)])
            return item
        }
    }
}

/// Action items as rows of `action_items`.
enum ActionItemRows {
    static let columns = "id, kind, change_id, meeting_date, incident_id, text, owner, due_on, opened_at, opened_by, closed_at, closed_by, close_note"

    static func fetch(_ db: some SQLDatabase, where condition: String, _ arguments: [SQLValue] = []) throws -> [ActionItem] {
        try db.namedRows("""
            SELECT \(columns) FROM action_items WHERE \(condition)
            ORDER BY closed_at IS NOT NULL, due_on IS NULL, due_on, opened_at, id
            """, arguments) { row in
            ActionItem(id: try row.text("id"), kind: try row.word("kind"), change: try row.optionalText("change_id"),
                       meeting: try row.optionalText("meeting_date"), incident: try row.optionalText("incident_id"),
                       text: try row.text("text"), owner: try row.text("owner"), due: try row.optionalText("due_on"),
                       openedAt: try row.timestamp("opened_at"), openedBy: try row.text("opened_by"), closedAt: try row.optionalTimestamp("closed_at"),
                       closedBy: try row.optionalText("closed_by"), closeNote: try row.optionalText("close_note"))
        }
    }

    static func insert(_ db: some SQLDatabase, _ item: ActionItem, recordedBy recorder: String) throws {
        try db.execute("INSERT INTO action_items (\(columns), recorded_by) VALUES (\(placeholders(14)))", [
            .text(item.id), .text(item.kind.rawValue), SQLValue(item.change), SQLValue(item.meeting), SQLValue(item.incident),
            .text(item.text), .text(item.owner), SQLValue(item.due), SQLValue(item.openedAt), .text(item.openedBy),
            SQLValue(item.closedAt), SQLValue(item.closedBy), SQLValue(item.closeNote), .text(recorder),
        ])
    }

    /// What an item says, checked as every way in checks it: the field at fault and why.
    static func problem(_ item: ActionItem) -> (field: String, problem: String)? {
        if let problem = FieldText.firstProblem(in: [
            ("text", item.text, .long), ("owner", item.owner, .short), ("openedBy", item.openedBy, .short),
            ("closedBy", item.closedBy, .short), ("closeNote", item.closeNote, .long),
        ]) { return problem }
        if item.text.isBlank { return ("text", "say what is to be done") }
        if item.owner.isBlank { return ("owner", "name who does it") }
        if let due = item.due, (try? Timestamp(dayOrInstant: due))?.day != due { return ("due", "'\(due)' is not a day (YYYY-MM-DD)") }
        if item.closedAt == nil, item.closedBy != nil || item.closeNote != nil { return ("closedAt", "a closed item says when it was closed") }
        return nil
    }

    static func check(_ item: ActionItem) throws(CabinetError) {
        if let (field, problem) = problem(item) { throw .invalidArgument(name: "--\(field)", problem: problem) }
    }

    /// The change, meeting and incident an item points to exist.
    static func checkReferences(_ item: ActionItem, _ db: some SQLDatabase) throws {
        if let change = item.change, try db.integer("SELECT 1 FROM changes WHERE id = ?", [.text(change)]) == nil {
            throw CabinetError.notFound(kind: "change", id: change)
        }
        if let meeting = item.meeting, try db.integer("SELECT 1 FROM meetings WHERE date = ?", [.text(meeting)]) == nil {
            throw CabinetError.notFound(kind: "meeting on", id: meeting)
        }
        if let incident = item.incident, try db.integer("SELECT 1 FROM incidents WHERE id = ?", [.text(incident)]) == nil {
            throw CabinetError.notFound(kind: "incident", id: incident)
        }
    }
}
