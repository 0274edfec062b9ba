import CabinetModel
extension SQLStore {
    public func figures(for period: Period) throws(CabinetError) -> Figures {
        let arguments = [SQLValue(period.since), SQLValue(period.until)]
        return try reading { db in
            var groups: [RouteWeek: FigureCounts] = [:]
            func key(_ row: some SQLRow) throws -> RouteWeek {
                RouteWeek(route: try row.word(0), week: ISOWeek(index: try row.integer(1)))
            }
            try db.forEachRow(FigureQueries.firstDecisions, arguments) { row in
                groups[try key(row), default: FigureCounts()].firstOutcomes[try row.word(2) as Outcome] = try row.int(3)
            }
            try db.forEachRow(FigureQueries.latencies, arguments) { row in
                let group = try key(row)
                groups[group, default: FigureCounts()].latencies.append(try row.integer(2))
                groups[group, default: FigureCounts()].approved += 1
            }
            try db.forEachRow(FigureQueries.approvedWithIncident, arguments) { row in
                groups[try key(row), default: FigureCounts()].approvedWithIncident = try row.int(2)
            }
            try db.forEachRow(FigureQueries.submissions, arguments) { row in
                groups[try key(row), default: FigureCounts()].submitted = try row.int(2)
            }
            var incidentsByRoute: [Route: Int] = [:]
            try db.forEachRow(FigureQueries.incidentsByRoute, arguments) { row in incidentsByRoute[try row.word(0)] = try row.int(1) }
            var boardIncidentsByWeek: [ISOWeek: Int] = [:]
            try db.forEachRow(FigureQueries.boardIncidentsByWeek, arguments) { row in
                boardIncidentsByWeek[ISOWeek(index: try row.integer(0))] = try row.int(1)
            }
            var figures = Figures(period: period, groups: groups, incidentsByRoute: incidentsByRoute, boardIncidentsByWeek: boardIncidentsByWeek)
            // Over the open-item indexes (reviews by closed_at, action items by closed_at).
            figures.followUps = FollowUps(
                openReviews: Int(try db.integer("SELECT COUNT(*) FROM reviews WHERE closed_at IS NULL") ?? 0),
                openLessons: Int(try db.integer("SELECT COUNT(*) FROM action_items WHERE closed_at IS NULL AND kind = 'lesson'") ?? 0))
            return figures
        }
    }
}
