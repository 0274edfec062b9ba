/// DORA's four measures by route (pipeline, peer, board, emergency), over the changes deployed
/// in a period `[since, until)`. Exact definitions (README, "DORA by route"):
///
/// - A change is *deployed* at its `deployedAt`, else (counted as estimated) at its window start
///   once it is in implement, review or closed (`Deployment`); the route's changes deployed in
///   the period are its deployments.
/// - Change failure rate = deployments linked to at least one incident ÷ deployments.
/// - Lead time to deployment = deployment − submission (0 for a deployment recorded before its
///   submission), per deployment; lead time to approval = first approval − submission, per
///   deployment that was approved. Two figures over the same deployments, never mixed.
/// - Deployment frequency = deployments ÷ the period's length in weeks (7 × 24 h).
/// - Time to restore = resolvedAt − openedAt of each distinct incident blamed on a deployment
///   of the period that has been resolved; unresolved ones are counted beside it.
///
/// Durations are summarized as mean, median and p90 (linear interpolation between ranks).
public struct DORAFigures: Hashable, Sendable, Encodable {
    public let period: Period
    public let routes: [RouteDORA]

    /// - Parameter counts: the raw counts per route, as the store aggregates them.
    public init(period: Period, counts: [Route: DORACounts]) {
        self.period = period
        let weeks = Double(period.until.milliseconds - period.since.milliseconds) / Double(7 * Timestamp.millisecondsPerDay)
        routes = Route.allCases.map { RouteDORA(route: $0, counts: counts[$0] ?? DORACounts(), weeks: weeks) }
    }

    public func route(_ route: Route) -> RouteDORA? { routes.first { $0.route == route } }

    /// The board against peer review on the team's own data: failure rates compared by
    /// Newcombe's interval on board − peer, and the board's extra median lead time to deployment.
    public var boardAgainstPeer: BoardAgainstPeer? {
        guard let board = route(.cab), let peer = route(.peer) else { return nil }
        return BoardAgainstPeer(board: board, peer: peer)
    }

    enum CodingKeys: String, CodingKey { case routes, boardAgainstPeer }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(KeyedRows(rows: routes, key: \.route.rawValue), forKey: .routes)
        try container.encode(boardAgainstPeer, forKey: .boardAgainstPeer)
    }
}

/// The raw DORA counts of one route's deployments in a period, as they come out of the database.
public struct DORACounts: Hashable, Sendable {
    public var deployed = 0
    /// Of `deployed`, those whose deployment time is the window start standing in.
    public var estimated = 0
    /// Of `deployed`, those linked to at least one incident.
    public var failed = 0
    /// One lead time to deployment per deployment, in milliseconds.
    public var deploymentLeadTimes: [Int64] = []
    /// One lead time to approval per approved deployment, in milliseconds.
    public var approvalLeadTimes: [Int64] = []
    /// Distinct incidents blamed on the deployments.
    public var incidents = 0
    /// One time to restore per resolved incident among them, in milliseconds.
    public var restoreTimes: [Int64] = []

    public init() {}
}

/// One route's DORA figures.
public struct RouteDORA: Hashable, Sendable, Encodable {
    public let route: Route
    public let deployed: Int
    public let estimatedDeployments: Int
    public let failedDeployments: Int
    public let changeFailureRate: Double?
    public let leadTimeToDeployment: Durations
    public let leadTimeToApproval: Durations
    public let deploymentsPerWeek: Double
    public let incidents: Int
    /// Of `incidents`, those not resolved yet (no `resolvedAt`).
    public let unresolvedIncidents: Int
    public let timeToRestore: Durations

    init(route: Route, counts: DORACounts, weeks: Double) {
        self.route = route
        deployed = counts.deployed
        estimatedDeployments = counts.estimated
        failedDeployments = counts.failed
        changeFailureRate = ratio(counts.failed, counts.deployed)
        leadTimeToDeployment = Durations(milliseconds: counts.deploymentLeadTimes)
        leadTimeToApproval = Durations(milliseconds: counts.approvalLeadTimes)
        deploymentsPerWeek = Double(counts.deployed) / weeks
        incidents = counts.incidents
        unresolvedIncidents = counts.incidents - counts.restoreTimes.count
        timeToRestore = Durations(milliseconds: counts.restoreTimes)
    }

