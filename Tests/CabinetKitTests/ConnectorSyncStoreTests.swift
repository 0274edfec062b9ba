import Foundation
import Testing
@testable import CabinetModel
@testable import CabinetStore

/// The store's side of a re-import, on both engines: a newer ServiceNow export rewrites the
/// source's fields of a stored change (its services included) and appends the changed approval,
/// in one transaction; a batch with one bad update writes nothing.
@Suite struct ConnectorSyncStoreTests {
    let stores = TestStores()
    static let now = try! Timestamp(iso8601: "2026-11-27T20:00:00Z")

    static func export(backout: String, service: String, approval: String, at: String, end: String = "2026-11-27 15:00:00") -> String {
        """
        {"result": [{"number": "CHG0030001", "type": "normal", "state": "-3", "risk": "3", "impact": "2", "category": "Software",
          "short_description": "Add index", "cmdb_ci": {"display_value": "\(service)", "value": "x"},
          "assignment_group": {"display_value": "Database", "value": "g"}, "assigned_to": {"display_value": "Raj", "value": "u"},
          "sys_created_on": "2026-11-26 16:00:00", "start_date": "2026-11-27 14:00:00", "end_date": "\(end)",
          "backout_plan": "\(backout)", "test_plan": "p99 flat", "justification": "orders only",
          "approval": "\(approval)", "approval_set": "\(at)"}]}
        """
    }

    static func sync(_ json: String, into store: any SQLStore) throws -> ImportBatch {
        let export = try ServiceNowAdapter.read([ServiceNowAdapter.File(name: "export.json", bytes: Array(json.utf8))])
        let batch = try export.batch(zone: TimeZone(identifier: "UTC")!, stored: try store.storedRecords(ids: export.ids))
        _ = try store.importBatch(batch, source: "export.json", now: now)
        return batch
    }

    @Test(arguments: Backend.allCases)
    func aNewerExportRewritesTheSourcesFieldsAndAppendsTheChangedApproval(backend: Backend) throws {
        let store = try stores.fresh(backend)
        _ = try Self.sync(Self.export(backout: "Drop the index", service: "orders-db", approval: "approved", at: "2026-11-26 17:00:00"), into: store)
        let batch = try Self.sync(Self.export(backout: "Drop it concurrently", service: "orders-replica", approval: "rejected", at: "2026-11-27 12:00:00"), into: store)
        #expect(batch.report.updated == [MappingReport.Updated(change: "servicenow:CHG0030001", fields: ["rollbackPlan", "services"])])
        let change = try #require(try store.change(id: "servicenow:CHG0030001"))
        #expect(change.rollbackPlan == "Drop it concurrently" && change.services == ["orders-replica"])
        let decisions = try store.decisions(forChange: change.id)
        #expect(decisions.map(\.outcome) == [.approved, .rejected])
        #expect(decisions.last?.supersedes == decisions.first?.id)
        #expect(change.state == .canceled)
        #expect(try store.auditDecisionLog(expecting: nil).intact)
    }

    @Test(arguments: Backend.allCases)
    func aBadUpdateWritesNothing(backend: Backend) throws {
        let store = try stores.fresh(backend)
        _ = try Self.sync(Self.export(backout: "Drop the index", service: "orders-db", approval: "requested", at: ""), into: store)
        // The new window ends before it starts, and the new service would be added: neither is written.
        #expect(throws: CabinetError.self) {
            try Self.sync(Self.export(backout: "Drop the index", service: "orders-replica", approval: "requested", at: "", end: "2026-11-27 13:00:00"), into: store)
        }
        #expect(try store.change(id: "servicenow:CHG0030001")?.services == ["orders-db"])
        #expect(try store.services().map(\.name) == ["orders-db"])
    }
}
