import Foundation
import Testing
@testable import CabinetModel
@testable import CabinetStore

/// The ServiceNow adapter reads the Table API's three shapes of the same record alike: raw codes
/// with references as `{"link", "value"}`, display values (`sysparm_display_value=true`), and both
/// (`=all`); text fields lose their HTML, empty strings are empty fields, times without a zone are
/// UTC for raw values and the exporting user's zone for display values.
@Suite struct ServiceNowMappingTests {
    static let utc = TimeZone(identifier: "UTC")!
    static let newYork = TimeZone(identifier: "America/New_York")!

    static func batch(_ json: String, zone: TimeZone = utc, stored: StoredRecords = StoredRecords()) throws -> ImportBatch {
        let export = try ServiceNowAdapter.read([ServiceNowAdapter.File(name: "export.json", bytes: Array(json.utf8))])
        return try export.batch(zone: zone, stored: stored)
    }

    /// `sysparm_display_value=false`: codes, UTC times, references by sys_id.
    static let raw = """
        {"result": [{
          "number": "CHG0030001", "sys_id": "c83c5e5347c12200e0ef563dbb9a7190", "type": "normal", "state": "-3",
          "risk": "4", "impact": "1", "category": "Network", "short_description": "Swap core switch",
          "cmdb_ci": {"link": "https://instance.service-now.com/api/now/table/cmdb_ci/281a4d5fc0a8000b00e4ba489a83eedc", "value": "281a4d5fc0a8000b00e4ba489a83eedc"},
          "assignment_group": {"link": "https://instance.service-now.com/api/now/table/sys_user_group/287ebd7da9fe198100f92cc8d1d2154e", "value": "287ebd7da9fe198100f92cc8d1d2154e"},
          "assigned_to": "", "requested_by": {"link": "https://instance.service-now.com/api/now/table/sys_user/6816f79cc0a8016401c5a33be04be441", "value": "6816f79cc0a8016401c5a33be04be441"},
          "sys_created_on": "2026-11-26 16:00:00", "start_date": "2026-11-27 14:00:00", "end_date": "2026-11-27 15:00:00",
          "backout_plan": "Swap back", "test_plan": "", "risk_impact_analysis": "", "justification": "Core network",
          "approval": "requested", "approval_set": "", "cab_required": "false"
        }]}
        """

    @Test func rawCodesMapAndEmptyStringsAreEmptyFields() throws {
        let batch = try Self.batch(Self.raw)
        let submitted = try #require(batch.document.changes.first)
        #expect(submitted.change.id == "servicenow:CHG0030001")
        #expect(submitted.statedState == .authorize)
        // risk 4 (Low) and impact 1 (High): the higher of the two.
        #expect(submitted.change.risk == .high)
        #expect(submitted.change.category == .infrastructure)
        #expect(submitted.change.windowStart == (try Timestamp(iso8601: "2026-11-27T14:00:00Z")))
        #expect(submitted.change.verification == "")
        #expect(batch.report.filled["justification"] == "blastRadius" && batch.report.filled["test_plan"] == nil)
        // Raw references carry only sys_ids: the service is named by its sys_id.
        #expect(submitted.change.services == ["281a4d5fc0a8000b00e4ba489a83eedc"])
        #expect(batch.report.notReady.first?.problems.contains("verification criteria are missing") == true)
    }

    @Test func displayValuesAreLabelsAndTimesInTheUsersZone() throws {
        let display = """
            {"result": [{"number": "CHG0030001", "type": "Normal", "state": "Scheduled", "risk": "Moderate", "impact": "3 - Low",
              "category": "Software", "short_description": "Tune <i>cache</i> TTL",
              "cmdb_ci": {"display_value": "orders", "link": "https://instance.service-now.com/api/now/table/cmdb_ci/1"},
              "sys_created_on": "2026-11-26 11:00:00", "start_date": "2026-11-27 09:00:00", "approval": "Approved", "approval_set": "2026-11-26 12:00:00"}]}
            """
        let batch = try Self.batch(display, zone: Self.newYork)
        let submitted = try #require(batch.document.changes.first)
        #expect(submitted.statedState == .scheduled && submitted.change.risk == .medium && submitted.change.category == .singleService)
        #expect(submitted.change.title == "Tune cache TTL")
        #expect(submitted.change.services == ["orders"])
        // 09:00 in New York in November (EST, UTC-5) is 14:00 UTC.
        #expect(submitted.change.windowStart == (try Timestamp(iso8601: "2026-11-27T14:00:00Z")))
        #expect(batch.document.decisions.first?.at == (try Timestamp(iso8601: "2026-11-26T17:00:00Z")))
        #expect(batch.document.decisions.first?.outcome == .approved)
    }

