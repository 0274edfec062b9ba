import Foundation
import Testing
@testable import cab
@testable import CabinetModel
@testable import CabinetStore

/// Each fixture's figures were worked by hand (Wilson and Newcombe intervals at z = 1.96); the
/// comments give the sums.
@Suite struct VerdictTests {
    let week = ISOWeek(containing: time("2026-11-04T00:00:00Z"))

    /// One week of the board: its first outcomes, approvals, approvals with an incident and latencies (hours).
    func board(_ outcomes: [Outcome: Int], approved: Int, withIncident: Int, latencyHours: [Double]) -> FigureCounts {
        var board = FigureCounts()
        board.firstOutcomes = outcomes
        board.approved = approved
        board.approvedWithIncident = withIncident
        board.latencies = latencyHours.map { Int64($0 * 3_600_000) }
        board.submitted = outcomes.values.reduce(0, +)
        return board
    }

    /// Figures over consecutive weeks of the board (the last one is `week`), with the peer route's
    /// approvals and approvals with an incident in the last week.
    func figures(weeks: [FigureCounts], peerApproved: Int = 0, peerWithIncident: Int = 0) throws -> Figures {
        var peer = FigureCounts()
        peer.firstOutcomes = [.approved: peerApproved]
        peer.approved = peerApproved
        peer.approvedWithIncident = peerWithIncident
        peer.submitted = peerApproved * 9
        let first = ISOWeek(index: week.index - Int64(weeks.count - 1))
        var groups: [RouteWeek: FigureCounts] = [RouteWeek(route: .peer, week: week): peer]
        var incidents: [ISOWeek: Int] = [:]
        for (offset, counts) in weeks.enumerated() {
            let at = ISOWeek(index: first.index + Int64(offset))
            groups[RouteWeek(route: .cab, week: at)] = counts
            incidents[at] = counts.approvedWithIncident
        }
        return Figures(period: try Period(since: first.start, until: week.end), groups: groups,
                       incidentsByRoute: [.cab: weeks.reduce(0) { $0 + $1.approvedWithIncident }, .peer: peerWithIncident],
                       boardIncidentsByWeek: incidents)
    }

    func figures(board outcomes: [Outcome: Int], approved: Int, withIncident: Int, latencyHours: [Double],
                 peerApproved: Int = 0, peerWithIncident: Int = 0) throws -> Figures {
        try figures(weeks: [board(outcomes, approved: approved, withIncident: withIncident, latencyHours: latencyHours)],
                    peerApproved: peerApproved, peerWithIncident: peerWithIncident)
    }

    func axis(_ verdict: Verdict, _ name: VerdictAxis.Name) -> VerdictAxis? { verdict.axes.first { $0.name == name } }

