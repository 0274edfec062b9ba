import CabinetPostgres
import Foundation
import Testing
@testable import CabinetModel
@testable import CabinetStore

/// The history the queue's risk assessment reads per service (its changes, those that caused an
/// incident, its latest incident) comes from one summary row per service, kept by the triggers
/// as changes and incidents are written: the morning's queue costs what today holds.
@Suite struct ServiceHistorySummaryTests {
    let stores = TestStores()
    let now = time("2026-11-27T08:00:00Z")

    /// After the risk fixture: D4 ships on Order Service and causes INC-2 (Order Service and
    /// Email); INC-0, earlier, is traced to the canceled D3.
    static let laterRecords = """
        {
          "changes": [\(riskChangeJSON("D4", "Order Service", files: 2, state: "closed", submitted: "2026-11-20T10:00:00Z"))],
          "incidents": [
            { "id": "INC-0", "openedAt": "2026-11-05T09:00:00Z", "severity": "sev2", "causedBy": ["D3"], "services": ["Order Service"] },
            { "id": "INC-2", "openedAt": "2026-11-21T09:00:00Z", "severity": "sev2", "causedBy": ["D4"], "services": ["Order Service", "Email"] }
          ]
        }
        """

    func storeWithLaterRecords(_ backend: Backend) throws -> any SQLStore {
        let store = try stores.fresh(backend, holding: riskDocument)
        _ = try store.importDocument(try InterchangeReader.read(Data(Self.laterRecords.utf8), source: "later.json"), source: "later.json")
        return store
    }

    func orderServiceHistory(_ store: any SQLStore, now: Timestamp) throws -> ServiceHistory? {
        let waiting = try #require(try store.change(id: "W2"))
        return try store.riskContext(for: [waiting], now: now).history["Order Service"]
    }

    @Test(arguments: Backend.allCases)
    func eachWriteKeepsTheServicesSummaryAndTheAuditFindsItWhole(backend: Backend) throws {
        let store = try storeWithLaterRecords(backend)
        // Order Service: D1, D3, W2 and D4 touch it; D1 (INC-1), D3 (INC-0) and D4 (INC-2) caused incidents; INC-2 is the latest.
        #expect(try orderServiceHistory(store, now: now)
            == ServiceHistory(changes: 4, changesWithIncident: 3, lastIncident: LastIncident(id: "INC-2", openedAt: time("2026-11-21T09:00:00Z"))))
        #expect(try store.auditSummaries() == nil)
    }

    @Test(arguments: Backend.allCases)
    func anEarlierDaysAssessmentSeesOnlyTheIncidentsOpenedByThen(backend: Backend) throws {
        let store = try storeWithLaterRecords(backend)
        // On the 15th, INC-2 (the 21st) had not opened: the latest then was INC-1 (the 13th).
        #expect(try orderServiceHistory(store, now: time("2026-11-15T08:00:00Z"))?.lastIncident
            == LastIncident(id: "INC-1", openedAt: time("2026-11-13T10:00:00Z")))
        // On the 1st, none had.
        #expect(try orderServiceHistory(store, now: time("2026-11-01T08:00:00Z"))?.lastIncident == nil)
    }

    /// The count is read from the summary, not from the rows: a summary written around cab shows
    /// in the assessment, and the audit names the service whose rows say otherwise.
    @Test(arguments: Backend.allCases)
    func aSummaryWrittenAroundCabIsWhatTheQueueReadsAndTheAuditNamesIt(backend: Backend) throws {
        let store = try storeWithLaterRecords(backend)
        try rawWrite("UPDATE service_history SET change_count = 100 WHERE service = 'Order Service'", in: store)
        #expect(try orderServiceHistory(store, now: now)?.changes == 100)
        #expect(try store.auditSummaries() == SummaryDifference(
            summary: "service_history", key: "Order Service",
            stored: "100 changes, 3 with an incident, last incident INC-2 at 2026-11-21T09:00:00Z",
            recomputed: "4 changes, 3 with an incident, last incident INC-2 at 2026-11-21T09:00:00Z"))
    }

    /// A copy writes the rows through the target's triggers: the copy's summary is rebuilt from
    /// its rows, also over a store it replaces.
    @Test func aCopyRebuildsTheSummaryFromTheRowsItWrites() throws {
        let file = try stores.sqlite()
        _ = try file.importDocument(try InterchangeReader.read(Data(riskDocument.utf8), source: "risk.json"), source: "risk.json")
        _ = try file.importDocument(try InterchangeReader.read(Data(Self.laterRecords.utf8), source: "later.json"), source: "later.json")
        let shared = try stores.postgres()
        _ = try shared.importDocument(try InterchangeReader.read(Data(riskDocument.utf8), source: "risk.json"), source: "risk.json")
        _ = try StoreCopy.copy(from: file, to: shared, source: "file", target: "shared", replace: true, now: now)
        #expect(try shared.auditSummaries() == nil)
        #expect(try orderServiceHistory(shared, now: now) == orderServiceHistory(file, now: now))
    }
}