    @Test func htmlTextIsMadePlain() {
        #expect(SourceText.plain("<p>Only <b>orders</b>.</p><p>A &amp; B&nbsp;&lt;x&gt;</p>") == "Only orders.\nA & B <x>")
        #expect(SourceText.plain("line one<br/>line two") == "line one\nline two")
        #expect(SourceText.plain("  ") == nil)
    }

    @Test func theCategoryRule() {
        #expect(CategoryDerivation.category(sourceCategory: "Database", services: ["a", "b"]) == .databaseSchema)
        #expect(CategoryDerivation.category(sourceCategory: "Hardware", services: []) == .infrastructure)
        #expect(CategoryDerivation.category(sourceCategory: "Network", services: ["a"]) == .infrastructure)
        #expect(CategoryDerivation.category(sourceCategory: "Software", services: ["a"]) == .singleService)
        #expect(CategoryDerivation.category(sourceCategory: nil, services: ["a", "b"]) == .multiService)
    }

    @Test func aRecordTwiceInOneExportKeepsTheLaterOne() throws {
        let twice = """
            {"result": [
              {"number": "CHG1", "type": "normal", "state": "-5", "sys_created_on": "2026-11-26 09:00:00", "short_description": "First"},
              {"number": "CHG1", "type": "normal", "state": "-5", "sys_created_on": "2026-11-26 09:00:00", "short_description": "Second"}
            ]}
            """
        let batch = try Self.batch(twice)
        #expect(batch.document.changes.map(\.change.title) == ["Second"])
        #expect(batch.report.skipped.first?.reason == "appears again at result[1] (number CHG1): the later record is kept")
    }

    @Test func aStoredRecordTwiceInOneExportIsSyncedOnceWithOneSupersedingDecision() throws {
        let approved = """
            {"number": "CHG1", "type": "normal", "state": "-2", "sys_created_on": "2026-11-26 09:00:00", "short_description": "First",
             "cmdb_ci": "orders", "approval": "approved", "approval_set": "2026-11-26 10:00:00"}
            """
        let first = try Self.batch("{\"result\": [\(approved)]}")
        var stored = try #require(first.document.changes.first?.change)
        stored.route = .peer
        let decision = try #require(first.document.decisions.first)
        let rejected = approved.replacingOccurrences(of: "approved", with: "rejected").replacingOccurrences(of: "First", with: "Second")
        let again = rejected.replacingOccurrences(of: "Second", with: "Third").replacingOccurrences(of: "10:00:00", with: "11:00:00")
        let batch = try Self.batch("{\"result\": [\(rejected), \(again)]}",
                                   stored: StoredRecords(changes: [stored.id: stored], decisions: [stored.id: [decision]]))
        #expect(batch.updates.map(\.title) == ["Third"])
        #expect(batch.report.updated.count == 1)
        #expect(batch.document.decisions.map(\.supersedes) == [decision.id])
    }

