import Testing
@testable import CabinetModel
@testable import CabinetStore

@Suite struct VerdictTests {
    let week = ISOWeek(containing: time("2026-11-04T00:00:00Z"))

    /// Figures of one week: the board's first outcomes, approvals with incidents and latencies
    /// (hours), and the peer route's approvals with incidents.
    func figures(board outcomes: [Outcome: Int], approved: Int, withIncident: Int, latencyHours: [Double],
                 peerApproved: Int = 0, peerWithIncident: Int = 0) throws -> Figures {
        var board = FigureCounts()
        board.firstOutcomes = outcomes
        board.approved = approved
        board.approvedWithIncident = withIncident
        board.latencies = latencyHours.map { Int64($0 * 3_600_000) }
        board.submitted = outcomes.values.reduce(0, +)
        var peer = FigureCounts()
        peer.firstOutcomes = [.approved: peerApproved]
        peer.approved = peerApproved
        peer.approvedWithIncident = peerWithIncident
        peer.submitted = peerApproved * 9
        return Figures(period: try Period(since: week.start, until: week.end),
                       groups: [RouteWeek(route: .cab, week: week): board, RouteWeek(route: .peer, week: week): peer],
                       incidentsByRoute: [.cab: withIncident, .peer: peerWithIncident], boardIncidentsByWeek: [week: withIncident])
    }

    @Test func aBoardThatApprovesEverythingAndCatchesNothingIsTheater() throws {
        let verdict = try figures(board: [.approved: 97, .approvedWithConditions: 1, .rejected: 1, .deferred: 1], approved: 99,
                                  withIncident: 3, latencyHours: [1, 2, 3], peerApproved: 100, peerWithIncident: 2).verdict
        #expect(verdict.kind == .theater)
        #expect(verdict.reasons[0] == "pass-through 97.0% is over 95.0%: the board approves without changing anything")
        #expect(verdict.reasons[1] == "incidents per approved change 3.0%, no better than peer review's 2.0%")
    }

    @Test func aRubberStampThatIsSaferThanPeerReviewIsNotTheater() throws {
        let verdict = try figures(board: [.approved: 97, .rejected: 3], approved: 100, withIncident: 1, latencyHours: [1, 2, 3],
                                  peerApproved: 100, peerWithIncident: 3).verdict
        #expect(verdict.kind == .healthy)
        #expect(verdict.reasons[1] == "incidents per approved change 1.0%, below peer review's 3.0%")
    }

    @Test func aBoardThatRejectsMuchAndIsSlowIsABottleneck() throws {
        let verdict = try figures(board: [.approved: 60, .approvedWithConditions: 10, .rejected: 20, .deferred: 10], approved: 70,
                                  withIncident: 0, latencyHours: [10, 30, 50], peerApproved: 100, peerWithIncident: 2).verdict
        #expect(verdict.kind == .bottleneck)
        #expect(verdict.reasons.contains("rejected or deferred 30.0% of its reviews"))
        #expect(verdict.reasons.contains("median approval 30.0 h, over the 4 h target"))
    }

    @Test func aBoardThatChangesThingsQuicklyIsHealthy() throws {
        let verdict = try figures(board: [.approved: 75, .approvedWithConditions: 15, .rejected: 5, .deferred: 5], approved: 90,
                                  withIncident: 1, latencyHours: [1, 2, 3], peerApproved: 100, peerWithIncident: 3).verdict
        #expect(verdict.kind == .healthy)
        #expect(verdict.line.hasPrefix("Healthy: pass-through 75.0%: the board changes or stops 25.0% of what it sees"))
    }

    @Test func noReviewsIsNotEnoughData() throws {
        let verdict = try figures(board: [:], approved: 0, withIncident: 0, latencyHours: []).verdict
        #expect(verdict.kind == .insufficientData)
        #expect(verdict.line == "Not enough data: no board decisions in the period")
    }
}

@Suite struct TrendTests {
    @Test func theSlopeOfTheLastWeeksGivesTheDirection() {
        #expect(Trend([0.10, 0.08, 0.05, 0.02]) == .down)
        #expect(Trend([0, 0, 0, 0]) == .flat)
        #expect(Trend([nil, 0.01, 0.03]) == .up)
        #expect(Trend([0.5, 0, 0, 0, 0]) == .flat)
        #expect(Trend([0.2]) == .flat)
    }
}
