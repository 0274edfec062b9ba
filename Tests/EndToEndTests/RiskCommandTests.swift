import Foundation
import Testing

/// Impact, conflicts, freezes, config flags, the risk score and calibration, verification and
/// announcements, as a chair and a change owner use them from the command line.
@Suite struct RiskCommandTests {
    let sandbox = Sandbox()

    func json(_ result: CabProcess.Result) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stderr)")
    }

    /// The database and its write-ahead log, where a small write lands first.
    var stored: [Data?] { [sandbox.bytes(sandbox.db), sandbox.bytes(sandbox.db + "-wal")] }

    func imported() throws {
        let result = try sandbox.cab("import", try sandbox.write("company.json", smallDocument))
        #expect(result.status == 0, "\(result.stderr)")
    }

    /// Submits a board change on Payment Gateway whose window overlaps CHG-1's.
    func submitOverlappingChange() throws {
        let added = try sandbox.cab("change", "add", "--id", "CHG-3", "--title", "Resize pool", "--team", "payments", "--type", "normal",
                                    "--category", "infrastructure", "--risk", "low", "--service", "Payment Gateway",
                                    "--blast-radius", "Payment Gateway", "--rollback-plan", "Scale back", "--rollback-minutes", "2",
                                    "--verification", "latency flat", "--window-start", "2026-11-27T14:30:00Z", "--window-end", "2026-11-27T15:30:00Z")
        #expect(added.status == 0, "\(added.stderr)")
    }

    @Test func helpListsTheRiskCommands() throws {
        let help = try CabProcess.run(["--help"], environment: sandbox.environment)
        for command in ["impact", "risk", "freeze", "services", "verify", "notify"] {
            #expect(help.stdout.contains("  \(command)"), "missing \(command)")
        }
        #expect(!help.stdout.contains("  bench"))
    }

    @Test func theImpactNamesConsumersTeamsAndTheLastIncident() throws {
        try imported()
        // An incident on the service before either change was submitted: it blames neither.
        let incident = try sandbox.cab("incident", "add", "--id", "INC-1", "--severity", "sev2", "--service", "Order Service",
                                       "--opened-at", "2026-11-13T10:00:00Z")
        #expect(incident.status == 0, "\(incident.stderr)")
        let impact = try sandbox.cab("impact", "CHG-1")
        #expect(impact.status == 0)
        #expect(impact.stdout == """
            CHG-1  Add index on orders.created_at
            This change affects: Order Service, Payment Gateway. Last incident involving these services: 13 days ago.
              touched:     Order Service (orders)
              direct:      Payment Gateway (payments)
              transitive:  none
              teams:       orders, payments
              last incident: INC-1 at 2026-11-13T10:00:00Z

            """)
        let object = try json(try sandbox.cab("impact", "CHG-1", "--json"))
        #expect(object["direct"] as? [String] == ["Payment Gateway"])
        #expect((object["lastIncident"] as? [String: Any])?["daysAgo"] as? Int == 13)
        let shown = try sandbox.cab("change", "show", "CHG-1")
        #expect(shown.stdout.contains("Impact:         This change affects: Order Service, Payment Gateway. Last incident involving these services: 13 days ago."))
        #expect(shown.stdout.contains("Teams:          orders, payments"))
        let shownJSON = try json(try sandbox.cab("change", "show", "CHG-1", "--json"))
        #expect(((shownJSON["assessment"] as? [String: Any])?["impact"] as? [String: Any])?["affected"] as? Int == 2)
    }

    @Test func aServiceCatalogueWithACycleAnUnknownOrATwiceNamedServiceWritesNothing() throws {
        try imported()
        let before = stored
        let cases: [(String, String)] = [
            (#"[{"name": "Ledger", "team": "payments", "dependsOn": ["Fraud"]}, {"name": "Fraud", "team": "payments", "dependsOn": ["Ledger"]}]"#,
             "services[0] (id Ledger): dependsOn: dependency cycle Ledger → Fraud → Ledger"),
            (#"{"services": [{"name": "Ledger", "team": "payments", "dependsOn": ["Kafka"]}]}"#,
             "services[0] (id Ledger): dependsOn: unknown service 'Kafka'"),
            (#"[{"name": "Ledger", "team": "payments"}, {"name": "Ledger", "team": "payments"}]"#,
             "services[1] (id Ledger): name: named twice (first at services[0])"),
        ]
        for (json, problem) in cases {
            let file = try sandbox.write("services.json", json)
            let refused = try sandbox.cab("services", "import", file)
            #expect(refused.status == 1)
            #expect(refused.stderr == "cab: \(file): \(problem)\n")
            #expect(stored == before, "the database changed")
        }
        let document = try sandbox.write("doc.json", #"{"services": [{"name": "A", "team": "t", "dependsOn": ["B"]}, {"name": "B", "team": "t", "dependsOn": ["A"]}]}"#)
        let viaImport = try sandbox.cab("import", document)
        #expect(viaImport.stderr == "cab: \(document): services[0] (id A): dependsOn: dependency cycle A → B → A\n")
        #expect(stored == before)

        let good = try sandbox.write("good.json", #"[{"name": "Ledger", "team": "payments", "dependsOn": ["Payment Gateway"]}]"#)
        #expect(try sandbox.cab("services", "import", good).stdout == "Imported \(good): 1 services (0 already stored)\n")
        #expect(try sandbox.cab("impact", "CHG-1").stdout.contains("transitive:  Ledger (payments)"))
    }

    @Test func overlappingChangesOnDependentServicesAreFlaggedOnBothInTheQueue() throws {
        try imported()
        try submitOverlappingChange()
        let queue = try sandbox.cab("queue")
        #expect(queue.stdout.contains("Flagged:"))
        #expect(queue.stdout.contains("  CHG-1  conflicts with CHG-3 (Resize pool): Payment Gateway depends on Order Service; windows overlap 2026-11-27 14:30Z → 15:00Z"))
        #expect(queue.stdout.contains("  CHG-3  conflicts with CHG-1 (Add index on orders.created_at): Payment Gateway depends on Order Service; windows overlap 2026-11-27 14:30Z → 15:00Z"))
        let items = try #require(try json(try sandbox.cab("queue", "--json"))["items"] as? [[String: Any]])
        #expect(items.map { $0["id"] as? String } == ["CHG-1", "CHG-3"])
        #expect(items.allSatisfy { $0["riskScore"] is Double })
        let conflicts = (items[0]["assessment"] as? [String: Any])?["conflicts"] as? [[String: Any]]
        #expect(conflicts?.map { $0["change"] as? String } == ["CHG-3"])
    }

    @Test func aChangeInAFreezeIsFlaggedUntilTheFreezeIsRemoved() throws {
        try imported()
        let added = try sandbox.cab("freeze", "add", "--from", "2026-11-27T14:45:00Z", "--to", "2026-11-28", "--reason", "payments freeze")
        #expect(added.stdout == "Added FRZ-1: 2026-11-27T14:45:00Z → 2026-11-28T00:00:00Z (payments freeze)\n")
        #expect(try sandbox.cab("freeze", "list").stdout.contains("FRZ-1  2026-11-27T14:45:00Z  2026-11-28T00:00:00Z  payments freeze  tester"))
        #expect(try sandbox.cab("queue").stdout.contains("  CHG-1  window falls in freeze FRZ-1 (payments freeze, 2026-11-27 14:45Z → 2026-11-28 00:00Z)"))
        #expect(try sandbox.cab("freeze", "remove", "FRZ-1").stdout == "Removed FRZ-1: 2026-11-27T14:45:00Z → 2026-11-28T00:00:00Z (payments freeze)\n")
        #expect(!(try sandbox.cab("queue").stdout.contains("freeze")))
        let again = try sandbox.cab("freeze", "remove", "FRZ-1")
        #expect(again.status == 1 && again.stderr == "cab: no freeze 'FRZ-1' in the store\n")
        let backwards = try sandbox.cab("freeze", "add", "--from", "2026-11-28", "--to", "2026-11-27", "--reason", "oops")
        #expect(backwards.stderr == "cab: --to: 2026-11-27T00:00:00Z is not after --from 2026-11-28T00:00:00Z\n")
    }

    @Test func aStandardChangeTouchingIAMGoesToTheBoardWithAMandatoryReviewGate() throws {
        try imported()
        let added = try sandbox.cab("change", "add", "--id", "CHG-4", "--title", "Grant deploy role", "--team", "orders", "--type", "standard",
                                    "--category", "single-service", "--risk", "low", "--service", "Order Service", "--touches", "iam")
        #expect(added.stdout.hasPrefix("Submitted CHG-4: route cab, state authorize"))
        let risk = try json(try sandbox.cab("risk", "CHG-4", "--json"))
        #expect(risk["gates"] as? [String] == ["mandatory review: touches iam"])
        let bad = try sandbox.cab("change", "add", "--id", "CHG-5", "--title", "x", "--team", "orders", "--type", "normal",
                                  "--category", "single-service", "--risk", "low", "--service", "Order Service", "--touches", "dns")
        #expect(bad.stderr == "cab: --touches: unknown value 'dns' (one of: resource-limits, networking, iam)\n")
    }

    @Test func theRiskScoreIsShownWithItsPartsAndTheThresholdCanBeSet() throws {
        try imported()
        let risk = try sandbox.cab("risk", "CHG-1")
        #expect(risk.stdout.hasPrefix("CHG-1  Add index on orders.created_at\nRisk score "))
        #expect(risk.stdout.contains("database migration         yes"))
        #expect(risk.stdout.contains("(uncalibrated default weights)\nwarning: the risk weights are the uncalibrated defaults: run cab risk calibrate"))
        let parts = try #require(try json(try sandbox.cab("risk", "CHG-1", "--json"))["parts"] as? [[String: Any]])
        #expect(parts.map { $0["feature"] as? String } == ["files-changed", "services-affected", "incident-rate", "migration", "config-flags"])
        #expect(try sandbox.cab("risk", "threshold", "0.3").stdout == "Risk threshold: 30.0%\n")
        #expect(try sandbox.cab("risk").stdout.hasPrefix("Risk threshold 30.0%; weights uncalibrated defaults"))
        #expect(try sandbox.cab("risk", "threshold", "2").stderr == "cab: THRESHOLD: a probability between 0 and 1, like 0.25\n")
    }

    @Test func calibrationNeedsHistoryAndStoresWeightsThatTheScoreThenUses() throws {
        try imported()
        let tooFew = try sandbox.cab("risk", "calibrate")
        #expect(tooFew.status == 1)
        #expect(tooFew.stderr == "cab: cannot calibrate: 0 deployed changes in the period (at least 100 needed)\n")

        let demo = sandbox.path + "/demo.sqlite"
        _ = try CabProcess.run(["demo", "--db", demo, "--quiet"], environment: sandbox.environment)
        // The last five weeks of the demo hold too few incidents for six weights: refused, nothing stored.
        let recent = try CabProcess.run(["risk", "calibrate", "--since", "2026-10-20", "--db", demo], environment: sandbox.environment)
        #expect(recent.status == 1)
        #expect(recent.stderr == "cab: cannot calibrate: 36 incidents among 688 deployed changes; 6 weights need at least 60 (10 per weight): 24 more incidents needed\n")
        #expect(try json(try CabProcess.run(["risk", "--db", demo, "--json"], environment: sandbox.environment))["calibration"] is NSNull)

        let calibrated = try CabProcess.run(["risk", "calibrate", "--db", demo], environment: sandbox.environment)
        #expect(calibrated.status == 0, "\(calibrated.stderr)")
        #expect(calibrated.stdout.contains("Judged out of sample: fitted on the older 1284, scored on the newest 550 (31 with an incident, 5.6%)"))
        #expect(calibrated.stdout.contains("Brier score on the held-out changes "))
        #expect(calibrated.stdout.contains("Reliability on the held-out changes, by decile of predicted risk (each model's own deciles)\n"
            + "decile  changes  predicted  observed  default predicted  default observed\n     1"))
        let report = try json(try CabProcess.run(["risk", "calibrate", "--db", demo, "--json"], environment: sandbox.environment))
        #expect((report["heldOut"] as? [String: Any])?["changes"] as? Int == 550)
        #expect((report["defaultReliability"] as? [[String: Any]])?.count == 10)
        #expect(calibrated.stdout.contains("Weights (log-odds per unit)"))
        let status = try CabProcess.run(["risk", "--db", demo, "--json"], environment: sandbox.environment)
        let calibration = try #require(try json(status)["calibration"] as? [String: Any])
        #expect(calibration["calibratedAt"] as? String == "2026-11-27T08:00:00Z")
        #expect((calibration["brier"] as? Double ?? 1) < (calibration["defaultBrier"] as? Double ?? 0))
        #expect(try json(status)["warnings"] as? [String] == [])
        let later = CabProcess.environment(home: sandbox.path, now: "2027-03-01T08:00:00Z")
        let stale = try CabProcess.run(["risk", "--db", demo], environment: later)
        #expect(stale.stdout.contains("warning: the risk weights were calibrated 94 days ago (over 90): run cab risk calibrate"))
    }

    @Test func verificationSaysWhetherTheReleaseMayBeCalledStable() throws {
        try imported()
        let verified = try sandbox.cab("verify", "CHG-2", "--smoke", "pass", "--error-rate", "0.05%", "--p99-delta", "12", "--soak-minutes", "20")
        #expect(verified.status == 0, "\(verified.stderr)")
        #expect(verified.stdout == """
            CHG-2: verification recorded by tester at 2026-11-27T08:00:00Z
              ✓ smoke tests passed
              ✓ error rate 0.05% (under 0.1%)
              ✓ p99 latency +12% (at most +20%)
              ✓ held 20 min (at least 15)
            CHG-2 may be called stable.

            """)
        let failing = try json(try sandbox.cab("verify", "CHG-2", "--smoke", "fail", "--p99-delta=-5", "--json"))
        #expect(failing["stable"] as? Bool == false)
        #expect((failing["gates"] as? [[String: Any]])?.map { $0["passed"] is NSNull } == [false, true, false, true])
        let waiting = try sandbox.cab("verify", "CHG-1", "--smoke", "pass")
        #expect(waiting.stderr == "cab: CHG-1 is authorize, not deployed: verify a change after it ships\n")
        let typo = try sandbox.cab("verify", "CHG-2", "--smoke", "pass", "--error-rate", "low")
        #expect(typo.stderr == "cab: --error-rate: 'low' is not a percentage (like 0.05 or 0.05%)\n")
    }

    @Test func theAnnouncementGoesToStandardOutputByDefault() throws {
        try imported()
        _ = try sandbox.cab("verify", "CHG-2", "--smoke", "pass", "--error-rate", "0.05", "--p99-delta", "12", "--soak-minutes", "20")
        let announced = try sandbox.cab("notify", "CHG-2", "--link", "https://git.example/pr/7")
        #expect(announced.stdout == """
            Deployed CHG-2: Tune pool size
            Link: https://git.example/pr/7
            Deployed by ines (owner ines, payments)
            Verification: stable (verified by tester at 2026-11-27T08:00:00Z)
            Rollback: Redeploy (3 min)

            """)
    }

    @Test func theAnnouncementIsPostedToAWebhookAsSlackBlockKit() throws {
        try imported()
        let before = stored
        let server = try LocalHTTPServer()
        let posted = try sandbox.cab("notify", "CHG-2", "--webhook", server.url, "--rollback-command", "cab-deploy rollback payments")
        #expect(posted.status == 0, "\(posted.stderr)")
        #expect(posted.stdout == "Announced CHG-2 to \(server.url)\n")
        let body = try #require(server.body())
        let message = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
        #expect((message["text"] as? String)?.hasPrefix("Deployed CHG-2: Tune pool size\nDeployed by ines") == true)
        #expect((message["text"] as? String)?.hasSuffix("Rollback: cab-deploy rollback payments (3 min)") == true)
        let blocks = try #require(message["blocks"] as? [[String: Any]])
        #expect((blocks.first?["text"] as? [String: Any])?["text"] as? String == "Deployed CHG-2: Tune pool size")
        #expect(stored != before, "the announcement was not recorded")
    }

    @Test func aNetworkErrorOrARefusalIsOneLineAndNothingIsRecordedAsSent() throws {
        try imported()
        let before = stored
        let port = try LocalHTTPServer.closedPort()
        let refused = try sandbox.cab("notify", "CHG-2", "--webhook", "http://127.0.0.1:\(port)/hook")
        #expect(refused.status == 1)
        #expect(refused.stderr == "cab: cannot reach the webhook http://127.0.0.1:\(port)/hook: connection refused: nothing was announced\n")
        let failing = try LocalHTTPServer(status: 500)
        let rejected = try sandbox.cab("notify", "CHG-2", "--webhook", failing.url)
        #expect(rejected.status == 1)
        #expect(rejected.stderr == "cab: the webhook \(failing.url) answered HTTP 500: nothing was announced\n")
        #expect(stored == before, "an announcement was recorded")
        let nonsense = try sandbox.cab("notify", "CHG-2", "--webhook", "slack://team")
        #expect(nonsense.stderr == "cab: --webhook: 'slack://team' is not an http or https URL\n")
    }

    @Test func theWebhookGoesThroughTheProxyTheEnvironmentNamesExceptForHostsInNoProxy() throws {
        try imported()
        let before = stored
        let proxy = try LocalHTTPServer(status: 407)
        var environment = sandbox.environment
        environment["http_proxy"] = "http://127.0.0.1:\(proxy.port)"
        let viaProxy = try CabProcess.run(["notify", "CHG-2", "--webhook", "http://hooks.example/cab", "--db", sandbox.db], environment: environment)
        #expect(try #require(proxy.request()).hasPrefix("CONNECT hooks.example:80 HTTP/1.1\r\n"), "the proxy was not asked")
        #expect(viaProxy.status == 1)
        #expect(viaProxy.stderr == "cab: cannot reach the webhook http://hooks.example/cab: the proxy asks for a user name and password: nothing was announced\n")
        #expect(stored == before, "an announcement was recorded")
        let server = try LocalHTTPServer()
        environment["no_proxy"] = "localhost, .127.0.0.1"
        let direct = try CabProcess.run(["notify", "CHG-2", "--webhook", server.url, "--db", sandbox.db], environment: environment)
        #expect(direct.status == 0, "\(direct.stderr)")
        #expect(server.body() != nil, "the webhook was not reached directly")
        environment["https_proxy"] = "ftp://proxy.example"
        let badProxy = try CabProcess.run(["notify", "CHG-2", "--webhook", "https://hooks.example/cab", "--db", sandbox.db], environment: environment)
        #expect(badProxy.stderr == "cab: https_proxy: 'ftp://proxy.example': only http:// and socks5:// proxies are supported\n")
    }
}
