import Foundation
import Testing

/// A team keeps its changes in Jira Service Management. The chair saves a search response
/// (`/rest/api/3/search?expand=names`, text as Atlassian documents), imports it into a fresh
/// Cabinet, then a newer one from API v2 (plain text, other custom field ids) that syncs.
@Suite struct JiraImportTests {
    let sandbox = Sandbox(now: "2026-11-27T20:00:00Z")

    static func fixture(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/jira/\(name)").path
    }

    @Test func aSearchResponseImportsByFieldNamesAndANewerOneSyncs() throws {
        let imported = try sandbox.cab("import", "--from", "jira", Self.fixture("search-v3.json"))
        #expect(imported.status == 0, "\(imported.stderr)")
        // ITSM-44 is a service request, not a change.
        #expect(imported.stdout.contains("3 records → 2 new changes, 0 updated, 1 decisions, 0 incidents, 2 services"), "\(imported.stdout)")
        #expect(imported.stdout.contains("issues[2] (key ITSM-44): issue type 'Service request' is not a change"))
        #expect(imported.stdout.contains("jira:ITSM-43: blast radius is missing; rollback plan is missing"), "\(imported.stdout)")
        let shown = try sandbox.cab("change", "show", "jira:ITSM-42", "--json")
        // The Atlassian document made plain: a list item as a "- " line, a hard break as a line break.
        #expect(shown.stdout.contains("\"rollbackPlan\" : \"Drop the index.\\n- takes under two minutes\""), "\(shown.stdout)")
        #expect(shown.stdout.contains("\"verification\" : \"p99 of order lookups flat\\nfor 15 minutes\""))
        // +0000 without a colon is UTC.
        #expect(shown.stdout.contains("\"windowStart\" : \"2026-11-27T14:00:00Z\""))
        #expect(shown.stdout.contains("\"blastRadius\" : \"Order Service readers only\""))
        let figures = try sandbox.cab("report", "--json")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(figures.stdout.utf8)) as? [String: Any])
        // ITSM-42 and ITSM-43 were submitted in the period.
        #expect(json["submitted"] as? Int == 2, "\(figures.stdout)")

        let newer = try sandbox.cab("import", "--from", "jira", Self.fixture("search-v2-newer.json"))
        #expect(newer.status == 0, "\(newer.stderr)")
        #expect(newer.stdout.contains("2 records → 1 new changes, 1 updated, 1 decisions"), "\(newer.stdout)")
        #expect(newer.stdout.contains("jira:ITSM-42: windowStart, windowEnd"), "\(newer.stdout)")
        let synced = try sandbox.cab("change", "show", "jira:ITSM-42", "--json")
        #expect(synced.stdout.contains("\"outcome\" : \"rejected\"") && synced.stdout.contains("\"supersedes\" : \"jira:ITSM-42@2026-11-26T17:00:00Z/jira\""), "\(synced.stdout)")
        #expect(try sandbox.cab("audit").status == 0)
    }

    @Test func aFileThatIsNotASearchResponseIsRefused() throws {
        let file = try sandbox.write("issue.json", #"{"key": "ITSM-1", "fields": {}}"#)
        let refused = try sandbox.cab("import", "--from", "jira", file)
        #expect(refused.status != 0 && refused.stderr.contains("not a Jira search response: no top-level \"issues\" list"), "\(refused.stderr)")
    }
}