    @Test func aStoredChangeTakesTheSourcesFieldsAndKeepsCabinetsOwn() throws {
        let first = try #require(try Self.batch(Self.raw).document.changes.first?.change)
        var stored = first
        stored.rollbackMinutes = 3
        stored.route = .cab
        let newer = Self.raw.replacingOccurrences(of: "\"test_plan\": \"\"", with: "\"test_plan\": \"Ping every rack\"")
            .replacingOccurrences(of: "\"risk\": \"4\", \"impact\": \"1\"", with: "\"risk\": \"4\", \"impact\": \"3\"")
        let batch = try Self.batch(newer, stored: StoredRecords(changes: [stored.id: stored]))
        #expect(batch.document.changes.isEmpty)
        let updated = try #require(batch.updates.first)
        #expect(updated.verification == "Ping every rack" && updated.rollbackMinutes == 3 && updated.route == .cab)
        #expect(batch.report.updated == [MappingReport.Updated(change: stored.id, fields: ["verification"])])
        #expect(batch.report.conflicts == ["servicenow:CHG0030001 risk: the export says low, Cabinet keeps high",
                                           "servicenow:CHG0030001 state: the export says authorize, Cabinet keeps new"])
    }

    @Test func anApprovalWhileTheStateStillAwaitsTheBoardIsNoDecision() throws {
        // ServiceNow says approved, but the change still sits in Authorize: the state wins.
        let waiting = Self.raw.replacingOccurrences(of: "\"approval\": \"requested\", \"approval_set\": \"\", \"cab_required\": \"false\"",
                                                    with: "\"approval\": \"approved\", \"approval_set\": \"2026-11-26 17:00:00\", \"cab_required\": \"true\"")
        let batch = try Self.batch(waiting)
        #expect(batch.document.changes.first?.statedState == .authorize && batch.document.changes.first?.statedRoute == .cab)
        #expect(batch.document.decisions.isEmpty)
        #expect(batch.report.skipped == [MappingReport.Skipped(record: "servicenow:CHG0030001",
                                                               reason: "its approved approval is not a decision yet: its state authorize says it still waits for the board")])
        // Once the export has it Scheduled, the approval is the board's decision.
        let scheduled = try Self.batch(waiting.replacingOccurrences(of: "\"state\": \"-3\"", with: "\"state\": \"-2\""))
        #expect(scheduled.document.decisions.map(\.outcome) == [.approved])
    }

    @Test func affectedCIsFromTaskCIRecordsJoinTheServices() throws {
        // task_ci (Affected CIs) as the Table API gives it with sysparm_display_value=all, in a file of its own;
        // one record names its change by sys_id only, one names a change not in the export.
        let affected = """
            {"result": [
              {"sys_id": "a1", "task": {"display_value": "CHG0030001", "link": "https://instance.service-now.com/api/now/table/task/c83c5e5347c12200e0ef563dbb9a7190",
               "value": "c83c5e5347c12200e0ef563dbb9a7190"}, "ci_item": {"display_value": "orders-replica", "link": "https://instance.service-now.com/api/now/table/cmdb_ci/9", "value": "9"}},
              {"sys_id": "a2", "task": {"link": "https://instance.service-now.com/api/now/table/task/c83c5e5347c12200e0ef563dbb9a7190", "value": "c83c5e5347c12200e0ef563dbb9a7190"},
               "ci_item": {"display_value": "payments", "link": "https://instance.service-now.com/api/now/table/cmdb_ci/8", "value": "8"}},
              {"sys_id": "a3", "task": {"link": "https://instance.service-now.com/api/now/table/task/ffff", "value": "ffff"},
               "ci_item": {"display_value": "search", "value": "7"}}
            ]}
            """
        let export = try ServiceNowAdapter.read([ServiceNowAdapter.File(name: "changes.json", bytes: Array(Self.raw.utf8)),
                                                 ServiceNowAdapter.File(name: "task_ci.json", bytes: Array(affected.utf8))])
        let batch = try export.batch(zone: Self.utc, stored: StoredRecords())
        // cmdb_ci first (named by its sys_id in this raw export), then the affected CIs in the export's order.
        #expect(batch.document.changes.first?.change.services == ["281a4d5fc0a8000b00e4ba489a83eedc", "orders-replica", "payments"])
        #expect(batch.document.changes.first?.change.category == .infrastructure)
        #expect(batch.report.filled["task_ci.ci_item"] == "services")
        #expect(batch.report.skipped.map(\.reason) == ["task_ci: task names sys_id ffff, no change of this import"])
    }

    @Test func aCABDateRoutesToTheBoardAndNamesTheMeeting() throws {
        let planned = Self.raw.replacingOccurrences(of: "\"cab_required\": \"false\"", with: "\"cab_required\": \"false\", \"cab_date\": \"2026-11-30\"")
        let batch = try Self.batch(planned)
        #expect(batch.document.changes.first?.statedRoute == .cab)
        #expect(batch.links["servicenow:CHG0030001"]?.meeting == "2026-11-30")
        let error = #expect(throws: CabinetError.self) { try Self.batch(planned.replacingOccurrences(of: "2026-11-30", with: "30/11/2026")) }
        #expect(error?.description == "export.json: result[0] (number CHG0030001): cab_date: '30/11/2026' is not a day YYYY-MM-DD")
    }

    @Test func affectedCIsFromTheTaskCIListViewCSV() throws {
        // The Affected CIs list view exported as CSV: display values, the change by its number.
        let csv = "\"Task\",\"Configuration Item\"\r\n\"CHG0030001\",\"orders-replica\"\r\n\"CHG0030001\",\"payments\"\r\n"
        let export = try ServiceNowAdapter.read([ServiceNowAdapter.File(name: "changes.json", bytes: Array(Self.raw.utf8)),
                                                 ServiceNowAdapter.File(name: "task_ci.csv", bytes: Array(csv.utf8))])
        let batch = try export.batch(zone: Self.utc, stored: StoredRecords())
        #expect(batch.document.changes.first?.change.services == ["281a4d5fc0a8000b00e4ba489a83eedc", "orders-replica", "payments"])
    }
}
