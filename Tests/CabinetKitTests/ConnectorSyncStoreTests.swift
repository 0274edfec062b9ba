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

    static func export(backout: String, service: String, approval: String, at: String, end: String = "2026-11-27 15:00:00", state: String = "-3",
                       testPlan: String = "p99 flat") -> String {
        """
        {"result": [{"number": "CHG0030001", "type": "normal", "state": "\(state)", "risk": "3", "impact": "2", "category": "Software",
          "short_description": "Add index", "cmdb_ci": {"display_value": "\(service)", "value": "x"},
          "assignment_group": {"display_value": "Database", "value": "g"}, "assigned_to": {"display_value": "Raj", "value": "u"},
          "sys_created_on": "2026-11-26 16:00:00", "start_date": "2026-11-27 14:00:00", "end_date": "\(end)",
          "backout_plan": "\(backout)", "test_plan": "\(testPlan)", "justification": "orders only",
          "approval": "\(approval)", "approval_set": "\(at)"}]}
        """
    }

    /// The incident INC0010001 that CHG0030001 caused, as ServiceNow exports it (`sysparm_display_value=all`).
    static func incident(priority: String, resolved: String) -> String {
        """
        {"result": [{"number": "INC0010001", "sys_class_name": {"display_value": "Incident", "value": "incident"},
          "opened_at": {"display_value": "2026-11-27 16:30:00", "value": "2026-11-27 16:30:00"},
          "priority": {"display_value": "", "value": "\(priority)"}, "resolved_at": {"display_value": "", "value": "\(resolved)"},
          "caused_by": {"display_value": "CHG0030001", "value": "c1"}, "cmdb_ci": {"display_value": "orders-db", "value": "x"}}]}
        """
    }

    /// A pull request of acme/shop as `gh pr view --json number,title,author,createdAt,mergedAt,files,labels,reviews,url` saves it.
    static func pull(mergedAt: String?) -> String {
        """
        {"number": 123, "title": "Add the orders index", "author": {"login": "raj"}, "createdAt": "2026-11-26T16:00:00Z",
         "mergedAt": \(mergedAt.map { "\"\($0)\"" } ?? "null"), "files": [{"path": "orders/index.go", "additions": 3, "deletions": 1}],
         "labels": [], "reviews": [{"author": {"login": "mia"}, "state": "APPROVED", "submittedAt": "2026-11-26T18:00:00Z", "body": ""}],
         "url": "https://github.com/acme/shop/pull/123"}
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
        _ = try Self.sync(Self.export(backout: "Drop the index", service: "orders-db", approval: "approved", at: "2026-11-26 17:00:00", state: "-2"), into: store)
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

    @Test(arguments: Backend.allCases)
    func aLocalEditTheSourceLeftAloneStays(backend: Backend) throws {
        let store = try stores.fresh(backend)
        let first = Self.export(backout: "Drop the index", service: "orders-db", approval: "requested", at: "")
        _ = try Self.sync(first, into: store)
        let link = try #require(try store.exportDocument().sourceLinks.first)
        #expect(link.change == "servicenow:CHG0030001" && link.system == "servicenow" && link.sourceID == "CHG0030001" && link.importedAt == Self.now)
        // Raj sharpens the rollback plan in Cabinet; the next morning's export still says what it said.
        _ = try store.editChange("servicenow:CHG0030001", ChangeEdit(rollbackPlan: "Drop the index concurrently, then vacuum"), by: "raj")
        let batch = try Self.sync(first, into: store)
        #expect(try store.change(id: "servicenow:CHG0030001")?.rollbackPlan == "Drop the index concurrently, then vacuum")
        #expect(batch.report.keptLocal == [MappingReport.Updated(change: "servicenow:CHG0030001", fields: ["rollbackPlan"])])
        #expect(batch.report.updated.isEmpty && batch.report.conflicts.isEmpty)
        #expect(try store.exportDocument().sourceLinks == [link])
        // Field by field: the source's new test plan is written, Raj's rollback plan (unchanged there) stays, and nothing conflicts.
        let newer = try Self.sync(Self.export(backout: "Drop the index", service: "orders-db", approval: "requested", at: "", testPlan: "p99 flat for 15 min"),
                                  into: store)
        let change = try #require(try store.change(id: "servicenow:CHG0030001"))
        #expect(change.rollbackPlan == "Drop the index concurrently, then vacuum" && change.verification == "p99 flat for 15 min")
        #expect(newer.report.updated == [MappingReport.Updated(change: "servicenow:CHG0030001", fields: ["verification"])])
        #expect(newer.report.keptLocal == [MappingReport.Updated(change: "servicenow:CHG0030001", fields: ["rollbackPlan"])])
        #expect(newer.report.conflicts.isEmpty)
    }

    @Test(arguments: Backend.allCases)
    func aLocalEditTheSourceAlsoChangedIsOverwrittenAndListed(backend: Backend) throws {
        let store = try stores.fresh(backend)
        _ = try Self.sync(Self.export(backout: "Drop the index", service: "orders-db", approval: "requested", at: ""), into: store)
        _ = try store.editChange("servicenow:CHG0030001", ChangeEdit(rollbackPlan: "Drop the index concurrently, then vacuum"), by: "raj")
        let newer = Self.export(backout: "Drop it concurrently", service: "orders-db", approval: "requested", at: "")
        let batch = try Self.sync(newer, into: store)
        // The source owns its descriptive fields: its value is written, the local one it replaces is listed.
        #expect(try store.change(id: "servicenow:CHG0030001")?.rollbackPlan == "Drop it concurrently")
        #expect(batch.report.conflicts == ["servicenow:CHG0030001 rollbackPlan: edited in Cabinet since the last import and changed at the source; "
                                            + "the source's Drop it concurrently overwrites Cabinet's Drop the index concurrently, then vacuum"])
        #expect(batch.report.updated == [MappingReport.Updated(change: "servicenow:CHG0030001", fields: ["rollbackPlan"])])
        // The link now holds the newer export's fields: importing it again is quiet.
        let again = try Self.sync(newer, into: store)
        #expect(again.report.conflicts.isEmpty && again.report.updated.isEmpty && again.report.keptLocal.isEmpty && again.links.isEmpty)
    }

    @Test(arguments: Backend.allCases)
    func anIncidentResolvedAtTheSourceIsResolvedOnReimport(backend: Backend) throws {
        let store = try stores.fresh(backend)
        _ = try Self.sync(Self.export(backout: "Drop the index", service: "orders-db", approval: "requested", at: ""), into: store)
        _ = try Self.sync(Self.incident(priority: "2", resolved: ""), into: store)
        #expect(try store.incident(id: "servicenow:INC0010001")?.severity == .sev2)
        // Escalated to priority 1, then resolved at 18:00.
        let batch = try Self.sync(Self.incident(priority: "1", resolved: "2026-11-27 18:00:00"), into: store)
        let incident = try #require(try store.incident(id: "servicenow:INC0010001"))
        let restored = try Timestamp(iso8601: "2026-11-27T18:00:00Z")
        #expect(incident.severity == .sev1 && incident.resolvedAt == restored)
        #expect(batch.report.updatedIncidents == [MappingReport.Updated(change: "servicenow:INC0010001", fields: ["severity", "resolvedAt"])])
        #expect(batch.report.conflicts.isEmpty)
        // An export that no longer says it is resolved does not clear the resolution: listed, Cabinet's kept.
        let older = try Self.sync(Self.incident(priority: "1", resolved: ""), into: store)
        #expect(try store.incident(id: "servicenow:INC0010001")?.resolvedAt == incident.resolvedAt)
        #expect(older.report.conflicts == ["servicenow:INC0010001 resolvedAt: the export differs from the stored incident; Cabinet keeps its record"])
    }

    @Test(arguments: Backend.allCases)
    func aPullRequestMergedAfterTheFirstImportIsDeployedOnReimport(backend: Backend) throws {
        let store = try stores.fresh(backend)
        func sync(_ json: String) throws -> ImportBatch {
            let export = try GitHubAdapter.read([(name: "pr.json", bytes: Array(json.utf8))], rules: PathRules())
            let batch = try export.batch(stored: try store.storedRecords(ids: export.ids))
            _ = try store.importBatch(batch, source: "pr.json", now: Self.now)
            return batch
        }
        _ = try sync(Self.pull(mergedAt: nil))
        #expect(try store.change(id: "github:acme/shop#123")?.deployedAt == nil)
        let merged = try sync(Self.pull(mergedAt: "2026-11-27T14:05:00Z"))
        #expect(try store.change(id: "github:acme/shop#123")?.deployedAt == (try Timestamp(iso8601: "2026-11-27T14:05:00Z")))
        #expect(merged.report.updated == [MappingReport.Updated(change: "github:acme/shop#123", fields: ["deployedAt"])])
        #expect(try store.exportDocument().sourceLinks.map(\.sourceID) == ["acme/shop#123"])
    }

    @Test(arguments: Backend.allCases)
    func anApprovedChangeStillInAuthorizeWaitsOnTheQueue(backend: Backend) throws {
        let store = try stores.fresh(backend)
        let waiting = Self.export(backout: "Drop the index", service: "orders-db", approval: "approved", at: "2026-11-26 17:00:00")
            .replacingOccurrences(of: "\"category\": \"Software\"", with: "\"category\": \"Software\", \"cab_required\": \"true\"")
        _ = try Self.sync(waiting, into: store)
        let entry = try #require(try store.queue(on: Self.now, now: Self.now).first { $0.change.id == "servicenow:CHG0030001" })
        #expect(entry.change.state == .authorize && entry.latestDecision == nil)
        #expect(try store.decisions(forChange: "servicenow:CHG0030001").isEmpty)
    }

    @Test(arguments: Backend.allCases)
    func aChangePlannedForALaterCABWaitsForThatMeeting(backend: Backend) throws {
        let store = try stores.fresh(backend)
        // ServiceNow plans CHG0030001 for the CAB of Monday 30 November: it is not on Friday's queue.
        let planned = Self.export(backout: "Drop the index", service: "orders-db", approval: "requested", at: "")
            .replacingOccurrences(of: "\"category\": \"Software\"", with: "\"category\": \"Software\", \"cab_date\": \"2026-11-30\"")
        let batch = try Self.sync(planned, into: store)
        #expect(batch.report.filled["cab_date"] == "route, meeting")
        #expect(try store.change(id: "servicenow:CHG0030001")?.route == .cab)
        #expect(try store.exportDocument().sourceLinks.map(\.meeting) == ["2026-11-30"])
        #expect(try store.queue(on: Self.now, now: Self.now).map(\.change.id) == [])
        let monday = try Timestamp(iso8601: "2026-11-30T08:00:00Z")
        #expect(try store.queue(on: monday, now: Self.now).map(\.change.id) == ["servicenow:CHG0030001"])
    }
}
