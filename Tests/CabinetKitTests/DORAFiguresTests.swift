import Testing
@testable import CabinetModel
@testable import CabinetStore

/// DORA by route over a fortnight worked out on paper, 2026-11-02 to 2026-11-16 (two weeks):
/// recorded and estimated deployments, one recorded before its submission, a window start that
/// does not count (the change is only scheduled), deployments outside the period, incidents
/// blamed on two routes, resolved and not, and one emergency reviewed of two.
@Suite struct DORAFiguresTests {
    let stores = TestStores()
    static let fortnight = (try? Period(since: time("2026-11-02T00:00:00Z"), until: time("2026-11-16T00:00:00Z")))!

    static func change(_ id: String, _ route: Route, submitted: String, deployed: String? = nil, window: String? = nil,
                       state: ChangeState? = nil) -> SubmittedChange {
        let type: ChangeType = switch route {
        case .pipeline: .standard
        case .emergency: .emergency
        case .peer, .cab: .normal
        }
        let start = window.map(time)
        let change = Change(
            id: id, title: "Change \(id)", owner: "raj", team: "alpha", type: type, category: .singleService, risk: .low, route: route,
            services: ["S1"], blastRadius: "S1", rollbackPlan: "redeploy", rollbackMinutes: 3, verification: "errors flat",
            windowStart: start, windowEnd: start?.adding(hours: 1), submittedAt: time(submitted), state: .new, deployedAt: deployed.map(time))
        return SubmittedChange(change: change, statedRoute: route, statedState: state)
    }

    static func approval(_ change: String, at: String) -> Decision {
        Decision(id: "\(change)-ok", change: change, outcome: .approved, at: time(at), by: "priya")
    }

    static var fixture: InterchangeDocument {
        var document = InterchangeDocument(
            services: [Service(name: "S1", team: "alpha")],
            changes: [
                change("B1", .cab, submitted: "2026-11-02T08:00:00Z", deployed: "2026-11-03T08:00:00Z"),
                change("B2", .cab, submitted: "2026-11-04T00:00:00Z", deployed: "2026-11-06T00:00:00Z"),
                change("B3", .cab, submitted: "2026-11-10T00:00:00Z", window: "2026-11-11T00:00:00Z", state: .closed),
                change("B4", .cab, submitted: "2026-11-19T00:00:00Z", deployed: "2026-11-20T00:00:00Z"),
                change("P1", .peer, submitted: "2026-11-03T00:00:00Z", deployed: "2026-11-03T02:00:00Z"),
                change("P2", .peer, submitted: "2026-11-12T00:00:00Z", deployed: "2026-11-12T06:00:00Z"),
                change("P3", .peer, submitted: "2026-11-01T00:00:00Z", window: "2026-11-05T00:00:00Z"),
                change("L1", .pipeline, submitted: "2026-11-08T00:00:00Z", window: "2026-11-08T12:00:00Z", state: .closed),
                change("L2", .pipeline, submitted: "2026-11-15T20:00:00Z", deployed: "2026-11-15T19:00:00Z"),
                change("E1", .emergency, submitted: "2026-11-09T03:00:00Z", deployed: "2026-11-09T02:30:00Z"),
                change("E2", .emergency, submitted: "2026-11-13T10:00:00Z", window: "2026-11-13T10:30:00Z", state: .review),
                change("E3", .emergency, submitted: "2026-11-16T01:00:00Z", deployed: "2026-11-16T02:00:00Z"),
            ],
            decisions: [
                approval("B1", at: "2026-11-02T20:00:00Z"), approval("B2", at: "2026-11-04T04:00:00Z"), approval("B3", at: "2026-11-10T06:00:00Z"),
                approval("B4", at: "2026-11-19T06:00:00Z"), approval("P1", at: "2026-11-03T01:00:00Z"), approval("P2", at: "2026-11-12T02:00:00Z"),
                approval("P3", at: "2026-11-01T01:00:00Z"),
            ],
            incidents: [
                Incident(id: "I1", openedAt: time("2026-11-03T09:00:00Z"), severity: .sev2, causedBy: ["B1"], services: ["S1"],
                         resolvedAt: time("2026-11-03T11:00:00Z")),
                Incident(id: "I2", openedAt: time("2026-11-11T02:00:00Z"), severity: .sev3, causedBy: ["B3"], services: ["S1"]),
                Incident(id: "I3", openedAt: time("2026-11-09T04:00:00Z"), severity: .sev1, causedBy: ["E1"], services: ["S1"],
                         resolvedAt: time("2026-11-09T04:30:00Z")),
                Incident(id: "I4", openedAt: time("2026-11-12T07:00:00Z"), severity: .sev2, causedBy: ["P2", "B1"], services: ["S1"],
                         resolvedAt: time("2026-11-12T10:00:00Z")),
            ])
        document.pirs = [PostImplementationReview(change: "E1", outcome: .accepted, at: time("2026-11-10T09:00:00Z"), by: "priya")]
        return document
    }

    func figures(_ backend: Backend) throws -> Figures {
        let store = try stores.fresh(backend)
        _ = try store.importDocument(Self.fixture)
        return try store.figures(for: Self.fortnight)
    }

