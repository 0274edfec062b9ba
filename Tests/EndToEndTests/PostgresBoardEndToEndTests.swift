import Foundation
import Testing

/// Two boards on one PostgreSQL store in two panes of one terminal, as a chair and a presenter
/// at different machines would have them: what the chair records shows on the other board
/// within a second, and a server restart in the middle of the meeting loses nothing.
@Suite(.serialized) struct PostgresBoardEndToEndTests {
    let sandbox = Sandbox()
    let server: ThrowawayPostgres
    let url: String
    /// Today's queue when the boards open: the seven board items of the demo, then the
    /// emergencies back for their review (how many depends on the time of day).
    let queued: Int

    init() throws {
        // A server of its own: stopping it must not disturb the other tests' server.
        server = try ThrowawayPostgres()
        url = server.url
        var environment = sandbox.environment
        environment["CAB_NOW"] = nil
        let demo = sandbox.path + "/demo.sqlite"
        let made = try CabProcess.run(["demo", "--db", demo, "--quiet"], environment: environment)
        let copied = try CabProcess.run(["store", "copy", "--from", demo, "--to", url], environment: environment)
        guard made.status == 0, copied.status == 0 else { throw TmuxSession.Failure(description: made.stderr + copied.stderr) }
        queued = try queueLength(demo, environment: environment)
    }