    /// The demo: 72.3% pass-through, 2.0% incidents like peer review, 18 h to approve.
    @Test func aSlowBoardNoSaferThanPeerReviewIsNotHealthy() throws {
        let verdict = try figures(board: [.approved: 723, .approvedWithConditions: 177, .rejected: 60, .deferred: 40], approved: 9000,
                                  withIncident: 180, latencyHours: Array(repeating: 18, count: 9000),
                                  peerApproved: 100_000, peerWithIncident: 2000).verdict
        #expect(verdict.kind == .notCatchingRisks)
        #expect(verdict.failing == [.safety, .speed])
        #expect(verdict.headline == "Not catching risks, bottleneck")
        // 723/1000: Wilson (1446 + 3.84 ± 1.96·√(3.84 + 4000·0.723·0.277)) / (2·1003.84) = 69.4% to 75.0%.
        #expect(axis(verdict, .value)?.status == .ok)
        #expect(verdict.reasons[0] == "value ok: pass-through 72.3% (95% CI 69.4–75.0%), n = 1000: the board changes or stops 27.7% of what it sees")
        // 180/9000 = 2.0% (1.7–2.3%) vs 2000/100000 = 2.0% (1.9–2.1%): the difference's interval, −0.3 to +0.3 points,
        // rules out the board being 25% safer (−0.5 points).
        let safety = try #require(axis(verdict, .safety))
        #expect(safety.status == .failing)
        #expect(abs((safety.differenceInterval?.low ?? 0) - -0.0028) < 0.0001)
        #expect(verdict.reasons[1] == "safety failing: incidents per approved change 2.0% (95% CI 1.7–2.3%), 180 of 9000, trend flat, "
            + "no better than peer review's 2.0% (95% CI 1.9–2.1%) (difference +0.0 pt, 95% CI -0.3 pt to +0.3 pt): not catching risks")
        #expect(verdict.reasons[2] == "speed failing: mean approval 18.0 h over 8 h (target 4 h): the board slows delivery "
            + "(median 18.0 h, p90 18.0 h, n = 9000)")
    }

    @Test func aSlowButSafeBoardIsOnlyABottleneck() throws {
        // 2/200 = 1.0% against peer review's 30/300 = 10.0%: difference −9.0 points, Newcombe −13.0 to −5.1: safer.
        let verdict = try figures(board: [.approved: 60, .approvedWithConditions: 20, .rejected: 10, .deferred: 10], approved: 200,
                                  withIncident: 2, latencyHours: Array(repeating: 10, count: 200), peerApproved: 300, peerWithIncident: 30).verdict
        #expect(verdict.kind == .bottleneck)
        #expect(verdict.failing == [.speed])
        #expect(verdict.line.hasPrefix("Bottleneck: value ok: pass-through 60.0% (95% CI 50.2–69.1%)"))
        #expect(axis(verdict, .safety)?.status == .ok)
        #expect(verdict.reasons[1].contains("safer than peer review's 10.0% (95% CI 7.1–13.9%) (difference -9.0 pt, 95% CI -13.0 pt to -5.1 pt)"))
        #expect(axis(verdict, .speed)?.meanHours == 10)
    }

    @Test func aSafeBoardThatApprovesEverythingIsARubberStamp() throws {
        // 97/100: Wilson (194 + 3.84 ± 1.96·√(3.84 + 11.64)) / 207.68 = 91.5% to 99.0%.
        let verdict = try figures(board: [.approved: 97, .approvedWithConditions: 1, .rejected: 1, .deferred: 1], approved: 200,
                                  withIncident: 2, latencyHours: Array(repeating: 1, count: 200), peerApproved: 300, peerWithIncident: 30).verdict
        #expect(verdict.kind == .rubberStamp)
        #expect(verdict.headline == "Rubber stamp")
        #expect(verdict.reasons[0] == "value failing: pass-through 97.0% (95% CI 91.5–99.0%), n = 100 is over 95.0%: the board approves without changing anything")
        #expect(axis(verdict, .speed)?.status == .ok)
    }

    @Test func aRubberStampThatCatchesNothingIsTheater() throws {
        let verdict = try figures(board: [.approved: 97, .approvedWithConditions: 1, .rejected: 1, .deferred: 1], approved: 9000,
                                  withIncident: 180, latencyHours: Array(repeating: 1, count: 9000),
                                  peerApproved: 100_000, peerWithIncident: 2000).verdict
        #expect(verdict.kind == .theater)
        #expect(verdict.failing == [.value, .safety])
        #expect(verdict.headline == "Theater")
    }

    @Test func aBoardTooSmallToJudgeSaysSoInsteadOfJudging() throws {
        let verdict = try figures(board: [.approved: 5, .rejected: 2], approved: 6, withIncident: 1, latencyHours: [30, 30, 30, 30, 30, 30],
                                  peerApproved: 300, peerWithIncident: 30).verdict
        #expect(verdict.kind == .insufficientData)
        #expect(verdict.failing.isEmpty)
        #expect(verdict.axes.map(\.status) == [.tooFew, .tooFew, .tooFew])
        #expect(verdict.headline == "Not enough data to judge value, safety, speed")
        #expect(verdict.reasons[0] == "value not judged: too few reviews to judge pass-through (n = 7, at least 20 needed)")
        #expect(verdict.reasons[2] == "speed not judged: too few approvals to judge latency (n = 6, at least 20 needed)")
    }

    @Test func sevenIncidentsAreTooFewToCompareWithPeerReview() throws {
        // 7/350 = 2.0% (1.0–4.1%) vs 200/10000 = 2.0%: the difference runs from −1.1 to +2.1 points.
        let verdict = try figures(board: [.approved: 60, .approvedWithConditions: 20, .rejected: 20], approved: 350, withIncident: 7,
                                  latencyHours: Array(repeating: 2, count: 350), peerApproved: 10_000, peerWithIncident: 200).verdict
        let safety = try #require(axis(verdict, .safety))
        #expect(safety.status == .tooFew)
        #expect(safety.reason.contains("too few incidents to tell against peer review's 2.0% (95% CI 1.7–2.3%) (n = 7, "))
        #expect(!verdict.line.contains("no better"))
        #expect(verdict.kind == .insufficientData)
        #expect(verdict.headline == "Not enough data to judge safety")
    }

    @Test func theWarningBandsWarnWithoutFailing() throws {
        // Pass-through 92% is in the 90–95% band; a mean of 6 h (2 h and 10 h) is in the 4–8 h band.
        let verdict = try figures(board: [.approved: 92, .rejected: 8], approved: 100, withIncident: 0,
                                  latencyHours: Array(repeating: 2, count: 50) + Array(repeating: 10, count: 50)).verdict
        #expect(verdict.axes.map(\.status) == [.warning, .ok, .warning])
        // 0 of 100: Wilson's upper end is z² / (n + z²) = 3.84 / 103.84 = 3.7%.
        #expect(verdict.reasons[1] == "safety ok: no incidents from 100 approved changes (95% CI 0.0–3.7%)")
        #expect(verdict.kind == .healthy)
        #expect(verdict.headline == "Healthy, watch value, speed")
        #expect(verdict.reasons[2] == "speed warning: mean approval 6.0 h over the 4 h target (warning up to 8 h) (median 6.0 h, p90 10.0 h, n = 100)")
    }

    @Test func incidentsNoBetterThanPeerReviewButFallingOnlyWarn() throws {
        let reviews: [Outcome: Int] = [.approved: 60, .approvedWithConditions: 20, .rejected: 20]
        let latencies = Array(repeating: 1.0, count: 3000)
        // 90, 60, 30 incidents of 3000 approved each week: 2.0% over the period, falling from 3.0% to 1.5%.
        let weeks = [90, 60, 30].map { board(reviews, approved: 3000, withIncident: $0, latencyHours: latencies) }
        let verdict = try figures(weeks: weeks, peerApproved: 100_000, peerWithIncident: 2000).verdict
        #expect(verdict.axes[1].trend == .down)
        #expect(verdict.axes[1].status == .warning)
        #expect(verdict.reasons[1].hasSuffix("falling, but not catching risks"))
        #expect(verdict.kind == .healthy)
    }

    @Test func withoutPeerReviewTheTrendAloneDecides() throws {
        let reviews: [Outcome: Int] = [.approved: 60, .approvedWithConditions: 20, .rejected: 20]
        // 1 of 100, then 5 + 10 of 200: 1.0% to 7.5%, Newcombe's interval on the change lies above zero.
        let rising = [1, 5, 10].map { board(reviews, approved: 100, withIncident: $0, latencyHours: Array(repeating: 1, count: 100)) }
        let verdict = try figures(weeks: rising).verdict
        #expect(verdict.axes[1].status == .failing)
        #expect(verdict.reasons[1].hasSuffix("rising: not catching risks; too few peer-reviewed approvals to compare"))
    }

    @Test func aTrendIsOnlyADirectionWhenTheCountsShowOne() throws {
        let reviews: [Outcome: Int] = [.approved: 60, .approvedWithConditions: 20, .rejected: 20]
        let week = { (incidents: Int) in self.board(reviews, approved: 1000, withIncident: incidents, latencyHours: [1]) }
        // The slope falls, but 18 + 18 of 2000 against 24 + 20 of 2000 (1.8% against 2.2%) is within the noise.
        let noisy = try figures(weeks: [24, 20, 18, 18].map(week))
        #expect(noisy.incidentTrend == .down)
        #expect(VerdictAxis.incidentTrend(noisy.weekly) == .flat)
        // 30 + 28 of 2000 against 12 + 10 of 2000: 2.9% against 1.1%.
        #expect(VerdictAxis.incidentTrend(try figures(weeks: [30, 28, 12, 10].map(week)).weekly) == .down)
        #expect(VerdictAxis.incidentTrend(try figures(weeks: [12, 10, 30, 28].map(week)).weekly) == .up)
        #expect(VerdictAxis.incidentTrend(try figures(weeks: [week(5)]).weekly) == .flat)
    }

    @Test func noReviewsIsNotEnoughData() throws {
        let verdict = try figures(board: [:], approved: 0, withIncident: 0, latencyHours: []).verdict
        #expect(verdict.kind == .insufficientData)
        #expect(verdict.line.hasPrefix("Not enough data to judge value, safety, speed: value not judged: too few reviews"))
    }
}

