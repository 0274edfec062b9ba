import CabinetModel
extension SQLStore {
    /// Recomputes the summaries the triggers keep (`service_history`, `route_weeks`,
    /// `approved_incident_links`) from the rows and compares: the first service by name, else the
    /// first route and week, else the first link, whose stored summary differs; nil when all agree.
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
        try serviceHistoryDifference(db) ?? routeWeeksDifference(db) ?? approvedLinksDifference(db)
    }

    private static func serviceHistoryDifference(_ db: some SQLDatabase) throws -> SummaryDifference? {
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

    /// One route's week as a comparable line of text; a week no row names reads as all zeros.
    private struct WeekKey: Hashable, Comparable {
        let route: String, week: Int64
        var text: String { "\(route) \(ISOWeek(index: week).label)" }
        static func < (a: WeekKey, b: WeekKey) -> Bool { (a.route, a.week) < (b.route, b.week) }
    }

    private static func routeWeekLine(_ counts: [Int]) -> String {
        let firsts = zip(RouteWeekTriggers.firstOutcomes, counts).map { "\($1) \($0.rawValue)" }.joined(separator: ", ")
        return "first decisions \(firsts); \(counts[4]) approved with an incident; \(counts[5]) submitted"
    }

    private static func routeWeeksDifference(_ db: some SQLDatabase) throws -> SummaryDifference? {
        let columns = RouteWeekTriggers.counts.count
        func read(_ sql: String) throws -> [WeekKey: [Int]] {
            var weeks: [WeekKey: [Int]] = [:]
            try db.forEachRow(sql, []) { row in
                let counts = try (0..<columns).map { try row.int(2 + $0) }
                if counts.contains(where: { $0 != 0 }) { weeks[WeekKey(route: try row.text(0), week: try row.integer(1))] = counts }
            }
            return weeks
        }
        let stored = try read("SELECT route, week, \(RouteWeekTriggers.counts.joined(separator: ", ")) FROM route_weeks")
        let recomputed = try read(RouteWeekTriggers.recomputed)
        let none = Array(repeating: 0, count: columns)
        for key in Set(stored.keys).union(recomputed.keys).sorted() where stored[key] != recomputed[key] {
            return SummaryDifference(summary: "route_weeks", key: key.text, stored: routeWeekLine(stored[key] ?? none),
                                     recomputed: routeWeekLine(recomputed[key] ?? none))
        }
        return nil
    }

    /// The first incident link of an approved change, by change and incident, that the kept
    /// links hold otherwise (or not at all) than the rows give.
    private static func approvedLinksDifference(_ db: some SQLDatabase) throws -> SummaryDifference? {
        func read(_ sql: String) throws -> [String: String] {
            var links: [String: String] = [:]
            try db.forEachRow(sql, []) { row in
                links["\(try row.text(0)) \(try row.text(1))"] = "\(try row.text(2)), approved at \(try row.timestamp(3).iso8601)"
            }
            return links
        }
        let stored = try read("SELECT change_id, incident_id, route, approved_at FROM approved_incident_links")
        let recomputed = try read(RouteWeekTriggers.recomputedLinks)
        for key in Set(stored.keys).union(recomputed.keys).sorted() where stored[key] != recomputed[key] {
            return SummaryDifference(summary: "approved_incident_links", key: key, stored: stored[key] ?? "no link", recomputed: recomputed[key] ?? "no link")
        }
        return nil
    }
}
