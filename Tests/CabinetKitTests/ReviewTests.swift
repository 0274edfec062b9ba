import Foundation
import Testing
@testable import CabinetModel
@testable import CabinetStore

/// A review opens for an incident blamed on a change the board approved, in the incident's own
/// write; history older than 30 days is listed as not reviewed; a review is answered and closed once.
@Suite struct ReviewTests {
    let stores = TestStores()
    let now = time("2026-11-21T00:00:00Z")

    /// C1 went to the board and was approved; C7 went through a peer and was never decided.
    let changes = """
        {"services": [{"name": "S1", "team": "alpha"}],
         "changes": [\(fixtureChange("C1", route: "cab", submitted: "2026-10-01T00:00:00Z")),
                     \(fixtureChange("C7", route: "peer", submitted: "2026-10-01T00:00:00Z")),
                     \(fixtureChange("C9", route: "cab", submitted: "2026-11-20T08:00:00Z"))],
         "decisions": [{"change": "C1", "outcome": "approved", "at": "2026-10-01T10:00:00Z", "by": "priya"}]}
        """

    func incidents(_ list: String) throws -> InterchangeDocument {
        try InterchangeReader.read(Data("{\"incidents\": [\(list)]}".utf8), source: "incidents.json")
    }

    @Test(arguments: Backend.allCases)
    func onlyRecentIncidentsOfApprovedChangesOpenAReview(backend: Backend) throws {
        let store = try stores.fresh(backend, holding: changes)
        _ = try store.importDocument(try incidents("""
            {"id": "INC-1", "openedAt": "2026-11-20T10:00:00Z", "severity": "sev2", "causedBy": ["C7"], "services": ["S1"]},
            {"id": "INC-2", "openedAt": "2026-11-20T11:00:00Z", "severity": "sev2", "causedBy": ["C7", "C1"], "services": ["S1"]},
            {"id": "INC-OLD", "openedAt": "2026-10-02T10:00:00Z", "severity": "sev3", "causedBy": ["C1"], "services": ["S1"]}
            """), source: "incidents.json", now: now)
        #expect(try store.reviews(includingClosed: true) == [Review(incident: "INC-2", change: "C1", openedAt: now)])
        #expect(try store.incidentsNotReviewed().map { "\($0.incident) \($0.change)" } == ["INC-OLD C1"])
    }

    @Test(arguments: Backend.allCases)
    func aReviewIsAnsweredAndClosedOnce(backend: Backend) throws {
        let store = try stores.fresh(backend, holding: changes)
        _ = try store.importDocument(try incidents("""
            {"id": "INC-2", "openedAt": "2026-11-20T11:00:00Z", "severity": "sev2", "causedBy": ["C1"], "services": ["S1"]}
            """), source: "incidents.json", now: now)
        let answers = Review(incident: "INC-2", change: "C1", openedAt: now, rollbackWorked: true, rollbackMinutesTaken: 12,
                             verificationCaught: false, note: "alerts fired before the soak ended")
        let closed = try store.closeReview(answers, by: "sam", at: time("2026-11-22T09:00:00Z"))
        #expect(try store.review(incident: "INC-2") == closed)
        #expect(closed.rollbackMinutesTaken == 12 && closed.verificationCaught == false && closed.closedBy == "sam")
        #expect(try store.reviews(includingClosed: false).isEmpty)
        #expect(throws: CabinetError.self) { try store.closeReview(answers, by: "sam", at: time("2026-11-22T10:00:00Z")) }
        #expect(throws: CabinetError.notFound(kind: "review of incident", id: "INC-9")) {
            try store.closeReview(Review(incident: "INC-9", change: "C1", openedAt: now), by: "sam", at: now)
        }
    }

    @Test(arguments: Backend.allCases)
    func aDecisionKeepsTheRiskScoreTheBoardSawUnderChainRuleTwo(backend: Backend) throws {
        let store = try stores.fresh(backend, holding: changes)
        // C9 with the default weights: no files stated, 1 service affected (0.35 × log2 2), no
        // incident on S1 yet: σ(−4.6 + 0.35) = σ(−4.25) = 0.0140636, kept as 0.014064.
        try store.record(Decision(id: "d9", change: "C9", outcome: .approved, at: time("2026-11-21T09:40:00Z"), by: "priya"))
        #expect(try store.decisions(forChange: "C9").map(\.riskScore) == [0.014064])
        // The imported history's decision has none; each row keeps the rule it was hashed with.
        #expect(try store.decisions(forChange: "C1").map(\.riskScore) == [nil])
        #expect(try store.reading { db in try db.strings("SELECT CAST(chain_rule AS TEXT) FROM decisions WHERE id = 'd9'") } == ["2"])
        #expect(try store.auditDecisionLog(expecting: nil).intact)
        // The score is covered by the hash: changed around cab, the audit finds it.
        try DecisionLogTests().asTheOwner("UPDATE decisions SET risk_score = 0.01 WHERE id = 'd9'", in: store)
        #expect(try store.auditDecisionLog(expecting: nil).firstBreak?.decision == "d9")
    }

    @Test(arguments: Backend.allCases)
    func aClosedReviewsLessonReachesTheNextChangeOnItsServiceAndThePanelCountsWhatIsOpen(backend: Backend) throws {
        let store = try stores.fresh(backend, holding: changes)
        _ = try store.importDocument(try incidents("""
            {"id": "INC-2", "openedAt": "2026-10-14T11:00:00Z", "severity": "sev2", "causedBy": ["C1"], "services": ["S1"]}
            """), source: "incidents.json", now: time("2026-10-20T00:00:00Z"))
        let lesson = try store.addActionItem(ActionItem(kind: .lesson, incident: "INC-2", text: "rollback took 25 min, not 5", owner: "sam",
                                                        openedAt: time("2026-10-21T09:00:00Z"), openedBy: "priya"))
        let period = Period(lastDays: 30, endingAt: now)
        #expect(try store.figures(for: period).followUps == FollowUps(openReviews: 1, openLessons: 1))
        // While the review is open its lessons are not settled: the card shows none yet.
        #expect(try store.assessedChange("C9", now: now).assessment.lessons.isEmpty)

        _ = try store.closeReview(Review(incident: "INC-2", change: "C1", openedAt: now, rollbackWorked: true, rollbackMinutesTaken: 25,
                                         verificationCaught: false), by: "sam", at: time("2026-10-22T09:00:00Z"))
        let lessons = try store.assessedChange("C9", now: now).assessment.lessons
        #expect(lessons == [ServiceLesson(service: "S1", incident: "INC-2", incidentOpenedAt: time("2026-10-14T11:00:00Z"), lesson: lesson.id,
                                          text: "rollback took 25 min, not 5")])
        #expect(lessons.first?.line == "last incident on S1: rollback took 25 min, not 5: 2026-10-14")
        #expect(try store.figures(for: period).followUps == FollowUps(openReviews: 0, openLessons: 1))
        _ = try store.closeActionItem(id: lesson.id, by: "sam", at: time("2026-10-23T09:00:00Z"), note: nil)
        #expect(try store.figures(for: period).followUps == FollowUps())
        // A done lesson still reaches the next change: it is what was learned.
        #expect(try store.assessedChange("C9", now: now).assessment.lessons.count == 1)
    }
}
