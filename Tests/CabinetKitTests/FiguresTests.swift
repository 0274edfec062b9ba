import Foundation
import Testing
@testable import cab
@testable import CabinetModel
@testable import CabinetStore

@Suite struct FiguresTests {
    let stores = TestStores()

    func figures(_ backend: Backend) throws -> Figures {
        try stores.fresh(backend, holding: figureFixture).figures(for: try Period(since: time("2026-11-02T00:00:00Z"), until: time("2026-11-09T00:00:00Z")))
    }

    @Test(arguments: Backend.allCases)
    func theBoardsReviewSharesCountFirstDecisionsInThePeriod(backend: Backend) throws {
        let board = try figures(backend).board
        // C1 approved, C2 deferred (07:30Z), C3 rejected, C4 approved, C6 approved at exactly `since`.
        #expect(board.reviewed == 5)
        #expect(board.passThroughRate == 3.0 / 5)
        #expect(board.modifiedRate == 0)
        #expect(board.rejectedRate == 1.0 / 5)
        #expect(board.deferredRate == 1.0 / 5)
    }

    @Test(arguments: Backend.allCases)
    func approvalsCountTheEarliestApprovalInThePeriodAndExcludeUntil(backend: Backend) throws {
        let board = try figures(backend).board
        // C1, C2 (deferred, then approved with conditions the next day), C4, C6; C5 falls on `until`.
        #expect(board.approved == 4)
    }

    @Test(arguments: Backend.allCases)
    func latencyRunsFromSubmissionToApproval(backend: Backend) throws {
        let latency = try figures(backend).board.approvalLatency
        // C4 2 h, C1 exactly 4 h, C6 24 h, C2 37.5 h.
        #expect(latency.meanHours == 67.5 / 4)
        #expect(latency.medianHours == 14)
        #expect(abs((latency.p90Hours ?? 0) - 33.45) < 1e-12)
        #expect(latency.under4hShare == 0.5)
    }

    @Test(arguments: Backend.allCases)
    func incidentsAreCountedOnceAndRatedPerApprovedChange(backend: Backend) throws {
        let figures = try figures(backend)
        // INC-1 and INC-2 (C4), INC-3 (C4 and C7): three incidents, one approved board change of four.
        #expect(figures.board.incidentCount == 3)
        #expect(figures.board.incidentRate == 0.25)
        let peer = try #require(figures.figures(for: .peer))
        #expect(peer.figures.incidentCount == 1)
        #expect(peer.figures.incidentRate == 1)
    }

    @Test(arguments: Backend.allCases)
    func theCabShareIsOfEverythingSubmittedInThePeriod(backend: Backend) throws {
        let figures = try figures(backend)
        // Submitted: C1, C3 (15:00Z), C4, C5, C7, C8; C9 is 01:00Z on the 9th, C10 23:00Z on the 1st.
        #expect(figures.submitted == 6)
        #expect(figures.cabShare == 4.0 / 6)
        #expect(figures.byRoute.map(\.submitted) == [1, 1, 4, 0])
        #expect(figures.figures(for: .emergency)?.share == 0)
    }

    @Test(arguments: Backend.allCases)
    func aRouteWithNothingToShareHasNullNotZero(backend: Backend) throws {
        let pipeline = try #require(try figures(backend).figures(for: .pipeline))
        #expect(pipeline.figures.reviewed == 0)
        #expect(pipeline.figures.passThroughRate == nil)
        #expect(pipeline.figures.incidentRate == nil)
        #expect(pipeline.figures.approvalLatency.medianHours == nil)
    }

    @Test(arguments: Backend.allCases)
    func anEmptyPeriodIsNullEverywhere(backend: Backend) throws {
        let store = try stores.fresh(backend, holding: figureFixture)
        let empty = try store.figures(for: try Period(since: time("2020-01-01T00:00:00Z"), until: time("2020-01-02T00:00:00Z")))
        #expect(empty.submitted == 0 && empty.board.reviewed == 0 && empty.board.approved == 0)
        #expect(empty.cabShare == nil)
        #expect(empty.board.passThroughRate == nil && empty.board.incidentRate == nil)
        #expect(empty.board.approvalLatency == ApprovalLatency(milliseconds: []))
        let json = try JSONOutput.encode(empty)
        #expect(json.contains("\"passThroughRate\" : null"))
        #expect(json.contains("\"meanHours\" : null"))
        #expect(!json.contains("NaN"))
    }

    @Test(arguments: Backend.allCases)
    func weeksSplitThePeriod(backend: Backend) throws {
        let store = try stores.fresh(backend, holding: figureFixture)
        let fortnight = try store.figures(for: try Period(since: time("2026-11-02T00:00:00Z"), until: time("2026-11-16T00:00:00Z")))
        #expect(fortnight.weekly.map(\.week.label) == ["2026-W45", "2026-W46"])
        // C5, first decided and approved at 00:00Z on the 9th, is the second week's only review and
        // approval; C9 (01:00Z on the 9th) its only submission.
        let second = fortnight.weekly[1]
        #expect(second.figures.reviewed == 1 && second.figures.approved == 1)
        #expect(second.submitted == 1 && second.cabShare == 1)
        #expect(fortnight.weekly[0].figures.incidentCount == 3)
    }

    @Test(arguments: Backend.allCases)
    func theJSONReportUsesTheKeysOfTheDesign(backend: Backend) throws {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(JSONOutput.encode(try figures(backend)).utf8)) as? [String: Any])
        for key in ["reviewed", "passThroughRate", "modifiedRate", "rejectedRate", "deferredRate", "approved", "incidentCount",
                    "incidentRate", "approvalLatency", "cabShare", "submitted", "byRoute", "weekly"] {
            #expect(object[key] != nil, "missing \(key)")
        }
        let latency = try #require(object["approvalLatency"] as? [String: Any])
        #expect(Set(latency.keys) == ["meanHours", "medianHours", "p90Hours", "under4hShare"])
        let byRoute = try #require(object["byRoute"] as? [String: Any])
        #expect(Set(byRoute.keys) == ["pipeline", "peer", "cab", "emergency"])
    }
}

@Suite struct ApprovalLatencyTests {
    @Test func percentilesInterpolateBetweenClosestRanksLikeNumpy() {
        // numpy.percentile([1, 2, 3, 4], [50, 90]) == [2.5, 3.7]
        #expect(ApprovalLatency.percentile(0.5, ofSorted: [1, 2, 3, 4]) == 2.5)
        #expect(abs((ApprovalLatency.percentile(0.9, ofSorted: [1, 2, 3, 4]) ?? 0) - 3.7) < 1e-12)
        #expect(ApprovalLatency.percentile(0.9, ofSorted: [7]) == 7)
        #expect(ApprovalLatency.percentile(0.5, ofSorted: []) == nil)
    }
}

@Suite struct LatencyHistogramTests {
    @Test func eachLatencyFallsInTheFirstBucketWhoseEdgeItDoesNotPass() {
        let hours: [Double] = [0.5, 1, 1.5, 4, 4.01, 24, 47, 48, 49, 500]
        let histogram = LatencyHistogram(milliseconds: hours.map { Int64($0 * 3_600_000) })
        #expect(histogram.counts == [2, 1, 1, 1, 1, 2, 2])
        #expect(LatencyHistogram.labels == ["≤1h", "≤2h", "≤4h", "≤8h", "≤24h", "≤48h", ">48h"])
    }
}
