import Foundation
import Testing
@testable import CabinetModel
@testable import CabinetStore

/// The effectiveness figures read a period's whole ISO weeks from one summary row per route and
/// week, which the triggers keep in the transaction of each write: the first decisions by
/// outcome, the approved changes that caused an incident, the submissions. The hand-made week
/// of `figureFixture` (2026-W45 is 2 to 9 November) is the chair's history here.
@Suite struct RouteWeekSummaryTests {
    let stores = TestStores()

    /// Each route's weeks that count something: first decisions approved, with conditions,
    /// rejected, deferred; approved with an incident; submitted.
    func weeks(_ store: some SQLStore) throws -> [String] {
        try store.reading { db in
            try db.rows("SELECT route, week, \(RouteWeekTriggers.counts.joined(separator: ", ")) FROM route_weeks ORDER BY route, week") { row in
                let counts = try (2..<8).map { try row.int($0) }
                return counts.allSatisfy { $0 == 0 } ? nil
                    : "\(try row.text(0)) \(ISOWeek(index: try row.integer(1)).label): \(counts[0..<4].map(String.init).joined(separator: " ")), \(counts[4]), \(counts[5])"
            }.compactMap { $0 }
        }
    }

    func read(_ json: String, into store: some SQLStore) throws {
        _ = try store.importDocument(try InterchangeReader.read(Data(json.utf8), source: "morning.json"), source: "morning.json")
    }

    /// 2026-W46: Monday 9 November is day 20,766 since 1970-01-01, week (20,766 − 4) / 7 = 2,966
    /// since the Monday 1970-01-05.
    func week46() throws -> Period { try Period(since: time("2026-11-09T00:00:00Z"), until: time("2026-11-16T00:00:00Z")) }

