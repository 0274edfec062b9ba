import CabinetModel
/// The lessons of closed reviews on the services a change touches, found from the lessons
/// themselves (a few per review, written by people) and then their incident's services and
/// review by key: never a walk of the services' incident history, which grows with every year.
enum LessonRows {
    static func fetch(_ db: some SQLDatabase, services: Set<String>) throws -> [ServiceLesson] {
        guard !services.isEmpty else { return [] }
        return try db.rows("""
            SELECT s.service, i.id, i.opened_at, a.id, a.text
            FROM action_items a
            JOIN reviews r ON r.incident_id = a.incident_id AND r.closed_at IS NOT NULL
            JOIN incidents i ON i.id = a.incident_id
            JOIN incident_services s ON s.incident_id = a.incident_id
            WHERE a.kind = 'lesson' AND \(db.dialect.withoutIndex("s.service")) IN (\(placeholders(services.count)))
            """, services.sorted().map(SQLValue.text)) { row in
            ServiceLesson(service: try row.text(0), incident: try row.text(1), incidentOpenedAt: try row.timestamp(2),
                          lesson: try row.text(3), text: try row.text(4))
        }
    }
}
