import CabinetModel
import CabinetStore
import Foundation
import Testing

/// The real `cab` board in tmux, driven as a chair and a presenter would drive it.
@Suite(.serialized) struct BoardEndToEndTests {
    let sandbox = Sandbox()
    let demo: String
    /// The header's count of items waiting when the board opens: today's queue.
    let waiting: String
    /// The same count once one item is decided.
    let waitingAfterOne: String

    init() throws {
        demo = sandbox.path + "/demo.sqlite"
        // The board reads the real clock (the timer must move), so the demo is made for today.
        var environment = sandbox.environment
        environment["CAB_NOW"] = nil
        let made = try CabProcess.run(["demo", "--db", demo, "--quiet"], environment: environment)
        guard made.status == 0 else { throw TmuxSession.Failure(description: made.stderr) }
        let queued = try queueLength(demo, environment: environment)
        waiting = "\(queued) waiting"
        waitingAfterOne = "\(queued - 1) waiting"
    }

    /// `cab ARGUMENTS --db demo` under a shell that then writes the terminal modes it is left with
    /// to `stty.txt` and the board's exit status to `exit.txt`.
    /// `then`, when given, runs in the same terminal after that.
    func board(_ arguments: String, width: Int = 100, height: Int = 30, user: String = "priya", then: String? = nil) throws -> TmuxSession {
        // The terminal modes are saved before the exit status, so that the status means both are there.
        let command = "\(CabProcess.binary) \(arguments) --db \(demo); status=$?; stty -a > \(sandbox.path)/stty.txt; "
            + "echo \"exit $status\" > \(sandbox.path)/exit.txt" + (then.map { "; " + $0 } ?? "")
        return try TmuxSession("sh -c '\(command)'", width: width, height: height,
                               environment: ["CAB_USER": user, "HOME": sandbox.path, "XDG_DATA_HOME": sandbox.path + "/data"])
    }

    func cab(_ arguments: String...) throws -> CabProcess.Result {
        var environment = sandbox.environment
        environment["CAB_NOW"] = nil
        return try CabProcess.run(arguments + ["--db", demo], environment: environment)
    }

    /// Moves the running item's stored clock back, as if `seconds` had passed: the clock is data.
    func rewindRunningItem(by seconds: Int) throws {
        let sql = "UPDATE agenda_items SET started_at = started_at - \(seconds * 1000) WHERE started_at IS NOT NULL AND ended_at IS NULL;"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [demo, sql]
        try process.run()
        process.waitUntilExit()
    }

