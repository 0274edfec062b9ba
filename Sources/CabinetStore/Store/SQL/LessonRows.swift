import CabinetModel
/// The lessons of closed reviews, found from the services a change touches: a range of the
/// incident-services index per service, then the review and the lessons by incident (v12's index),
/// never a scan of the history.
enum LessonRows {
    static func fetch(_ db: some SQLDatabase, services: Set<String>) throws -> [ServiceLesson] {
        guard !services.isEmpty else { return [] }
        return try db.rows("""
            SELECT s.service, i.id, i.opened_at, a.id, a.text
            FROM incident_services s
            JOIN incidents i ON i.id = s.incident_id
            JOIN reviews r ON r.incident_id = s.incident_id AND r.closed_at IS NOT NULL
            JOIN action_items a ON a.incident_id = s.incident_id AND a.kind = 'lesson'
            WHERE s.service IN (\(placeholders(services.count)))
            """, services.sorted().map(SQLValue.text)) { row in
            ServiceLesson(service: try row.text(0), incident: try row.text(1), incidentOpenedAt: try row.timestamp(2),
                          lesson: try row.text(3), text: try row.text(4))
        }
    }
}
