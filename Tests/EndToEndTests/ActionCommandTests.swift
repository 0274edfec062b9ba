import Foundation
import Testing

/// After the meeting, raj owes a rollback test; he closes it when done, and a mistyped due day
/// is refused without touching the store.
@Suite struct ActionCommandTests {
    let sandbox = Sandbox()

    @Test func anActionItemIsRecordedListedAndClosed() throws {
        #expect(try sandbox.cab("import", try sandbox.write("company.json", smallDocument)).status == 0)
        let added = try sandbox.cab("action", "add", "--text", "Add a rollback test", "--owner", "raj", "--due", "2026-12-04", "--change", "CHG-1")
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout == "Recorded ACT-1  open  due 2026-12-04  raj: Add a rollback test (CHG-1)\n")
        let listed = try sandbox.cab("actions")
        #expect(listed.stdout.hasPrefix("1 open, 0 closed\n"), "\(listed.stdout)")
        #expect(listed.stdout.contains("ACT-1") && listed.stdout.contains("Add a rollback test"))

        let before = FileManager.default.contents(atPath: sandbox.db)
        let refused = try sandbox.cab("action", "add", "--text", "x", "--owner", "raj", "--due", "next friday")
        #expect(refused.status == 1 && refused.stderr == "cab: --due: 'next friday' is not a day (YYYY-MM-DD)\n")
        #expect(FileManager.default.contents(atPath: sandbox.db) == before)

        let closed = try sandbox.cab("action", "close", "ACT-1", "--note", "test added")
        #expect(closed.status == 0 && closed.stdout.hasPrefix("Closed ACT-1  closed 2026-11-27"), "\(closed.stdout)\(closed.stderr)")
        #expect(try sandbox.cab("actions").stdout == "No action items.\n")
        let all = try JSONSerialization.jsonObject(with: Data(try sandbox.cab("actions", "--all", "--json").stdout.utf8)) as? [[String: Any]]
        #expect(all?.first?["closeNote"] as? String == "test added" && all?.first?["closedBy"] as? String != nil)
    }
}
