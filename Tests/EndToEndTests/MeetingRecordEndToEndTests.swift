import Foundation
import Testing

/// Points 10 and 13 of issue 11 on the real board in tmux: the chair types the presented item's
/// notes (pasted, two lines) and an action item, quits, and reads both in `cab minutes` and
/// `cab actions`; when the meeting ends, `P` writes the minutes to a file and, on a yes, posts them.
extension BoardEndToEndTests {
    @Test func theChairNotesTheItemAndRaisesAnActionItemThatTheMinutesCarry() throws {
        let tmux = try board("--by priya", width: 120, height: 36)
        try tmux.waitFor("7 waiting")
        try tmux.send("s")
        try tmux.waitFor("meeting 0:0")
        try tmux.send("n")
        let item = try currentChange(tmux)
        try tmux.send("N")
        try tmux.waitFor("Notes on \(item)")
        try tmux.paste("Index built on a replica first\nweb asked for a canary")
        try tmux.waitFor("web asked for a canary")
        try tmux.send("Enter")
        try tmux.waitFor("\(item): notes kept for the minutes")
        try tmux.send("A")
        try tmux.waitFor("What is to be done")
        try tmux.send("-l", "Add a rollback test")
        try tmux.send("Enter")
        try tmux.waitFor("Who does it")
        try tmux.send("-l", " 2026-12-04")
        try tmux.send("Enter")
        try tmux.waitFor("action item on \(item)")
        try tmux.send("q")
        #expect(try waitForExitLine() == "exit 0")

        let minutes = try cab("minutes")
        #expect(minutes.status == 0, "\(minutes.stderr)")
        #expect(minutes.stdout.contains("   notes: Index built on a replica first\n          web asked for a canary\n"), "\(minutes.stdout)")
        #expect(minutes.stdout.contains("Action items:\n  ACT-1") && minutes.stdout.contains("due 2026-12-04"), "\(minutes.stdout)")
        #expect(minutes.stdout.contains("Add a rollback test (\(item))"), "\(minutes.stdout)")
        let actions = try cab("actions")
        #expect(actions.stdout.hasPrefix("1 open, 0 closed\n") && actions.stdout.contains("Add a rollback test"), "\(actions.stdout)")
    }

    @Test func theEndedMeetingsMinutesGoToAFileAndOnAYesToTheWebhook() throws {
        let server = try LocalHTTPServer()
        let tmux = try board("--by priya --minutes-dir \(sandbox.path) --minutes-webhook \(server.url)", width: 120, height: 36)
        try tmux.waitFor("7 waiting")
        try tmux.send("s")
        try tmux.waitFor("meeting 0:0")
        try tmux.send("e")
        try tmux.waitFor("End the meeting?")
        try tmux.send("y")
        try tmux.waitFor("meeting ended: P publishes the minutes")
        try tmux.send("P")
        try tmux.waitFor("Post the minutes to the webhook?")
        let today = String(ISO8601DateFormatter().string(from: Date()).prefix(10))
        let file = sandbox.path + "/cab-minutes-\(today).md"
        #expect(try tmux.screen().contains("minutes written to \(file)"))
        let markdown = try String(contentsOfFile: file, encoding: .utf8)
        #expect(markdown.hasPrefix("## CAB minutes, \(today)\n"))
        try tmux.send("y")
        try tmux.waitFor("and posted to http://")
        let body = try #require(server.body())
        let message = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
        #expect((message["text"] as? String)?.hasPrefix("## CAB minutes, \(today)") == true)
        try tmux.send("q")
        #expect(try waitForExitLine() == "exit 0")
    }
}
