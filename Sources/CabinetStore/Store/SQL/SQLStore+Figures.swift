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
            var figures = Figures(period: period, groups: groups, incidentsByRoute: incidentsByRoute, boardIncidentsByWeek: boardIncidentsByWeek,
                                  deployments: try deploymentCounts(db, arguments), emergencyReviews: try emergencyReviews(db, arguments))
            // Over the open-item indexes (reviews by closed_at, action items by closed_at).
            figures.followUps = FollowUps(
                openReviews: Int(try db.integer("SELECT COUNT(*) FROM reviews WHERE closed_at IS NULL") ?? 0),
                openLessons: Int(try db.integer("SELECT COUNT(*) FROM action_items WHERE closed_at IS NULL AND kind = 'lesson'") ?? 0))
            return figures
        }
    }

    /// DORA's counts per route of the changes deployed in the period (see `DORAFigures`).
    private func deploymentCounts(_ db: Connection, _ arguments: [SQLValue]) throws -> [Route: DORACounts] {
        var counts: [Route: DORACounts] = [:]
        try db.forEachRow(FigureQueries.deployments, arguments) { row in
            let route: Route = try row.word(0)
            let submitted = try row.integer(1), deployed = try row.integer(3)
            counts[route, default: DORACounts()].deployed += 1
            counts[route, default: DORACounts()].estimated += Int(try row.integer(4))
            counts[route, default: DORACounts()].failed += Int(try row.integer(5))
            counts[route, default: DORACounts()].deploymentLeadTimes.append(max(0, deployed - submitted))
            if let approved = try row.optionalInteger(2) { counts[route, default: DORACounts()].approvalLeadTimes.append(approved - submitted) }
        }
        try db.forEachRow(FigureQueries.deploymentIncidents, arguments) { row in
            let route: Route = try row.word(0)
            counts[route, default: DORACounts()].incidents += 1
            if let resolved = try row.optionalInteger(3) { counts[route, default: DORACounts()].restoreTimes.append(resolved - (try row.integer(2))) }
        }
        return counts
    }

    /// The emergencies deployed in the period and their post-implementation reviews.
    private func emergencyReviews(_ db: Connection, _ arguments: [SQLValue]) throws -> EmergencyReviewFigures {
        var deployed = 0, estimated = 0
        var outcomes: [PIROutcome: Int] = [:]
        try db.forEachRow(FigureQueries.emergencyReviews, arguments) { row in
            let count = try row.int(2)
            deployed += count
            if try row.integer(0) == 1 { estimated += count }
            if try row.optionalText(1) != nil { outcomes[try row.word(1) as PIROutcome, default: 0] += count }
        }
        return EmergencyReviewFigures(deployed: deployed, estimated: estimated, outcomes: outcomes)
    }
}