    func decisions(of change: String) throws -> [[String: Any]] {
        var environment = sandbox.environment
        environment["CAB_NOW"] = nil
        let shown = try CabProcess.run(["change", "show", change, "--json", "--db", url], environment: environment)
        guard shown.status == 0 else { throw TmuxSession.Failure(description: "cab change show \(change): \(shown.stderr)") }
        let object = try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any]
        return object?["decisions"] as? [[String: Any]] ?? []
    }

    /// The change on the chair's card (the first word of its second line), once it is not `previous`.
    func card(_ pane: TmuxSession.Pane, after previous: String? = nil) throws -> String {
        let screen = try TmuxSession.poll("a card after \(previous ?? "none") in pane \(pane.target)", timeout: 10, screen: pane.screen) {
            guard let line = $0.split(separator: "\n").dropFirst().first, line.hasPrefix(" CHG-") else { return false }
            return previous.map { !line.hasPrefix(" \($0) ") } ?? true
        }
        return String(screen.split(separator: "\n")[1].split(separator: " ")[0])
    }

    /// Starts the meeting and the first item's timer from the chair's board; the item's id.
    func startTheMeeting(_ chair: TmuxSession.Pane) throws -> String {
        try chair.send("s")
        try chair.waitFor("meeting 0:0")
        try chair.send("n")
        try chair.waitFor("of 3 min used")
        return try card(chair)
    }

    @Test func aDecisionShowsOnTheOtherBoardWithinASecondAndARestartMidMeetingLosesNothing() throws {
        let tmux = try TmuxSession("\(CabProcess.binary) board --db \(url) --by priya", width: 110, height: 60,
                                   environment: ["CAB_USER": "priya", "HOME": sandbox.path])
        let chair = tmux.pane(0)
        let presenter = try tmux.split("\(CabProcess.binary) present --db \(url)", environment: ["CAB_USER": "emma.stone", "HOME": sandbox.path])
        try chair.waitFor("\(queued) waiting")
        try presenter.waitFor("read-only")

        let first = try startTheMeeting(chair)
        try presenter.waitFor(first)
        let firstEarlier = try decisions(of: first).count
        // The other board counts one item fewer waiting (how fast is measured by scripts/bench-postgres).
        try chair.send("a")
        try presenter.waitFor("\(queued - 1) waiting")
        let approved = try decisions(of: first)
        #expect(approved.count == firstEarlier + 1 && approved.last?["outcome"] as? String == "approved", "\(first): \(approved)")

        let second = try card(chair, after: first)
        let secondEarlier = try decisions(of: second).count
        try server.stop()
        try chair.send("r")
        try chair.waitFor("Reason (required)")
        try chair.send("-l", "rollback untested")
        try chair.send("Enter")
        try chair.waitFor("Reject \(second)?")
        try chair.send("y")
        try chair.waitFor("waiting to be saved")
        try presenter.waitFor("reconnecting")

        try server.start()
        try chair.waitForNo("reconnecting", timeout: 5)
        try presenter.waitForNo("reconnecting", timeout: 5)
        try chair.waitFor("\(queued - 2) waiting")
        try presenter.waitFor("\(queued - 2) waiting")
        let recorded = try decisions(of: second).dropFirst(secondEarlier)
        #expect(recorded.count == 1, "recorded \(recorded.count) times")
        #expect(recorded.first?["outcome"] as? String == "rejected")
        #expect(recorded.first?["note"] as? String == "rollback untested")

        // The meeting goes on: the next decision reaches the other board as before. The third
        // change is not ready (its rollback takes 15 minutes), so approving it takes an override reason.
        let third = try card(chair, after: second)
        let thirdEarlier = try decisions(of: third).count
        try chair.send("a")
        try chair.waitFor("Override reason")
        try chair.send("-l", "network freeze starts tomorrow")
        try chair.send("Enter")
        try presenter.waitFor("\(queued - 3) waiting")
        let overridden = try decisions(of: third).dropFirst(thirdEarlier)
        #expect(overridden.map { $0["outcome"] as? String } == ["approved"])
        #expect(overridden.first?["note"] as? String == "not-ready override: network freeze starts tomorrow")
        try chair.send("q")
        try presenter.send("q")
    }

    @Test func quittingWhileWritesWaitWarnsOnceThenSaysWhatWasNotSaved() throws {
        let errors = sandbox.path + "/stderr.txt", status = sandbox.path + "/exit.txt"
        let tmux = try TmuxSession("sh -c '\(CabProcess.binary) board --db \(url) --by priya 2> \(errors); echo \"exit $?\" > \(status)'",
                                   width: 110, height: 30, environment: ["CAB_USER": "priya", "HOME": sandbox.path])
        let chair = tmux.pane(0)
        try chair.waitFor("\(queued) waiting")
        let item = try startTheMeeting(chair)
        try server.stop()
        try chair.send("a")
        try chair.waitFor("waiting to be saved")
        try chair.send("q")
        try chair.waitFor("not saved yet")
        try chair.send("q")
        let exit = try TmuxSession.poll("the board to exit", timeout: 10, screen: { (try? String(contentsOfFile: status, encoding: .utf8)) ?? "" }) {
            $0.hasPrefix("exit")
        }
        #expect(exit.trimmingCharacters(in: .whitespacesAndNewlines) == "exit 1")
        let said = try String(contentsOfFile: errors, encoding: .utf8)
        #expect(said.hasPrefix("cab: not saved, the store could not be reached: ") && said.contains("approved for \(item) by priya"), "\(said)")
        #expect(said.split(separator: "\n").count == 1, "\(said)")
    }
}

/// A PostgreSQL server of a test's own, from `scripts/postgres-cluster`, stopped when it goes.
final class ThrowawayPostgres {
    let folder: String
    let url: String
    private static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scripts/postgres-cluster").path

    /// Starts a new cluster in a folder of its own, removed with it.
    init() throws {
        folder = NSTemporaryDirectory() + "cab-postgres-" + UUID().uuidString
        try Self.cluster("start", folder)
        url = try String(contentsOfFile: folder + "/url", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    deinit {
        try? Self.cluster("stop", folder)
        try? FileManager.default.removeItem(atPath: folder)
    }

    func stop() throws { try Self.cluster("stop", folder) }

    /// Starts it again on the same port and data.
    func start() throws { try Self.cluster("restart", folder) }

    /// The script's output is discarded: the server it starts must not inherit a pipe.
    private static func cluster(_ command: String, _ folder: String) throws {
        let environment = ProcessInfo.processInfo.environment.filter { ["PATH", "HOME", "LANG"].contains($0.key) }
        let result = try Spawn.run("/bin/bash", [script, command, folder], environment: environment, capturesOutput: false)
        guard result.status == 0 else {
            throw TmuxSession.Failure(description: "postgres-cluster \(command) failed (status \(result.status)); see \(folder)/log")
        }
    }
}