    enum CodingKeys: String, CodingKey {
        case deployed, estimatedDeployments, failedDeployments, changeFailureRate, leadTimeToDeployment, leadTimeToApproval
        case deploymentsPerWeek, incidents, unresolvedIncidents, timeToRestore
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(deployed, forKey: .deployed)
        try container.encode(estimatedDeployments, forKey: .estimatedDeployments)
        try container.encode(failedDeployments, forKey: .failedDeployments)
        try container.encode(changeFailureRate, forKey: .changeFailureRate)
        try container.encode(leadTimeToDeployment, forKey: .leadTimeToDeployment)
        try container.encode(leadTimeToApproval, forKey: .leadTimeToApproval)
        try container.encode(deploymentsPerWeek, forKey: .deploymentsPerWeek)
        try container.encode(incidents, forKey: .incidents)
        try container.encode(unresolvedIncidents, forKey: .unresolvedIncidents)
        try container.encode(timeToRestore, forKey: .timeToRestore)
    }
}

/// A set of durations summarized in hours: how many, mean, median and p90; `nil` when empty.
public struct Durations: Hashable, Sendable, Encodable {
    public let count: Int
    public let meanHours: Double?
    public let medianHours: Double?
    public let p90Hours: Double?

    public init(milliseconds: [Int64]) {
        count = milliseconds.count
        let hours = milliseconds.sorted().map { Double($0) / 3_600_000 }
        meanHours = hours.isEmpty ? nil : Double(milliseconds.reduce(0, +)) / Double(milliseconds.count) / 3_600_000
        medianHours = ApprovalLatency.percentile(0.5, ofSorted: hours)
        p90Hours = ApprovalLatency.percentile(0.9, ofSorted: hours)
    }
}

/// What DORA's research asks of every board, answered on the team's data: do board-approved
/// changes fail less than peer-reviewed ones, and what does the board cost in lead time?
public struct BoardAgainstPeer: Hashable, Sendable, Encodable {
    public enum Safety: String, Hashable, Sendable, Encodable {
        /// Newcombe's 95% interval on board − peer lies wholly below 0.
        case failsLess = "fails-less"
        /// It lies wholly above 0.
        case failsMore = "fails-more"
        /// It straddles 0, with enough deployments on both routes.
        case noDifference = "no-difference"
        /// Fewer than `minimumDeployments` on either route.
        case tooFew = "too-few"
    }

    /// Deployments each route needs before their failure rates are compared.
    public static let minimumDeployments = 10

    public let safety: Safety
    /// Newcombe's 95% interval on the board's failure rate minus peer review's.
    public let difference: RateInterval?
    /// The board's median lead time to deployment minus peer review's, in hours.
    public let extraMedianLeadHours: Double?
    /// The answers in words: whether board-approved changes fail less, and what the board costs in lead time.
    public let failureAnswer: String
    public let leadTimeAnswer: String

    init(board: RouteDORA, peer: RouteDORA) {
        let interval = RateInterval.newcombe(board.failedDeployments, of: board.deployed, minus: peer.failedDeployments, of: peer.deployed)
        difference = interval
        if let interval, min(board.deployed, peer.deployed) >= Self.minimumDeployments {
            safety = interval.isBelow(0) ? .failsLess : interval.isAbove(0) ? .failsMore : .noDifference
        } else {
            safety = .tooFew
        }
        let rates = "\(FigureText.percent(board.changeFailureRate)) of \(board.deployed) against \(FigureText.percent(peer.changeFailureRate)) of \(peer.deployed)"
        let gap = interval.map { "difference \(VerdictAxis.ciText($0, signed: true))" } ?? ""
        failureAnswer = switch safety {
        case .failsLess: "board-approved changes fail less than peer-reviewed ones: \(rates) (\(gap))"
        case .failsMore: "board-approved changes fail more than peer-reviewed ones: \(rates) (\(gap))"
        case .noDifference: "board-approved changes fail no less than peer-reviewed ones: \(rates) (\(gap))"
        case .tooFew: "too few deployments to compare failure rates (board \(board.deployed), peer \(peer.deployed); \(Self.minimumDeployments) each needed)"
        }
        if let boardLead = board.leadTimeToDeployment.medianHours, let peerLead = peer.leadTimeToDeployment.medianHours {
            extraMedianLeadHours = boardLead - peerLead
            leadTimeAnswer = "the board \(boardLead >= peerLead ? "adds" : "saves") \(FigureText.hours(abs(boardLead - peerLead))) of median lead time to deployment "
                + "(board \(FigureText.hours(boardLead)), peer \(FigureText.hours(peerLead)))"
        } else {
            extraMedianLeadHours = nil
            leadTimeAnswer = "no lead time to compare: the board or peer review deployed nothing in the period"
        }
    }
}

/// Rows as a JSON object keyed by a name of each row, in the rows' order.
struct KeyedRows<Row: Encodable>: Encodable {
    let rows: [Row]
    let key: KeyPath<Row, String>

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        for row in rows { try container.encode(row, forKey: Key(stringValue: row[keyPath: key])) }
    }
}
