import Testing
@testable import CabinetModel
@testable import CabinetStore

/// Jira's awkward shapes: offsets without a colon, text as Atlassian documents, fields found by name.
@Suite struct JiraMappingTests {
    @Test func offsetsWithoutAColon() throws {
        #expect(SourceTime.jira("2026-11-27T14:00:00.000+0000") == (try Timestamp(iso8601: "2026-11-27T14:00:00Z")))
        // 09:00 at UTC-05:00 is 14:00 UTC.
        #expect(SourceTime.jira("2026-11-27T09:00:00.000-0500") == (try Timestamp(iso8601: "2026-11-27T14:00:00Z")))
        #expect(SourceTime.jira("2026-11-27T14:00:00+00:00") == (try Timestamp(iso8601: "2026-11-27T14:00:00Z")))
        #expect(SourceTime.jira("27/11/2026") == nil)
    }

    @Test func atlassianDocumentsArePlainText() {
        let document: JSONValue = .object(["type": "doc", "version": 1, "content": .array([
            .object(["type": "paragraph", "content": .array([.object(["type": "text", "text": "Drop it"]), .object(["type": "hardBreak"]),
                                                             .object(["type": "text", "text": "then check"])])]),
            .object(["type": "bulletList", "content": .array([
                .object(["type": "listItem", "content": .array([.object(["type": "paragraph", "content": .array([.object(["type": "text", "text": "one"])])])])]),
            ])]),
        ])])
        #expect(AtlassianDocument.plain(document) == "Drop it\nthen check\n- one")
        #expect(AtlassianDocument.plain("plain <b>v2</b> text") == "plain v2 text")
    }

    @Test func fieldsAreFoundByTheirNames() throws {
        let response = """
            {"issues": [{"key": "ITSM-1", "fields": {"summary": "Swap", "issuetype": {"name": "Change"}, "created": "2026-11-26T16:00:00.000+0000",
              "customfield_777": {"value": "Emergency"}, "customfield_778": "Revert"}}],
             "names": {"customfield_777": "Change type", "customfield_778": "Backout plan"}}
            """
        let export = try JiraAdapter.read([("search.json", Array(response.utf8))])
        let batch = try export.batch(stored: StoredRecords())
        let change = try #require(batch.document.changes.first?.change)
        #expect(change.id == "jira:ITSM-1" && change.type == .emergency && change.rollbackPlan == "Revert")
        #expect(batch.report.filled["Backout plan"] == "rollbackPlan")
    }
}
