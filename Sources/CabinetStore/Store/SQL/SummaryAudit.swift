import CabinetModel
extension SQLStore {
    /// Recomputes the summaries the triggers keep (`service_history`) from the rows and
    /// compares: the first service, by name, whose stored summary differs; nil when all agree.
    public func auditSummaries() throws(CabinetError) -> SummaryDifference? {
        try reading { db in try SummaryAudit.firstDifference(db) }
    }
}

/// The comparison behind `auditSummaries`, inside the caller's snapshot.
enum SummaryAudit {
    /// One service's summary as a comparable line of text; a service no row names reads as none.
    private struct Line: Equatable {
        var changes = 0, withIncident = 0
        var lastIncident: String?
        var text: String { "\(changes) changes, \(withIncident) with an incident, last incident \(lastIncident ?? "none")" }
    }

    static func firstDifference(_ db: some SQLDatabase) throws -> SummaryDifference? {
        var stored: [String: Line] = [:], recomputed: [String: Line] = [:]
        try db.forEachRow("SELECT service, change_count, incident_change_count, last_incident_id, last_incident_opened_at FROM service_history", []) { row in
            stored[try row.text(0)] = Line(changes: try row.int(1), withIncident: try row.int(2),
                                           lastIncident: try row.optionalText(3).map { "\($0) at \(try row.timestamp(4).iso8601)" })
        }
        try db.forEachRow(ServiceHistoryTriggers.recomputedCounts, []) { row in
            recomputed[try row.text(0), default: Line()].changes = try row.int(1)
            recomputed[try row.text(0), default: Line()].withIncident = try row.int(2)
        }
        try db.forEachRow(ServiceHistoryTriggers.recomputedLastIncidents, []) { row in
            recomputed[try row.text(0), default: Line()].lastIncident = "\(try row.text(1)) at \(try row.timestamp(2).iso8601)"
        }
        for service in Set(stored.keys).union(recomputed.keys).sorted() {
            let kept = stored[service] ?? Line(), fresh = recomputed[service] ?? Line()
            if kept != fresh {
                return SummaryDifference(summary: "service_history", key: service, stored: kept.text, recomputed: fresh.text)
            }
        }
        return nil
    }
}
