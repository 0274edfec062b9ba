import Foundation
import Testing

/// A new user's first commands: every missing flag named in one run, an id given when none is,
/// errors that speak of flags, a mistyped command pointed to the right one, `--db` anywhere.
@Suite struct FirstUseTests {
    let sandbox = Sandbox()

    @Test func changeAddNamesEveryMissingFlagAtOnceAndCreatesNothing() throws {
        let refused = try sandbox.cab("change", "add", "--title", "Rotate keys")
        #expect(refused.status == 1)
        #expect(refused.stderr == "cab: --team, --type, --category, --risk, --service: required (cab change add --help says what each takes)\n")
        #expect(!FileManager.default.fileExists(atPath: sandbox.db))
    }

    @Test func aChangeWithoutAnIdGetsTheNextOneAndAFlagsErrorNamesTheFlag() throws {
        #expect(try sandbox.cab("import", try sandbox.write("company.json", smallDocument)).status == 0)
        let flags = ["--title", "Rotate keys", "--team", "payments", "--type", "normal", "--category", "single-service", "--risk", "low",
                     "--service", "Payment Gateway", "--blast-radius", "Payment Gateway", "--rollback-plan", "old key kept", "--rollback-minutes", "2",
                     "--verification", "logins work", "--window-end", "2026-12-01T11:00:00Z"]
        let wrong = try sandbox.cab(["change", "add"] + flags + ["--window-start", "tomorrow"])
        #expect(wrong.stderr == "cab: --window-start: 'tomorrow' is not an ISO 8601 time (like 2026-11-27T09:30:00Z)\n")
        let added = try sandbox.cab(["change", "add"] + flags + ["--window-start", "2026-12-01T10:00:00Z"])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.hasPrefix("Submitted CHG-0000001: route peer"), "\(added.stdout)")
    }

    @Test func aMistypedCommandIsPointedToTheRightOneAndDbWorksBeforeIt() throws {
        let typo = try CabProcess.run(["reprot"], environment: sandbox.environment)
        #expect(typo.status == 1 && typo.stderr == "cab: no command 'reprot' (did you mean 'report'?): cab --help lists them\n")
        let help = try CabProcess.run(["help", "nonsense"], environment: sandbox.environment)
        #expect(help.status == 1 && help.stderr.hasPrefix("cab: no command 'nonsense'"))
        #expect(try sandbox.cab("import", try sandbox.write("company.json", smallDocument)).status == 0)
        let queue = try CabProcess.run(["--db", sandbox.db, "queue", "--json"], environment: sandbox.environment)
        #expect(queue.status == 0, "\(queue.stderr)")
        #expect(queue.stdout.contains("\"CHG-1\""))
    }

    @Test func anOptionGivenTwiceIsRefusedNotTheLastOneTaken() throws {
        #expect(try sandbox.cab("import", try sandbox.write("company.json", smallDocument)).status == 0)
        let twice = try sandbox.cab("decide", "CHG-1", "approved", "--by", "priya", "--by", "marcus")
        #expect(twice.status == 1 && twice.stderr == "cab: --by: given twice; give it once\n")
        let shown = try JSONSerialization.jsonObject(with: Data(try sandbox.cab("change", "show", "CHG-1", "--json").stdout.utf8)) as? [String: Any]
        #expect((shown?["decisions"] as? [Any])?.isEmpty == true, "nothing was recorded")
        let services = try sandbox.cab("incident", "add", "--id", "INC-1", "--severity", "sev3", "--service", "Order Service", "--service", "Payment Gateway")
        #expect(services.status == 0, "a list option is given once per value: \(services.stderr)")
    }
}