    func outcome(of change: String) throws -> (outcome: String, by: String, text: String)? {
        let shown = try cab("change", "show", change, "--json")
        let object = try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any]
        guard let last = (object?["decisions"] as? [[String: Any]])?.last else { return nil }
        return (last["outcome"] as? String ?? "", last["by"] as? String ?? "", (last["conditions"] ?? last["note"]) as? String ?? "")
    }

    func exitLine() -> String? {
        // The shell creates the file before it writes the line: empty means not yet.
        (try? String(contentsOfFile: sandbox.path + "/exit.txt", encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines).nonEmpty
    }

    func waitForExitLine(timeout: Double = 10) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let line = exitLine() { return line }
            usleep(20_000)
        }
        throw TmuxSession.Failure(description: "the board did not exit")
    }

    /// After the board exits, the shell has a terminal with echo and canonical mode back on.
    func expectTerminalRestored(_ tmux: TmuxSession) throws {
        let stty = try String(contentsOfFile: sandbox.path + "/stty.txt", encoding: .utf8)
        let flags = Set(stty.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" }).map(String.init))
        #expect(flags.contains("icanon") && flags.contains("echo"), "stty: \(stty)")
        #expect(try tmux.pane("#{alternate_on}") == "0")
    }

    @Test func aChairRunsTheMeetingAndEveryDecisionIsRecorded() throws {
        let tmux = try board("--by priya")
        try tmux.waitFor(waiting)
        try tmux.send("s")
        try tmux.waitFor("meeting 0:0")
        try tmux.send("n")
        let started = try tmux.waitFor("the timer running") { (timerSeconds($0) ?? 0) >= 1 }
        try tmux.waitFor("the timer moving") { (timerSeconds($0) ?? 0) > (timerSeconds(started) ?? 0) }

        let first = try #require(try tmux.screen().split(separator: "\n").dropFirst().first.map { String($0.split(separator: " ")[0]) })
        try tmux.send("a")
        // The approval is recorded when the board moves on: one fewer waiting is not on screen before.
        try tmux.waitFor(waitingAfterOne)
        #expect(try outcome(of: first)?.outcome == "approved")
        #expect(try outcome(of: first)?.by == "priya")

        let second = try currentChange(tmux)
        try tmux.send("c")
        try tmux.waitFor("conditions")
        try tmux.send("-l", "Owner on call during the window")
        try tmux.send("Enter")
        try tmux.waitFor("CHG-", timeout: 5) { $0.contains("CHG-") && !$0.contains(second + "  ") }
        #expect(try outcome(of: second)?.outcome == "approved-with-conditions")
        #expect(try outcome(of: second)?.text == "Owner on call during the window")

        let third = try currentChange(tmux)
        try tmux.send("r")
        try tmux.waitFor("Reason (required)")
        try tmux.send("-l", "Rollback untested")
        try tmux.send("Enter")
        try tmux.waitFor("Reject \(third)?")
        try tmux.send("y")
        try tmux.waitFor("next item", timeout: 5) { !$0.contains("Reject \(third)?") }
        #expect(try outcome(of: third)?.outcome == "rejected")
        #expect(try outcome(of: third)?.text == "Rollback untested")

        let fourth = try currentChange(tmux)
        try rewindRunningItem(by: 200)
        try tmux.waitFor("over time")
        try tmux.send("d")
        try tmux.waitFor("Defer \(fourth)")
        try tmux.send("-l", "owner on leave")
        try tmux.send("Enter")
        try tmux.waitFor("next item", timeout: 5) { !$0.contains("over time") }
        #expect(try outcome(of: fourth)?.outcome == "deferred")
        #expect(try outcome(of: fourth).map { $0.text.hasPrefix("to ") && $0.text.hasSuffix("owner on leave") } == true)

        try tmux.send("q")
        #expect(try waitForExitLine() == "exit 0")
        try expectTerminalRestored(tmux)
    }

    @Test func aPastedListOfConditionsIsRecordedAsTextAndDecidesNothingElse() throws {
        let tmux = try board("--by priya")
        try tmux.waitFor(waiting)
        try tmux.send("s")
        try tmux.waitFor("meeting 0:0")
        try tmux.send("n")
        let first = try currentChange(tmux)
        try tmux.send("c")
        try tmux.waitFor("Conditions:")
        try tmux.paste("1. Owner on call\n2. DBA sign-off before contract phase\n3. Notify #payments")
        try tmux.waitFor("3. Notify #payments")
        #expect(try outcome(of: first)?.by != "priya", "a pasted line break submitted the conditions")
        try tmux.send("Enter")
        try tmux.waitFor("the field closed", timeout: 5) { !$0.contains("Conditions:") }
        let second = try currentChange(tmux)
        #expect(second != first)
        #expect(try outcome(of: first)?.outcome == "approved-with-conditions")
        #expect(try outcome(of: first)?.text == "1. Owner on call\n2. DBA sign-off before contract phase\n3. Notify #payments")
        #expect(try outcome(of: second)?.by != "priya", "a pasted letter decided \(second)")

        try tmux.send("q")
        #expect(try waitForExitLine() == "exit 0")
        try expectTerminalRestored(tmux)
    }

    @Test func afterTheBoardQuitsAPasteReachesTheShellUnbracketed() throws {
        let tmux = try board("--by priya", then: "cat -v")
        try tmux.waitFor(waiting)
        try tmux.send("q")
        #expect(try waitForExitLine() == "exit 0")
        try tmux.paste("echo pasted")
        let screen = try tmux.waitFor("echo pasted")
        #expect(!screen.contains("200~"), "bracketed paste is still on after the board quit:\n\(screen)")
    }

    /// The seconds the card's timer shows ("1:05 of 3 min used" is 65).
    func timerSeconds(_ screen: String) -> Int? {
        guard let line = screen.split(separator: "\n").first(where: { $0.contains(" of 3 min used") }),
              let clock = line.trimmingCharacters(in: .whitespaces).split(separator: " ").first else { return nil }
        let parts = clock.split(separator: ":").compactMap { Int($0) }
        return parts.count == 2 ? parts[0] * 60 + parts[1] : nil
    }

    /// The id of the change whose card is open (its header line starts with it).
    func currentChange(_ tmux: TmuxSession) throws -> String {
        let screen = try tmux.waitFor("a card") { $0.split(separator: "\n").dropFirst().first?.hasPrefix(" CHG-") == true }
        return String(screen.split(separator: "\n")[1].split(separator: " ")[0])
    }

    @Test func aPresenterFollowsTheChairFromAnotherTerminal() throws {
        let chair = try board("--by priya")
        try chair.waitFor(waiting)
        let presenter = try TmuxSession("\(CabProcess.binary) present --db \(demo)", width: 100, height: 30,
                                        environment: ["CAB_USER": "emma.stone", "HOME": sandbox.path])
        try presenter.waitFor("read-only")
        try chair.send("s")
        try chair.send("n")
        let item = try currentChange(chair)
        try presenter.waitFor(item, timeout: 5)
        try presenter.waitFor("of 3 min used", timeout: 5)
        try chair.send("c")
        try chair.waitFor("conditions")
        try chair.send("-l", "Owner on call during the window")
        try chair.send("Enter")
        // The presenter's board moves on to the next item and says what became of theirs.
        try presenter.waitFor("\(item) approved with conditions by priya at ")
        try presenter.waitFor(": Owner on call during the window")
        try presenter.send("a")
        try presenter.waitFor("read-only")
        try chair.send("q")
        try presenter.send("q")
    }

    @Test func aRehearsalFromPresentWithAnIdRunsTheTimerAndLeavesTheStoreAsItWas() throws {
        let before = try Data(contentsOf: URL(fileURLWithPath: demo))
        let exported = try cab("export").stdout
        let change = try #require(try cab("queue", "--json").stdout.firstMatch(of: /"id" ?: ?"(CHG-[0-9]+)"/).map { String($0.1) })
        func rehearsed(_ screen: String) -> Int {
            screen.firstMatch(of: /rehearsal · (\d+):(\d\d) of 3 min used/).map { Int($0.1)! * 60 + Int($0.2)! } ?? 0
        }
        let presenter = try board("present \(change)", user: "emma.stone")
        try presenter.waitFor("rehearsal · not started · Space starts its 3 min")
        try presenter.send("Space")
        try presenter.waitFor("the rehearsal timer moving") { rehearsed($0) >= 2 }
        try presenter.send("Space")
        try presenter.waitFor("rehearsal · paused")
        try presenter.send("0")
        try presenter.waitFor("rehearsal · not started")
        try presenter.send("q")
        #expect(try waitForExitLine() == "exit 0")
        #expect(try Data(contentsOf: URL(fileURLWithPath: demo)) == before, "the store file changed")
        #expect(try cab("export").stdout == exported)
    }

    @Test func resizingFromLargeToTinyAndBackNeverCrashes() throws {
        let tmux = try board("--by priya", width: 80, height: 24)
        try tmux.waitFor(waiting)
        for (width, height) in [(60, 16), (59, 16), (20, 5), (1, 1), (200, 60), (80, 24)] {
            try tmux.resize(width: width, height: height)
            if width < 60 || height < 16 {
                try tmux.waitFor("too small", timeout: 5) { width < 20 || $0.contains("too small") }
            } else {
                try tmux.waitFor("CAB 2026-")
            }
            #expect(try tmux.pane("#{pane_dead}") == "0", "crashed at \(width)×\(height)")
        }
        try tmux.send("q")
        #expect(try waitForExitLine() == "exit 0")
    }

    /// Ctrl-C in the board is a key (raw mode) that quits; the signals come from outside.
    /// A crash (SIGSEGV) goes through the chained handler: terminal restored, then the default action.
    @Test(arguments: [("q", "exit 0"), ("C-c", "exit 0"), ("SIGINT", "exit 130"), ("SIGTERM", "exit 143"), ("SIGHUP", "exit 129"),
                      ("SIGSEGV", "exit 139")])
    func everyWayOutRestoresTheTerminal(way: String, expected: String) throws {
        let tmux = try board("--by priya")
        try tmux.waitFor(waiting)
        let signals = ["SIGINT": SIGINT, "SIGTERM": SIGTERM, "SIGHUP": SIGHUP, "SIGSEGV": SIGSEGV]
        if let signal = signals[way] {
            let pid = try #require(Int32(try tmux.pane("#{pane_pid}")))
            kill(try #require(childProcess(of: pid)), signal)
        } else {
            try tmux.send(way)
        }
        #expect(try waitForExitLine() == expected)
        try expectTerminalRestored(tmux)
    }

    /// The first child of `parent` (the board under the pane's shell).
    func childProcess(of parent: Int32) -> Int32? {
        let children = (try? String(contentsOfFile: "/proc/\(parent)/task/\(parent)/children", encoding: .utf8)) ?? ""
        return children.split(separator: " ").first.flatMap { Int32($0) }
    }

    /// Ctrl-Z needs a shell with job control (the board in its own process group), as a person has.
    @Test func ctrlZSuspendsToTheShellAndFgBringsTheBoardBack() throws {
        let shell = try TmuxSession("bash --norc --noprofile -i", width: 100, height: 30,
                                    environment: ["CAB_USER": "priya", "HOME": sandbox.path])
        try shell.waitFor("bash-")
        try shell.send("-l", "\(CabProcess.binary) --db \(demo)")
        try shell.send("Enter")
        try shell.waitFor(waiting)
        try shell.send("C-z")
        try shell.waitFor("Stopped")
        #expect(try shell.pane("#{alternate_on}") == "0")
        try shell.send("-l", "fg")
        try shell.send("Enter")
        try shell.waitFor(waiting)
        #expect(try shell.pane("#{alternate_on}") == "1")
        try shell.send("q")
        try shell.waitFor("back at the prompt") { $0.split(separator: "\n").last { !$0.isEmpty }?.hasPrefix("bash-") == true }
    }

    @Test func killedMidItemTheBoardComesBackOnTheSameItemWithItsTime() throws {
        let first = try board("--by priya")
        try first.waitFor(waiting)
        try first.send("s")
        try first.send("n")
        let item = try currentChange(first)
        try first.waitFor("three seconds on the timer") { (timerSeconds($0) ?? 0) >= 3 }
        let pid = try #require(Int32(try first.pane("#{pane_pid}")))
        kill(try #require(childProcess(of: pid)), SIGKILL)

        let second = try TmuxSession("\(CabProcess.binary) --db \(demo)", width: 100, height: 30,
                                     environment: ["CAB_USER": "priya", "HOME": sandbox.path])
        let screen = try second.waitFor("the same item presenting") { screen in
            screen.split(separator: "\n").contains { $0.contains(item) && $0.contains("presenting") }
        }
        let row = screen.split(separator: "\n").first { $0.contains(item) }.map(String.init) ?? ""
        let used = row.split(separator: " ").first { $0.contains(":") && $0.count == 4 }.map(String.init) ?? ""
        // The time already used survives the kill (it does not restart from zero), and goes on.
        let seconds = used.split(separator: ":").compactMap { Int($0) }
        #expect(seconds.count == 2 && (3...30).contains(seconds[0] * 60 + seconds[1]), "\(row)")
        try second.send("q")
    }

    @Test func aLeadOpensThePanelReadOnlyAndEscQuitsIt() throws {
        let tmux = try board("panel", user: "lead")
        let screen = try tmux.waitFor("the figures") { $0.contains("Pass-through") && $0.contains("%") }
        #expect(["Healthy", "Theater", "Bottleneck", "Not catching risks", "Rubber stamp", "Not enough data"].contains { screen.contains($0) })
        let header = screen.split(separator: "\n").first.map(String.init) ?? ""
        #expect(header.contains("effectiveness panel (read-only)") && !header.contains("chair"), "\(header)")
        let footer = screen.split(separator: "\n").last { !$0.allSatisfy(\.isWhitespace) }.map(String.init) ?? ""
        #expect(footer.contains("Esc quit") && !footer.contains("approve") && !footer.contains("minutes") && !footer.contains("back"), "\(footer)")
        try tmux.send("1")
        try tmux.waitFor("last 7 days")
        let before = try cab("audit").stdout
        try tmux.send("a")
        try tmux.send("m")
        try tmux.waitFor("read-only panel: `cab` opens the board")
        try tmux.send("Escape")
        #expect(try waitForExitLine() == "exit 0")
        #expect(try cab("audit").stdout == before)
    }

    /// The read-only panel reads no day's queue, only its figures: a write from another process
    /// (twenty changes the board rejected an hour ago) still moves its pass-through on screen.
    @Test func theReadOnlyPanelFollowsAnotherProcesssWrites() throws {
        let tmux = try board("panel", user: "lead")
        let passThrough = { (screen: String) in screen.split(separator: "\n").first { $0.contains("Pass-through") }.map(String.init) }
        let before = try #require(passThrough(try tmux.waitFor("the figures") { $0.contains("Pass-through") && $0.contains("%") }))
        let hourAgo = Timestamp(milliseconds: Timestamp.now().milliseconds - 3_600_000)
        let ids = (1...20).map { "CHG-LATE-\($0)" }
        let document: [String: Any] = [
            "changes": ids.map { id in [
                "id": id, "title": "Late change", "owner": "raj", "team": "platform", "type": "normal", "category": "infrastructure", "risk": "high",
                "route": "cab", "services": ["API Gateway"], "blastRadius": "b", "rollbackPlan": "r", "rollbackMinutes": 4, "verification": "v",
                "submittedAt": Timestamp(milliseconds: hourAgo.milliseconds - 60_000).iso8601,
            ] as [String: Any] },
            "decisions": ids.map { id in ["change": id, "outcome": "rejected", "at": hourAgo.iso8601, "by": "priya", "note": "no"] },
        ]
        let file = sandbox.path + "/late.json"
        try JSONSerialization.data(withJSONObject: document).write(to: URL(fileURLWithPath: file))
        #expect(try cab("import", file).status == 0)
        let after = try tmux.waitFor("a new pass-through") { passThrough($0).map { $0 != before } ?? false }
        #expect(passThrough(after) != before, "\(after)")
        try tmux.send("Escape")
        #expect(try waitForExitLine() == "exit 0")
    }

    @Test func aLongRollbackPlanScrollsToItsEndAt80x24() throws {
        let file = sandbox.path + "/long.json"
        let plan = (1...12).map { "Step \($0): drain traffic from pool \($0) and confirm the old pool takes it." }.joined(separator: " ")
            + " Last: restore the DNS weights and page the owner."
        let document: [String: Any] = ["changes": [[
            "id": "CHG-LONG", "title": "Move checkout traffic", "owner": "raj", "team": "platform", "type": "normal",
            "category": "infrastructure", "risk": "high", "services": ["API Gateway"], "blastRadius": "Checkout traffic.",
            "rollbackPlan": plan, "rollbackMinutes": 4, "verification": "Error rate flat.", "submittedAt": Timestamp.now().iso8601,
        ] as [String: Any]]]
        try JSONSerialization.data(withJSONObject: document).write(to: URL(fileURLWithPath: file))
        #expect(try cab("import", file).status == 0)
        let tmux = try board("--by priya", width: 80, height: 24)
        try tmux.waitFor("8 waiting")
        try tmux.send("/")
        try tmux.send("-l", "CHG-LONG")
        try tmux.send("Enter")
        try tmux.send("Enter")
        try tmux.waitFor("CHG-LONG  Move checkout traffic")
        #expect(try tmux.waitFor("more lines: Tab").contains("▼"))
        try tmux.send("Tab")
        try tmux.send("Tab")
        try tmux.waitFor("more lines: j, Enter")
        for _ in 0..<30 { try tmux.send("j") }
        let scrolled = try tmux.waitFor("page the owner.")
        #expect(scrolled.contains("above: k") && scrolled.contains("CHG-LONG  Move checkout traffic"), "\(scrolled)")
        try tmux.send("Enter")
        try tmux.send("PgUp")
        try tmux.send("PgUp")
        try tmux.send("PgUp")
        try tmux.waitFor("Step 1: drain traffic")
        try tmux.send("Escape")
        try tmux.waitFor("Blast radius")
        try tmux.send("q")
        #expect(try waitForExitLine() == "exit 0")
    }

    @Test func aBrokenThemeIsNamedOnTheBoardAtStart() throws {
        let theme = sandbox.path + "/broken.toml"
        try "[colors]\nheader = \"not-a-colour\"\n".write(toFile: theme, atomically: true, encoding: .utf8)
        let tmux = try board("--by priya --theme \(theme)")
        let screen = try tmux.waitFor("the default theme is used: \(sandbox.path)")
        #expect(screen.contains("broken.toml") && screen.contains("7 waiting"), "\(screen)")
        try tmux.send("q")
    }

    @Test func textFromTheDatabaseIsDrawnInert() throws {
        let file = sandbox.path + "/hostile.json"
        let title = "Reset \u{1B}[2J\u{1B}]0;owned\u{07} 決済 🚀 gateway"
        let document: [String: Any] = ["changes": [[
            "id": "CHG-EVIL", "title": "Reset gateway", "owner": "mallory", "team": "platform", "type": "normal",
            "category": "infrastructure", "risk": "high", "services": ["API Gateway"], "blastRadius": "b",
            "rollbackPlan": "r", "rollbackMinutes": 2, "verification": "v", "submittedAt": "2026-11-27T00:00:00Z",
        ] as [String: Any]]]
        try JSONSerialization.data(withJSONObject: document).write(to: URL(fileURLWithPath: file))
        #expect(try cab("import", file).status == 0)
        // Import refuses control characters; a file edited by hand can still hold them.
        try SQLiteStore(path: demo).writing { db in
            try db.execute("UPDATE changes SET title = ?, blast_radius = ? WHERE id = 'CHG-EVIL'", [.text(title), .text("b\u{1B}[31mred")])
        }
        let tmux = try board("--by priya", width: 120, height: 40)
        try tmux.waitFor("CHG-EVIL")
        let screen = try tmux.screen()
        #expect(screen.contains("␛[2J"))
        #expect(!screen.contains("\u{1B}"))
        #expect(try tmux.pane("#{pane_title}") != "owned")
        try tmux.send("q")
    }
}

private extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
