import CabinetModel
extension SQLStore {
    public func figures(for period: Period, deployments included: Bool) throws(CabinetError) -> Figures {
        let split = WeekSplit(period)
        return try reading { db in
            var groups: [RouteWeek: FigureCounts] = [:]
            var approvedLinks: [(route: Route, approved: Timestamp, change: String, incident: String)] = []
            var deployments: [Route: DORACounts] = [:]
            var emergencies = EmergencyReviewFigures()
            func key(_ row: some SQLRow) throws -> RouteWeek {
                RouteWeek(route: try row.word(0), week: ISOWeek(index: try row.integer(1)))
            }
            for statement in FigureQueries.statements(for: period, deployments: included) {
                switch statement.kind {
                case .summary:
                    try db.forEachRow(statement.sql, statement.arguments) { row in
                        let group = try key(row)
                        for (index, outcome) in RouteWeekTriggers.firstOutcomes.enumerated() {
                            groups[group, default: FigureCounts()].firstOutcomes[outcome, default: 0] += try row.int(2 + index)
                        }
                        groups[group, default: FigureCounts()].approvedWithIncident += try row.int(6)
                        groups[group, default: FigureCounts()].submitted += try row.int(7)
                    }
                case .firstDecisions:
                    try db.forEachRow(statement.sql, statement.arguments) { row in
                        groups[try key(row), default: FigureCounts()].firstOutcomes[try row.word(2) as Outcome, default: 0] += try row.int(3)
                    }
                case .submissions:
                    try db.forEachRow(statement.sql, statement.arguments) { row in
                        groups[try key(row), default: FigureCounts()].submitted += try row.int(2)
                    }
                case .latencies:
                    try db.forEachRow(statement.sql, statement.arguments) { row in
                        let group = try key(row)
                        groups[group, default: FigureCounts()].latencies.append(try row.integer(2))
                        groups[group, default: FigureCounts()].approved += 1
                    }
                case .approvedIncidentLinks:
                    try db.forEachRow(statement.sql, statement.arguments) { row in
                        approvedLinks.append((try row.word(0), try row.timestamp(1), try row.text(2), try row.text(3)))
                    }
                case .deployments:
                    try deploymentCounts(db, statement, into: &deployments)
                case .deploymentIncidentLinks:
                    try deploymentIncidents(db, statement, into: &deployments)
                case .emergencyReviews:
                    emergencies = try emergencyReviews(db, statement)
                }
            }
            // The whole weeks' changes with an incident came from the summary; the edges' from the links.
            let edgeChanges = Dictionary(approvedLinks.filter { link in split.edges.contains { $0.contains(link.approved.milliseconds) } }
                .map { link in (link.change, RouteWeek(route: link.route, week: ISOWeek(containing: link.approved))) }) { first, _ in first }
            for group in edgeChanges.values { groups[group, default: FigureCounts()].approvedWithIncident += 1 }
            let incidentsByRoute = Dictionary(grouping: approvedLinks) { $0.route }.mapValues { Set($0.map { $0.incident }).count }
            let boardIncidentsByWeek = Dictionary(grouping: approvedLinks.filter { $0.route == .cab }) { ISOWeek(containing: $0.approved) }
                .mapValues { Set($0.map { $0.incident }).count }
            var figures = Figures(period: period, groups: groups, incidentsByRoute: incidentsByRoute, boardIncidentsByWeek: boardIncidentsByWeek,
                                  deployments: deployments, emergencyReviews: emergencies)
            figures.deploymentsPending = !included
            // Over the open-item indexes (reviews by closed_at, action items by closed_at).
            figures.followUps = FollowUps(
                openReviews: Int(try db.integer("SELECT COUNT(*) FROM reviews WHERE closed_at IS NULL") ?? 0),
                openLessons: Int(try db.integer("SELECT COUNT(*) FROM action_items WHERE closed_at IS NULL AND kind = 'lesson'") ?? 0))
            return figures
        }
    }

    /// DORA's counts per route of the changes deployed in the period (see `DORAFigures`).
    private func deploymentCounts(_ db: Connection, _ statement: FigureQueries.Statement, into counts: inout [Route: DORACounts]) throws {
        try db.forEachRow(statement.sql, statement.arguments) { row in
            let route: Route = try row.word(0)
            let submitted = try row.integer(1), deployed = try row.integer(3)
            counts[route, default: DORACounts()].deployed += 1
            counts[route, default: DORACounts()].estimated += Int(try row.integer(4))
            counts[route, default: DORACounts()].deploymentLeadTimes.append(max(0, deployed - submitted))
            if let approved = try row.optionalInteger(2) { counts[route, default: DORACounts()].approvalLeadTimes.append(approved - submitted) }
        }
    }

    /// The failed deployments (those linked to an incident) and the distinct incidents per route,
    /// with their restore times, from the incident links of the period's deployments.
    private func deploymentIncidents(_ db: Connection, _ statement: FigureQueries.Statement, into counts: inout [Route: DORACounts]) throws {
        var failed: Set<String> = [], incidents: Set<RouteIncident> = []
        try db.forEachRow(statement.sql, statement.arguments) { row in
            let route: Route = try row.word(0)
            if failed.insert(try row.text(1)).inserted {
                counts[route, default: DORACounts()].failed += 1
            }
            guard incidents.insert(RouteIncident(route: route, incident: try row.text(2))).inserted else { return }
            counts[route, default: DORACounts()].incidents += 1
            if let resolved = try row.optionalInteger(4) { counts[route, default: DORACounts()].restoreTimes.append(resolved - (try row.integer(3))) }
        }
    }

    /// The emergencies deployed in the period and their post-implementation reviews.
    private func emergencyReviews(_ db: Connection, _ statement: FigureQueries.Statement) throws -> EmergencyReviewFigures {
        var deployed = 0, estimated = 0
        var outcomes: [PIROutcome: Int] = [:]
        try db.forEachRow(statement.sql, statement.arguments) { row in
            let count = try row.int(2)
            deployed += count
            if try row.integer(0) == 1 { estimated += count }
            if try row.optionalText(1) != nil { outcomes[try row.word(1) as PIROutcome, default: 0] += count }
        }
        return EmergencyReviewFigures(deployed: deployed, estimated: estimated, outcomes: outcomes)
    }
}

/// An incident counted once per route, however many of the route's changes it links.
private struct RouteIncident: Hashable {
    let route: Route
    let incident: String
}
