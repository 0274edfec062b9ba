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
                     \(fixtureChange("C7", route: "peer", submitted: "2026-10-01T00:00:00Z"))],
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
}
