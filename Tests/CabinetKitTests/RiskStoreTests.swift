import Foundation
import TerminalKit
import Testing
@testable import cab
@testable import CabinetModel
@testable import CabinetStore

/// The shop's catalogue and four changes: two deployed ones on Order Service (one caused
/// INC-1), one on Email, a canceled one, and one still waiting.
let riskDocument = """
{
  "services": [
    { "name": "Postgres", "team": "platform" },
    { "name": "Order Service", "team": "orders", "dependsOn": ["Postgres"] },
    { "name": "Payment Gateway", "team": "payments", "dependsOn": ["Postgres"] },
    { "name": "Checkout Web", "team": "web", "dependsOn": ["Order Service", "Payment Gateway"] },
    { "name": "Shipping Tracker", "team": "logistics", "dependsOn": ["Order Service"] },
    { "name": "Email", "team": "growth" }
  ],
  "changes": [
    \(riskChangeJSON("D1", "Order Service", files: 7, state: "closed", submitted: "2026-11-01T10:00:00Z")),
    \(riskChangeJSON("D2", "Email", files: 1, state: "closed", submitted: "2026-11-02T10:00:00Z")),
    \(riskChangeJSON("D3", "Order Service", files: 3, state: "canceled", submitted: "2026-11-03T10:00:00Z")),
    \(riskChangeJSON("W1", "Checkout Web", files: 2, state: "authorize", submitted: "2026-11-26T10:00:00Z",
                     window: ("2026-11-27T14:30:00Z", "2026-11-27T16:00:00Z"))),
    \(riskChangeJSON("W2", "Order Service", files: 2, state: "authorize", submitted: "2026-11-26T11:00:00Z",
                     window: ("2026-11-27T14:00:00Z", "2026-11-27T15:00:00Z")))
  ],
  "incidents": [
    { "id": "INC-1", "openedAt": "2026-11-13T10:00:00Z", "severity": "sev2", "causedBy": ["D1"], "services": ["Order Service"] }
  ]
}
"""

func riskChangeJSON(
    _ id: String, _ service: String, files: Int, state: String, submitted: String,
    window: (String, String) = ("2026-11-05T10:00:00Z", "2026-11-05T11:00:00Z")
) -> String {
    """
    { "id": "\(id)", "title": "Change \(id)", "owner": "raj", "team": "orders", "type": "normal", "category": "single-service",
      "risk": "medium", "route": "cab", "state": "\(state)", "services": ["\(service)"], "filesChanged": \(files),
      "blastRadius": "\(service)", "rollbackPlan": "Redeploy", "rollbackMinutes": 3, "verification": "errors flat",
      "windowStart": "\(window.0)", "windowEnd": "\(window.1)", "submittedAt": "\(submitted)" }
    """
}

@Suite struct RiskStoreTests {
    let stores = TestStores()
    let now = time("2026-11-27T08:00:00Z")