/// Wilson's interval and Newcombe's hybrid score interval against the worked examples of
/// Newcombe (1998a, single proportions; 1998b, Table II method 10, differences), to four places.
@Suite struct RateIntervalTests {
    func rounded(_ interval: RateInterval?) -> [Double] {
        guard let interval else { return [] }
        return [interval.low, interval.high].map { ($0 * 10_000).rounded() / 10_000 }
    }

    @Test func wilsonMatchesThePublishedExamples() {
        #expect(rounded(RateInterval.wilson(81, of: 263)) == [0.2553, 0.3662])
        #expect(rounded(RateInterval.wilson(15, of: 148)) == [0.0624, 0.1605])
        #expect(rounded(RateInterval.wilson(0, of: 20)) == [0, 0.1611])
        #expect(rounded(RateInterval.wilson(1, of: 29)) == [0.0061, 0.1718])
        #expect(RateInterval.wilson(0, of: 0) == nil)
    }

    @Test func newcombeMatchesThePublishedExamples() {
        #expect(rounded(RateInterval.newcombe(56, of: 70, minus: 48, of: 80)) == [0.0524, 0.3339])
        #expect(rounded(RateInterval.newcombe(9, of: 10, minus: 3, of: 10)) == [0.1705, 0.8090])
        #expect(rounded(RateInterval.newcombe(5, of: 56, minus: 0, of: 29)) == [-0.0381, 0.1926])
        #expect(rounded(RateInterval.newcombe(0, of: 10, minus: 0, of: 20)) == [-0.1611, 0.2775])
        #expect(RateInterval.newcombe(1, of: 10, minus: 0, of: 0) == nil)
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

/// The verdict as `cab report` prints it and as `--json` carries it.
@Suite struct VerdictReportTests {
    let slowButSafe: Figures

    init() throws {
        slowButSafe = try VerdictTests().figures(board: [.approved: 60, .approvedWithConditions: 20, .rejected: 10, .deferred: 10], approved: 200,
                                                 withIncident: 2, latencyHours: Array(repeating: 10, count: 200), peerApproved: 300,
                                                 peerWithIncident: 30)
    }

    @Test func theReportPutsEachAxisOnItsOwnLine() {
        let text = ReportText.render(slowButSafe)
        #expect(text.contains("\nVerdict: Bottleneck\n  - value ok: pass-through 60.0% (95% CI 50.2–69.1%), n = 100: "))
        #expect(text.contains("\n  - speed failing: mean approval 10.0 h over 8 h (target 4 h)"))
        #expect(ReportMarkdown.render(slowButSafe).contains("**Verdict: Bottleneck**\n\n- value ok: pass-through 60.0%"))
        #expect(text.contains("approval latency         mean 10.0 h, median 10.0 h, p90 10.0 h   goal: mean under 4 h"))
        #expect(ReportMarkdown.render(slowButSafe).contains("| approval latency, mean / median / p90 | 10.0 h / 10.0 h / 10.0 h | mean under 4 h |"))
    }

    @Test func theJSONKeepsTheKindAndAddsTheAxesWithTheirIntervalsAndSamples() throws {
        let object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(slowButSafe)) as? [String: Any]
        let verdict = try #require(object?["verdict"] as? [String: Any])
        #expect(verdict["kind"] as? String == "bottleneck")
        #expect(verdict["failing"] as? [String] == ["speed"])
        let axes = try #require(verdict["axes"] as? [[String: Any]])
        #expect(axes.map { $0["status"] as? String } == ["ok", "ok", "failing"])
        let safety = axes[1]
        #expect(safety["sample"] as? Int == 200 && safety["minimumSample"] as? Int == 20 && safety["incidents"] as? Int == 2)
        #expect(safety["peerSample"] as? Int == 300)
        let difference = try #require(safety["differenceInterval"] as? [String: Double])
        #expect(((difference["low"] ?? 0) * 1000).rounded() == -130 && ((difference["high"] ?? 0) * 1000).rounded() == -51)
        #expect(axes[2]["meanHours"] as? Double == 10)
    }
}
