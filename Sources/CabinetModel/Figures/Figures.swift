/// The effectiveness figures of a period: the board's own (route `cab`), its share of all
/// submitted changes, and the same figures by route and by ISO week for the trends.
public struct Figures: Hashable, Sendable, Encodable {
    public let period: Period
    /// The board's figures: changes with route `cab`.
    public let board: ReviewFigures
    /// Of all changes submitted in the period, the share with route `cab`.
    public let cabShare: Double?
    public let submitted: Int
    public let byRoute: [RouteFigures]
    public let weekly: [WeekFigures]
    /// Reviews and lessons open now, set by the store beside the period's figures.
    public var followUps = FollowUps()
    /// Whether `dora` and `emergencyReviews` are still to come (empty until then): the panel's
    /// first answer leaves them out, the report never does.
    public var deploymentsPending = false
    /// DORA's measures by route, over the changes deployed in the period.
    public let dora: DORAFigures
    /// The emergencies deployed in the period and their post-implementation reviews.
    public let emergencyReviews: EmergencyReviewFigures

    /// Builds the report from aggregates grouped by route and week.
    /// - Parameters:
    ///   - groups: counts per route and week (their `incidents` are ignored: not additive).
    ///   - incidentsByRoute: distinct incidents per route over the whole period.
    ///   - boardIncidentsByWeek: distinct incidents per week for route `cab`.
    ///   - deployments: DORA's counts per route of the changes deployed in the period.
    ///   - emergencyReviews: the emergencies deployed in the period and their reviews.
    public init(
        period: Period, groups: [RouteWeek: FigureCounts], incidentsByRoute: [Route: Int], boardIncidentsByWeek: [ISOWeek: Int],
        deployments: [Route: DORACounts] = [:], emergencyReviews: EmergencyReviewFigures = EmergencyReviewFigures()
    ) {
        self.period = period
        dora = DORAFigures(period: period, counts: deployments)
        self.emergencyReviews = emergencyReviews
        var perRoute: [Route: FigureCounts] = [:]
        var boardWeeks: [ISOWeek: FigureCounts] = [:]
        var submittedWeeks: [ISOWeek: Int] = [:]
        for (key, counts) in groups {
            perRoute[key.route, default: FigureCounts()].merge(counts)
            submittedWeeks[key.week, default: 0] += counts.submitted
            if key.route == .cab { boardWeeks[key.week, default: FigureCounts()].merge(counts) }
        }
        for route in Route.allCases { perRoute[route, default: FigureCounts()].incidents = incidentsByRoute[route] ?? 0 }
        let total = perRoute.values.reduce(0) { $0 + $1.submitted }
        let boardCounts = perRoute[.cab] ?? FigureCounts()
        board = ReviewFigures(boardCounts)
        submitted = total
        cabShare = ratio(boardCounts.submitted, total)
        byRoute = Route.allCases.map { route in
            let counts = perRoute[route] ?? FigureCounts()
            return RouteFigures(route: route, figures: ReviewFigures(counts), submitted: counts.submitted, share: ratio(counts.submitted, total))
        }
        weekly = ISOWeek.covering(period).map { week in
            var counts = boardWeeks[week] ?? FigureCounts()
            counts.incidents = boardIncidentsByWeek[week] ?? 0
            let weekTotal = submittedWeeks[week] ?? 0
            return WeekFigures(week: week, figures: ReviewFigures(counts), cabShare: ratio(counts.submitted, weekTotal), submitted: weekTotal)
        }
    }

    public func figures(for route: Route) -> RouteFigures? { byRoute.first { $0.route == route } }

    /// Whether the board adds value, by the article's rules.
    public var verdict: Verdict { Verdict(self) }

    /// Which way the board's incidents per approved change went over the last weeks.
    public var incidentTrend: Trend { Trend(weekly.map { $0.figures.approved == 0 ? nil : $0.figures.incidentRate }) }

    enum CodingKeys: String, CodingKey { case since, until, cabShare, submitted, byRoute, weekly, verdict, incidentTrend, openReviews, openLessons, dora, emergencyReviews }

    public func encode(to encoder: Encoder) throws {
        try board.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(period.since.iso8601, forKey: .since)
        try container.encode(period.until.iso8601, forKey: .until)
        try container.encode(cabShare, forKey: .cabShare)
        try container.encode(submitted, forKey: .submitted)
        try container.encode(KeyedRows(rows: byRoute, key: \.route.rawValue), forKey: .byRoute)
        try container.encode(weekly, forKey: .weekly)
        try container.encode(verdict, forKey: .verdict)
        try container.encode(incidentTrend, forKey: .incidentTrend)
        try container.encode(followUps.openReviews, forKey: .openReviews)
        try container.encode(followUps.openLessons, forKey: .openLessons)
        try container.encode(dora, forKey: .dora)
        try container.encode(emergencyReviews, forKey: .emergencyReviews)
    }
}

/// A group key of the aggregates: a route in an ISO week.
public struct RouteWeek: Hashable, Sendable {
    public let route: Route
    public let week: ISOWeek

    public init(route: Route, week: ISOWeek) { self.route = route; self.week = week }
}

/// One route's figures: the review figures plus its changes and their share of all submitted.
public struct RouteFigures: Hashable, Sendable, Encodable {
    public let route: Route
    public let figures: ReviewFigures
    public let submitted: Int
    public let share: Double?

    enum CodingKeys: String, CodingKey { case submitted, share }

    public func encode(to encoder: Encoder) throws {
        try figures.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(submitted, forKey: .submitted)
        try container.encode(share, forKey: .share)
    }
}

/// The board's figures in one ISO week of the period.
public struct WeekFigures: Hashable, Sendable, Encodable {
    public let week: ISOWeek
    public let figures: ReviewFigures
    public let cabShare: Double?
    public let submitted: Int

    enum CodingKeys: String, CodingKey { case week, start, cabShare, submitted }

    public func encode(to encoder: Encoder) throws {
        try figures.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(week.label, forKey: .week)
        try container.encode(week.start.iso8601, forKey: .start)
        try container.encode(cabShare, forKey: .cabShare)
        try container.encode(submitted, forKey: .submitted)
    }
}

extension FigureCounts {
    mutating func merge(_ other: FigureCounts) {
        firstOutcomes.merge(other.firstOutcomes, uniquingKeysWith: +)
        approved += other.approved
        approvedWithIncident += other.approvedWithIncident
        latencies += other.latencies
        submitted += other.submitted
    }
}