    @Test(arguments: Backend.allCases)
    func theContextKnowsEachServicesHistoryAndLastIncident(backend: Backend) throws {
        let store = try stores.fresh(backend, holding: riskDocument)
        let (_, assessment, context) = try store.assessedChange("W2", now: now)
        // Order Service: D1, D3 and W2 touched it; D1 caused INC-1.
        #expect(context.history["Order Service"] == ServiceHistory(changes: 3, changesWithIncident: 1,
                                                                   lastIncident: LastIncident(id: "INC-1", openedAt: time("2026-11-13T10:00:00Z"))))
        #expect(assessment.impact.sentence(lastIncident: assessment.lastIncident, now: now)
            == "This change affects: Order Service, Checkout Web, Shipping Tracker. Last incident involving these services: 13 days ago.")
        #expect(assessment.conflicts.map(\.other) == ["W1"])
        #expect(assessment.conflicts.map(\.reason) == ["Checkout Web depends on Order Service"])
    }

    @Test(arguments: Backend.allCases)
    func theQueueCarriesEachItemsAssessment(backend: Backend) throws {
        let store = try stores.fresh(backend, holding: riskDocument)
        let queue = try store.queue(on: now, now: now)
        #expect(queue.map(\.change.id) == ["W1", "W2"])
        #expect(queue.map { $0.assessment?.conflicts.map(\.other) } == [["W2"], ["W1"]])
        let text = QueueText.render(queue, day: now.day)
        #expect(text.contains("  W1  conflicts with W2 (Change W2): Checkout Web depends on Order Service; windows overlap 2026-11-27 14:30Z → 15:00Z"))
    }

    @Test(arguments: Backend.allCases)
    func samplesAreTheDeployedChangesOfThePeriodWithWhetherAnIncidentFollowed(backend: Backend) throws {
        let store = try stores.fresh(backend, holding: riskDocument)
        let samples = try store.riskSamples(since: nil, until: time("2026-11-20T00:00:00Z"), now: now)
        // D1: log2(1+7) = 3, log2(1+3 affected) = 2, and no change touched Order Service before it: rate 0
        // (its own incident, INC-1, came later); D2: 1, log2(2) = 1, rate 0. D3 was canceled.
        #expect(samples.labels == [true, false])
        #expect(Array(samples.values(at: 0)) == [3, 2, 0, 0, 0])
        #expect(Array(samples.values(at: 1)) == [1, 1, 0, 0, 0])
        #expect(try store.riskSamples(since: time("2026-11-02T00:00:00Z"), until: time("2026-11-20T00:00:00Z"), now: now).count == 1)
    }

    /// On Order Service: A (11-01) causes INC-A, opened 11-10; B (11-05) comes before it, C (11-12)
    /// after it. B's record is A alone with no incident yet: 0 of 1. C's is A and B with A's incident: 1 of 2.
    /// Counting the whole history would give each of them 1 of 3, A's incident included before it happened.
    @Test(arguments: Backend.allCases)
    func eachSampleSeesOnlyTheIncidentsOpenedBeforeItWasSubmitted(backend: Backend) throws {
        let document = """
            { "services": [{ "name": "Order Service", "team": "orders" }],
              "changes": [\(riskChangeJSON("A", "Order Service", files: 1, state: "closed", submitted: "2026-11-01T10:00:00Z")),
                          \(riskChangeJSON("B", "Order Service", files: 1, state: "closed", submitted: "2026-11-05T10:00:00Z")),
                          \(riskChangeJSON("C", "Order Service", files: 1, state: "closed", submitted: "2026-11-12T10:00:00Z"))],
              "incidents": [{ "id": "INC-A", "openedAt": "2026-11-10T10:00:00Z", "severity": "sev2", "causedBy": ["A"], "services": ["Order Service"] }] }
            """
        let store = try stores.fresh(backend, holding: document)
        let samples = try store.riskSamples(since: nil, until: time("2026-11-20T00:00:00Z"), now: now)
        let incidentRate = RiskFeature.allCases.firstIndex(of: .incidentRate) ?? 0
        #expect(samples.labels == [true, false, false])
        #expect((0..<3).map { samples.values(at: $0)[$0 * RiskSamples.dimension + incidentRate] } == [0, 0, 0.5])
        // A period from 11-05 on still counts A as history.
        let later = try store.riskSamples(since: time("2026-11-05T00:00:00Z"), until: time("2026-11-20T00:00:00Z"), now: now)
        #expect((0..<2).map { later.values(at: $0)[$0 * RiskSamples.dimension + incidentRate] } == [0, 0.5])
    }

    @Test(arguments: Backend.allCases)
    func aCalibrationIsStoredAndReadBackAsTheCurrentPolicy(backend: Backend) throws {
        let store = try stores.fresh(backend, holding: riskDocument)
        #expect(try store.riskPolicy() == RiskPolicy())
        let calibration = RiskCalibration(
            id: "c1", calibratedAt: now, since: nil, until: time("2026-11-20T08:00:00Z"), changes: 1000, incidents: 20,
            brier: 0.0181, defaultBrier: 0.0203, model: RiskModel(intercept: -4.1, weights: [0.2, 0.1, 6, 0.5, 1.25]),
            means: [3.5, 2, 0.02, 0.1, 0.05], deviations: [1.2, 0.8, 0.01, 0.3, 0.2])
        try store.saveCalibration(calibration)
        try store.setRiskThreshold(0.3)
        #expect(try store.riskPolicy() == RiskPolicy(threshold: 0.3, calibration: calibration))
        #expect(throws: CabinetError.invalidArgument(name: "THRESHOLD", problem: "a probability between 0 and 1, like 0.25")) {
            try store.setRiskThreshold(1.5)
        }
    }

    @Test(arguments: Backend.allCases)
    func freezesAreAddedListedAndRemovedByID(backend: Backend) throws {
        let store = try stores.fresh(backend, holding: riskDocument)
        let first = try store.addFreeze(from: time("2026-12-20T00:00:00Z"), to: time("2027-01-02T00:00:00Z"), reason: "year end", by: "priya", at: now)
        let second = try store.addFreeze(from: time("2026-11-27T14:45:00Z"), to: time("2026-11-27T18:00:00Z"), reason: "payments", by: "priya", at: now)
        #expect([first.id, second.id] == ["FRZ-1", "FRZ-2"])
        #expect(try store.freezes().map(\.id) == ["FRZ-2", "FRZ-1"])
        #expect(try store.assessedChange("W2", now: now).assessment.freezes.map(\.id) == ["FRZ-2"])
        #expect(try store.removeFreeze(id: "frz-2") == second)
        #expect(try store.freezes() == [first])
        #expect(throws: CabinetError.notFound(kind: "freeze", id: "FRZ-2")) { try store.removeFreeze(id: "FRZ-2") }
    }

    @Test(arguments: Backend.allCases)
    func aConfigFlaggedChangeIsRoutedToTheBoardOnImport(backend: Backend) throws {
        let store = try stores.fresh(backend, holding: riskDocument)
        let change = try InterchangeReader.readChange(Data("""
            { "id": "N1", "title": "Open port 8443", "owner": "li", "team": "orders", "type": "standard", "category": "single-service",
              "risk": "low", "services": ["Email"], "touches": ["networking"], "submittedAt": "2026-11-27T07:00:00Z" }
            """.utf8), source: "n1.json")
        _ = try store.importDocument(InterchangeDocument(changes: [change]), source: "n1.json")
        #expect(try store.change(id: "N1")?.route == .cab)
        #expect(try store.change(id: "N1")?.touches == [.networking])
    }

    @Test(arguments: Backend.allCases)
    func aScoreOverTheThresholdRoutesTheChangeToTheBoardOnImport(backend: Backend) throws {
        let store = try stores.fresh(backend, holding: riskDocument)
        func submit(_ id: String) throws -> Route? {
            let change = try InterchangeReader.readChange(Data("""
                { "id": "\(id)", "title": "Tune retries", "owner": "li", "team": "growth", "type": "normal", "category": "single-service",
                  "risk": "low", "services": ["Email"], "filesChanged": 7, "submittedAt": "2026-11-27T07:00:00Z" }
                """.utf8), source: "change.json")
            _ = try store.importDocument(InterchangeDocument(changes: [change]), source: "change.json")
            return try store.change(id: id)?.route
        }
        // -4.6 + 0.25·log2(8) + 0.35·log2(2) = -3.5 log-odds: σ(-3.5) = 2.9%, under 25% but over 2%.
        #expect(try submit("N2") == .peer)
        try store.setRiskThreshold(0.02)
        #expect(try submit("N3") == .cab)
    }
}

