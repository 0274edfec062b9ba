import GRDB

extension SQLiteStore {
    public func figures(for period: Period) throws(CabinetError) -> Figures {
        let arguments: StatementArguments = ["since": period.since.milliseconds, "until": period.until.milliseconds]
        return try reading { db in
            var groups: [RouteWeek: FigureCounts] = [:]
            func key(_ row: Row) throws -> RouteWeek {
                RouteWeek(route: try word(row, "route"), week: ISOWeek(index: row[1]))
            }
            for row in try Row.fetchAll(db, sql: FigureQueries.firstDecisions, arguments: arguments) {
                groups[try key(row), default: FigureCounts()].firstOutcomes[try word(row, "first_outcome") as Outcome] = row[3]
            }
            let latencies = try Row.fetchCursor(db, sql: FigureQueries.latencies, arguments: arguments)
            while let row = try latencies.next() {
                let group = try key(row)
                groups[group, default: FigureCounts()].latencies.append(row[2])
                groups[group, default: FigureCounts()].approved += 1
            }
            for row in try Row.fetchAll(db, sql: FigureQueries.approvedWithIncident, arguments: arguments) {
                groups[try key(row), default: FigureCounts()].approvedWithIncident = row[2]
            }
            for row in try Row.fetchAll(db, sql: FigureQueries.submissions, arguments: arguments) {
                groups[try key(row), default: FigureCounts()].submitted = row[2]
            }
            var incidentsByRoute: [Route: Int] = [:]
            for row in try Row.fetchAll(db, sql: FigureQueries.incidentsByRoute, arguments: arguments) {
                incidentsByRoute[try word(row, "route")] = row[1]
            }
            var boardIncidentsByWeek: [ISOWeek: Int] = [:]
            for row in try Row.fetchAll(db, sql: FigureQueries.boardIncidentsByWeek, arguments: arguments) {
                boardIncidentsByWeek[ISOWeek(index: row[0])] = row[1]
            }
            return Figures(period: period, groups: groups, incidentsByRoute: incidentsByRoute, boardIncidentsByWeek: boardIncidentsByWeek)
        }
    }
}