    @Test(arguments: Backend.allCases)
    func theBoardsDeploymentsFailLeadAndRestoreAsWorkedOutOnPaper(backend: Backend) throws {
        let board = try #require(try figures(backend).dora.route(.cab))
        // B1 (recorded), B2 (recorded), B3 (closed: its window start 11-11 stands in); B4 deployed after the period.
        #expect(board.deployed == 3)
        #expect(board.estimatedDeployments == 1)
        // B1 (I1, I4) and B3 (I2) caused incidents: 2 of 3.
        #expect(board.failedDeployments == 2)
        #expect(board.changeFailureRate == 2.0 / 3)
        // Submission to deployment: B1 24 h, B2 48 h, B3 24 h → sorted 24, 24, 48: median 24, mean 32, p90 = 24 + 0.8 × 24 = 43.2.
        #expect(board.leadTimeToDeployment == Durations(milliseconds: [24, 48, 24].map { $0 * 3_600_000 }))
        #expect(board.leadTimeToDeployment.medianHours == 24)
        #expect(board.leadTimeToDeployment.meanHours == 32)
        #expect(abs((board.leadTimeToDeployment.p90Hours ?? 0) - 43.2) < 1e-12)
        // Submission to approval of the same three: 12 h, 4 h, 6 h → median 6, mean 22 / 3.
        #expect(board.leadTimeToApproval.count == 3)
        #expect(board.leadTimeToApproval.medianHours == 6)
        #expect(abs((board.leadTimeToApproval.meanHours ?? 0) - 22.0 / 3) < 1e-12)
        // 3 deployments over 14 days = 2 weeks.
        #expect(board.deploymentsPerWeek == 1.5)
        // I1 (2 h), I4 (3 h) resolved, I2 open: median 2.5 h.
        #expect(board.incidents == 3)
        #expect(board.unresolvedIncidents == 1)
        #expect(board.timeToRestore.medianHours == 2.5)
    }

    @Test(arguments: Backend.allCases)
    func peerPipelineAndEmergencyAsWorkedOutOnPaper(backend: Backend) throws {
        let dora = try figures(backend).dora
        let peer = try #require(dora.route(.peer))
        // P1 2 h, P2 6 h; P3 is only scheduled, so its window start is no deployment.
        #expect([peer.deployed, peer.estimatedDeployments, peer.failedDeployments] == [2, 0, 1])
        #expect(peer.leadTimeToDeployment.medianHours == 4)
        #expect(peer.leadTimeToApproval.medianHours == 1.5)
        #expect(peer.deploymentsPerWeek == 1)
        #expect(peer.timeToRestore.medianHours == 3)
        let pipeline = try #require(dora.route(.pipeline))
        // L1 closed, window start 12 h after submission; L2 deployed an hour before it was submitted counts 0.
        #expect([pipeline.deployed, pipeline.estimatedDeployments, pipeline.failedDeployments] == [2, 1, 0])
        #expect(pipeline.changeFailureRate == 0)
        #expect(pipeline.leadTimeToDeployment.medianHours == 6)
        #expect(pipeline.leadTimeToApproval == Durations(milliseconds: []))
        #expect(pipeline.timeToRestore.medianHours == nil)
        let emergency = try #require(dora.route(.emergency))
        // E1 recorded before its submission (0), E2 in review from its window start (0.5 h); E3 after the period.
        #expect([emergency.deployed, emergency.estimatedDeployments, emergency.failedDeployments] == [2, 1, 1])
        #expect(emergency.leadTimeToDeployment.medianHours == 0.25)
        #expect(emergency.timeToRestore.medianHours == 0.5)
    }

    @Test(arguments: Backend.allCases)
    func theBoardAgainstPeerReviewSaysTooFewAndWhatTheBoardCosts(backend: Backend) throws {
        let answer = try #require(try figures(backend).dora.boardAgainstPeer)
        // 3 and 2 deployments, under the 10 each a comparison needs.
        #expect(answer.safety == .tooFew)
        // Median lead time to deployment: board 24 h, peer 4 h.
        #expect(answer.extraMedianLeadHours == 20)
        #expect(answer.leadTimeAnswer == "the board adds 20.0 h of median lead time to deployment (board 24.0 h, peer 4.0 h)")
    }

    @Test(arguments: Backend.allCases)
    func emergenciesDeployedInThePeriodAndTheirReviews(backend: Backend) throws {
        let reviews = try figures(backend).emergencyReviews
        // E1 and E2 deployed; E1 reviewed (accepted); E2 (estimated) awaits.
        #expect([reviews.deployed, reviews.estimated, reviews.reviewed, reviews.accepted, reviews.followUpRequired, reviews.awaiting]
                == [2, 1, 1, 1, 0, 1])
    }

    @Test func boardApprovedChangesFailLessWhenNewcombesIntervalSaysSo() {
        // Board 1 of 40 (2.5%) against peer 12 of 40 (30%): the interval on the difference lies below 0.
        var board = DORACounts(), peer = DORACounts()
        board.deployed = 40; board.failed = 1; peer.deployed = 40; peer.failed = 12
        let period = Self.fortnight
        let answer = DORAFigures(period: period, counts: [.cab: board, .peer: peer]).boardAgainstPeer
        #expect(answer?.safety == .failsLess)
        #expect(answer?.failureAnswer.hasPrefix("board-approved changes fail less than peer-reviewed ones: 2.5% of 40 against 30.0% of 40") == true)
        peer.failed = 2
        #expect(DORAFigures(period: period, counts: [.cab: board, .peer: peer]).boardAgainstPeer?.safety == .noDifference)
    }
}