@Suite struct ServiceImportTests {
    let stores = TestStores()

    /// The error importing `json` into an empty store gives; the store stays empty (on SQLite,
    /// byte for byte as it was).
    func refusal(_ json: String, _ backend: Backend) throws -> CabinetError? {
        let store = try stores.fresh(backend)
        let file = (store as? SQLiteStore)?.path
        let before = file.flatMap(fileBytes)
        defer { if let file { #expect(fileBytes(file) == before, "the database changed") } }
        do {
            let services = try InterchangeReader.readServices(Data(json.utf8), source: "services.json")
            _ = try store.importDocument(InterchangeDocument(services: services), source: "services.json")
        } catch {
            #expect(try store.services().isEmpty)
            return error
        }
        return nil
    }

    @Test(arguments: Backend.allCases)
    func aServiceNamedTwiceIsRefused(backend: Backend) throws {
        #expect(try refusal(#"{"services": [{"name": "A", "team": "t"}, {"name": "B", "team": "t"}, {"name": "A", "team": "t"}]}"#, backend)
            == .invalidRecord(source: "services.json", record: "services[2] (id A)", field: "name", problem: "named twice (first at services[0])"))
        #expect(try refusal(#"[{"name": "A", "team": "t"}, {"name": "B", "team": "t", "dependsOn": ["A", "A"]}]"#, backend)
            == .invalidRecord(source: "services.json", record: "services[1] (id B)", field: "dependsOn", problem: "names 'A' twice"))
    }

    @Test(arguments: Backend.allCases)
    func anUnknownDependencyIsRefused(backend: Backend) throws {
        #expect(try refusal(#"[{"name": "A", "team": "t", "dependsOn": ["Z"]}]"#, backend)
            == .invalidRecord(source: "services.json", record: "services[0] (id A)", field: "dependsOn", problem: "unknown service 'Z'"))
    }

    @Test(arguments: Backend.allCases)
    func aCycleIsRefusedAndReadsAlongTheDependencies(backend: Backend) throws {
        let json = #"[{"name": "E", "team": "t"}, {"name": "C", "team": "t", "dependsOn": ["A"]}, {"name": "A", "team": "t", "dependsOn": ["B", "E"]}, {"name": "B", "team": "t", "dependsOn": ["C"]}]"#
        #expect(try refusal(json, backend)
            == .invalidRecord(source: "services.json", record: "services[1] (id C)", field: "dependsOn", problem: "dependency cycle C → A → B → C"))
    }

    @Test(arguments: Backend.allCases)
    func aCatalogueWithoutProblemsIsImportedOnce(backend: Backend) throws {
        let store = try stores.fresh(backend)
        let services = try InterchangeReader.readServices(Data(#"{"services": [{"name": "A", "team": "t"}, {"name": "B", "team": "u", "dependsOn": ["A"]}]}"#.utf8), source: "s.json")
        #expect(try store.importDocument(InterchangeDocument(services: services), source: "s.json").services == 2)
        #expect(try store.importDocument(InterchangeDocument(services: services), source: "s.json").unchanged == 2)
        #expect(try store.services() == [Service(name: "A", team: "t"), Service(name: "B", team: "u", dependsOn: ["A"])])
    }
}