    @Test(arguments: Backend.allCases)
    func eachWriteOfTheMorningMovesItsRoutesWeekAndTheAuditFindsThemWhole(backend: Backend) throws {
        let store = try stores.fresh(backend, holding: figureFixture)
        // Submitted (UTC): C2, C6 and the emergency C10 on 1 November (W44); C1, C3, C4, C5, C7, C8
        // in W45; C9 at 01:00 on the 9th (W46). First decisions: C1, C4, C6 (23:00 on the 1st at
        // -01:00 is midnight on the 2nd) approved, C3 rejected, C2 deferred in W45; C5 approved at
        // midnight on the 9th (W46); C7 (peer) approved in W45. C4 and C7 caused incidents.
        #expect(try weeks(store) == [
            "cab 2026-W44: 0 0 0 0, 0, 2", "cab 2026-W45: 3 0 1 1, 1, 4", "cab 2026-W46: 1 0 0 0, 0, 1",
            "emergency 2026-W44: 0 0 0 0, 0, 1", "peer 2026-W45: 1 0 0 0, 1, 1", "pipeline 2026-W45: 0 0 0 0, 0, 1",
        ])
        #expect(try store.auditSummaries() == nil)

        // The chair approves C9 on the 10th: its first decision, in W46.
        try store.record(Decision(id: "d-c9", change: "C9", outcome: .approved, at: time("2026-11-10T09:00:00Z"), by: "chair"))
        // INC-9 is traced to C3, rejected in W45 (a test deployment of it broke S1)...
        try read(#"{"incidents": [{"id": "INC-9", "openedAt": "2026-11-09T10:00:00Z", "severity": "sev3", "causedBy": ["C3"], "services": ["S1"]}]}"#,
                 into: store)
        // ... and C3 comes back with a rollback and is approved on the 10th: its first decision
        // stays the rejection, its approval (with an incident) falls in W46.
        try store.record(Decision(id: "d-c3", change: "C3", outcome: .approved, at: time("2026-11-10T10:00:00Z"), by: "chair",
                                  supersedes: "C3@2026-11-05T09:00:00Z/chair"))
        // C5 is stopped on the 11th: a later decision, its first one (approved, W46) still counts.
        try store.record(Decision(id: "d-c5", change: "C5", outcome: .rejected, at: time("2026-11-11T09:00:00Z"), by: "chair",
                                  note: "the flag leaks", supersedes: "C5@2026-11-09T00:00:00Z/chair"))
        // INC-3 was not C7's doing after all: the chair removes the link.
        try rawWrite("DELETE FROM incident_causes WHERE incident_id = 'INC-3' AND change_id = 'C7'", in: store)
        #expect(try weeks(store) == [
            "cab 2026-W44: 0 0 0 0, 0, 2", "cab 2026-W45: 3 0 1 1, 1, 4", "cab 2026-W46: 2 0 0 0, 1, 1",
            "emergency 2026-W44: 0 0 0 0, 0, 1", "peer 2026-W45: 1 0 0 0, 0, 1", "pipeline 2026-W45: 0 0 0 0, 0, 1",
        ])
        // The links of approved changes, by approval: C4's three (W45) and C3's INC-9 (W46).
        #expect(try store.reading { db in
            try db.rows("SELECT change_id, incident_id, route, approved_at FROM approved_incident_links ORDER BY approved_at, incident_id") { row in
                "\(try row.text(0)) \(try row.text(1)) \(try row.text(2)) \(try row.timestamp(3).iso8601)"
            }
        } == ["C4 INC-1 cab 2026-11-05T02:00:00Z", "C4 INC-2 cab 2026-11-05T02:00:00Z", "C4 INC-3 cab 2026-11-05T02:00:00Z",
              "C3 INC-9 cab 2026-11-10T10:00:00Z"])
        #expect(try store.auditSummaries() == nil)

        // W46 is read from the summary alone (a whole week) and the latencies of its rows: C5 and
        // C9 were reviewed and passed through; C5, C9 and C3 were approved, C3 caused INC-9 (1 of 3).
        #expect(WeekSplit(try week46()) == WeekSplit(wholeWeeks: 2966..<2967, edges: []))
        let board = try store.figures(for: try week46()).board
        #expect([board.reviewed, board.passedThrough, board.approved, board.approvedWithIncident, board.incidentCount] as [Int] == [2, 2, 3, 1, 1])
        #expect(board.incidentRate == 1.0 / 3.0)
        // The panel's first answer leaves the deployments out, and says so; the rest is the same.
        let first = try store.figures(for: try week46(), deployments: false), whole = try store.figures(for: try week46())
        #expect(first.deploymentsPending && !whole.deploymentsPending)
        #expect(first.board == whole.board && first.byRoute == whole.byRoute && first.weekly == whole.weekly)
        #expect(first.dora == DORAFigures(period: try week46(), counts: [:]) && first.emergencyReviews == EmergencyReviewFigures())
    }

    /// The figures of whole weeks are the summary's: a summary written around cab shows in the
    /// report, and the audit names the route and week whose rows say otherwise.
    @Test(arguments: Backend.allCases)
    func aWeekWrittenAroundCabIsWhatTheReportReadsAndTheAuditNamesIt(backend: Backend) throws {
        let store = try stores.fresh(backend, holding: figureFixture)
        try rawWrite("UPDATE route_weeks SET first_approved = 7 WHERE route = 'cab' AND week = 2966", in: store)
        #expect(try store.figures(for: try week46()).board.reviewed == 7)
        #expect(try store.auditSummaries() == SummaryDifference(
            summary: "route_weeks", key: "cab 2026-W46",
            stored: "first decisions 7 approved, 0 approved-with-conditions, 0 rejected, 0 deferred; 0 approved with an incident; 1 submitted",
            recomputed: "first decisions 1 approved, 0 approved-with-conditions, 0 rejected, 0 deferred; 0 approved with an incident; 1 submitted"))
    }

    /// The incident links are read from the links kept by approval: one lost is what the report
    /// misses, and what the audit names.
    @Test(arguments: Backend.allCases)
    func aLinkLostAroundCabIsNamedByTheAudit(backend: Backend) throws {
        let store = try stores.fresh(backend, holding: figureFixture)
        try rawWrite("DELETE FROM approved_incident_links WHERE change_id = 'C4' AND incident_id = 'INC-2'", in: store)
        // W45: C4's INC-1 and INC-3 are left, and C7's INC-3 (peer).
        let week45 = try Period(since: time("2026-11-02T00:00:00Z"), until: time("2026-11-09T00:00:00Z"))
        #expect(try store.figures(for: week45).board.incidentCount == 2)
        #expect(try store.auditSummaries() == SummaryDifference(
            summary: "approved_incident_links", key: "C4 INC-2", stored: "no link", recomputed: "cab, approved at 2026-11-05T02:00:00Z"))
    }

    /// A period is cut at Mondays (UTC): whole weeks from the summary, the edges from the rows.
    @Test func aPeriodIsCutIntoWholeWeeksAndTheEdgesAroundThem() throws {
        // Wednesday 4 November noon to Tuesday 17 November: W46 whole, the rest of W45 before it
        // and the Monday of W47 after it.
        let period = try Period(since: time("2026-11-04T12:00:00Z"), until: time("2026-11-17T00:00:00Z"))
        let w46: Int64 = 2966
        #expect(WeekSplit(period) == WeekSplit(wholeWeeks: w46..<(w46 + 1), edges: [
            time("2026-11-04T12:00:00Z").milliseconds..<time("2026-11-09T00:00:00Z").milliseconds,
            time("2026-11-16T00:00:00Z").milliseconds..<time("2026-11-17T00:00:00Z").milliseconds,
        ]))
        // Inside one week: no whole week, the period itself is the edge.
        let inside = try Period(since: time("2026-11-10T00:00:00Z"), until: time("2026-11-12T00:00:00Z"))
        #expect(WeekSplit(inside) == WeekSplit(wholeWeeks: nil, edges: [inside.since.milliseconds..<inside.until.milliseconds]))
        // Monday to Monday: one whole week, no edge.
        #expect(WeekSplit(try week46()) == WeekSplit(wholeWeeks: w46..<(w46 + 1), edges: []))
    }
}
