import Foundation
import Testing

/// A small company: two services, a board change waiting, a peer change approved.
let smallDocument = """
{
  "services": [
    { "name": "Order Service", "team": "orders", "dependsOn": [] },
    { "name": "Payment Gateway", "team": "payments", "dependsOn": ["Order Service"] }
  ],
  "changes": [
    { "id": "CHG-1", "title": "Add index on orders.created_at", "owner": "raj", "team": "orders", "type": "normal",
      "category": "database-schema", "risk": "medium", "services": ["Order Service"],
      "blastRadius": "Order Service; Payment Gateway reads it", "rollbackPlan": "Drop the index", "rollbackMinutes": 2,
      "verification": "p99 of order lookups flat for 15 minutes",
      "windowStart": "2026-11-27T14:00:00Z", "windowEnd": "2026-11-27T15:00:00Z", "submittedAt": "2026-11-26T16:00:00+01:00" },
    { "id": "CHG-2", "title": "Tune pool size", "owner": "ines", "team": "payments", "type": "normal",
      "category": "single-service", "risk": "low", "services": ["Payment Gateway"],
      "blastRadius": "Payment Gateway", "rollbackPlan": "Redeploy", "rollbackMinutes": 3, "verification": "errors flat",
      "windowStart": "2026-11-28T10:00:00Z", "windowEnd": "2026-11-28T11:00:00Z", "submittedAt": "2026-11-26T09:00:00Z" }
  ],
  "decisions": [ { "change": "CHG-2", "outcome": "approved", "at": "2026-11-26T11:00:00Z", "by": "lead" } ],
  "incidents": []
}
"""

@Suite struct CommandLineTests {
    let sandbox = Sandbox()

    @Test func helpListsEveryCommand() throws {
        let help = try CabProcess.run(["--help"], environment: sandbox.environment)
        #expect(help.status == 0)
        for command in ["demo", "queue", "report", "change", "decide", "incident", "import", "export"] {
            #expect(help.stdout.contains("  \(command)"), "missing \(command)")
        }
    }

    @Test func aChairImportsRoutesAndReadsTheQueue() throws {
        let file = try sandbox.write("company.json", smallDocument)
        let imported = try sandbox.cab("import", file)
        #expect(imported.status == 0)
        #expect(imported.stdout == "Imported \(file): 2 services, 2 changes, 1 decisions, 0 incidents (0 already stored)\n")

        let queue = try sandbox.cab("queue")
        #expect(queue.stdout.contains("CAB queue 2026-11-27: 1 item"))
        #expect(queue.stdout.contains("CHG-1"))
        #expect(queue.stdout.contains("dual-write period"))
        #expect(queue.stdout.contains("migration checklist: 7 unanswered"))

        let shown = try sandbox.cab("change", "show", "CHG-2", "--json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])
        #expect(object["route"] as? String == "peer")
        #expect(object["state"] as? String == "scheduled")
    }

    @Test func importingTwiceChangesNothing() throws {
        let file = try sandbox.write("company.json", smallDocument)
        _ = try sandbox.cab("import", file)
        let first = try sandbox.cab("export")
        let again = try sandbox.cab("import", file)
        #expect(again.stdout.hasSuffix("0 services, 0 changes, 0 decisions, 0 incidents (5 already stored)\n"))
        #expect(try sandbox.cab("export").stdout == first.stdout)
    }

    /// As on the board: a change that is not ready is approved only with a reason, which the
    /// decision's note (and so the minutes) carries; nothing is written without it.
    @Test func approvingAChangeThatIsNotReadyTakesAnOverrideReason() throws {
        _ = try sandbox.cab("import", try sandbox.write("company.json", smallDocument))
        let before = try sandbox.cab("export").stdout
        let refused = try sandbox.cab("decide", "CHG-1", "approved", "--by", "priya")
        #expect(refused.status == 1)
        #expect(refused.stderr.hasPrefix("cab: CHG-1 is not ready ("), "\(refused.stderr)")
        #expect(refused.stderr.hasSuffix("): approve it with --override REASON, which goes in the minutes, or defer it\n"), "\(refused.stderr)")
        let misplaced = try sandbox.cab("decide", "CHG-1", "rejected", "--note", "no", "--override", "why", "--by", "priya")
        #expect(misplaced.stderr == "cab: --override: only an approval overrides readiness\n")
        for blank in ["", "  "] {
            #expect(try sandbox.cab("decide", "CHG-1", "approved", "--override", blank, "--by", "priya").stderr
                    == "cab: --override: empty: say why the change is approved although it is not ready\n")
        }
        #expect(try sandbox.cab("export").stdout == before)

        let approved = try sandbox.cab("decide", "CHG-1", "approved", "--by", "priya", "--override", "the DBA rehearsed the rollback")
        #expect(approved.status == 0, "\(approved.stderr)")
        let decisions = try #require(try JSONSerialization.jsonObject(with: Data(try sandbox.cab("export").stdout.utf8)) as? [String: Any])["decisions"] as? [[String: Any]]
        #expect(decisions?.last?["note"] as? String == "not-ready override: the DBA rehearsed the rollback")
    }

    @Test func decidingRecordsWhoAndWhenAndRefusesASecondFirstDecision() throws {
        _ = try sandbox.cab("import", try sandbox.write("company.json", smallDocument))
        let approved = try sandbox.cab("decide", "CHG-1", "approved-with-conditions", "--conditions", "behind a flag", "--by", "priya",
                                      "--override", "the window is agreed in the channel")
        #expect(approved.status == 0)
        #expect(approved.stdout == "CHG-1: approved-with-conditions by priya at 2026-11-27T08:00:00Z\n")
        let second = try sandbox.cab("decide", "CHG-1", "rejected", "--note", "too late", "--by", "marcus")
        #expect(second.status == 1)
        #expect(second.stderr == "cab: CHG-1 already decided by priya at 2026-11-27T08:00:00Z (approved-with-conditions); to correct it, record a new decision with --supersede\n")
        let corrected = try sandbox.cab("decide", "CHG-1", "rejected", "--note", "correction", "--by", "priya", "--supersede")
        #expect(corrected.status == 0)
        let shown = try sandbox.cab("change", "show", "CHG-1")
        #expect(shown.stdout.contains("approved-with-conditions by priya — conditions: behind a flag"))
        #expect(shown.stdout.contains("rejected by priya — correction (supersedes"))
    }

    @Test func aRejectionNeedsItsReason() throws {
        _ = try sandbox.cab("import", try sandbox.write("company.json", smallDocument))
        let refused = try sandbox.cab("decide", "CHG-1", "rejected")
        #expect(refused.status == 1)
        #expect(refused.stderr == "cab: --note: a rejection needs its reason\n")
    }

    @Test func changesAndIncidentsCanBeAddedByFlags() throws {
        _ = try sandbox.cab("import", try sandbox.write("company.json", smallDocument))
        let added = try sandbox.cab("change", "add", "--id", "CHG-3", "--title", "Resize node pool", "--team", "orders", "--type", "normal",
                                    "--category", "infrastructure", "--risk", "low", "--service", "Order Service",
                                    "--blast-radius", "Order Service", "--rollback-plan", "Scale back", "--rollback-minutes", "4",
                                    "--verification", "latency flat", "--window-start", "2026-11-28T10:00:00Z", "--window-end", "2026-11-28T11:00:00Z")
        #expect(added.status == 0)
        #expect(added.stdout == "Submitted CHG-3: route cab, state authorize, ready\n")
        let incident = try sandbox.cab("incident", "add", "--id", "INC-1", "--severity", "sev2", "--caused-by", "CHG-2", "--service", "Payment Gateway")
        #expect(incident.stdout == "Recorded INC-1, caused by CHG-2\n")
        let list = try sandbox.cab("change", "list", "--route", "cab")
        #expect(list.stdout.contains("CHG-3") && list.stdout.contains("CHG-1") && !list.stdout.contains("CHG-2"))
    }

    @Test func theReportIsJSONWithTheDesignsKeysAndNullForNothing() throws {
        _ = try sandbox.cab("import", try sandbox.write("company.json", smallDocument))
        let report = try sandbox.cab("report", "--json", "--since", "2026-11-01", "--until", "2026-11-27T08:00:00Z")
        #expect(report.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any])
        #expect(object["submitted"] as? Int == 2)
        #expect(object["cabShare"] as? Double == 0.5)
        #expect(object["reviewed"] as? Int == 0)
        #expect(object["passThroughRate"] is NSNull)
        let peer = try #require((object["byRoute"] as? [String: Any])?["peer"] as? [String: Any])
        #expect((peer["approvalLatency"] as? [String: Any])?["medianHours"] as? Double == 2)
    }

    @Test func aLeadPastesTheReportIntoAWikiAndAChartFromTheCSV() throws {
        let demo = sandbox.path + "/demo.sqlite"
        _ = try CabProcess.run(["demo", "--db", demo, "--quiet"], environment: sandbox.environment)
        let markdown = try CabProcess.run(["report", "--markdown", "--db", demo], environment: sandbox.environment)
        #expect(markdown.stdout.hasPrefix("## CAB effectiveness, 2026-10-28 to 2026-11-27\n\n**"))
        #expect(markdown.stdout.contains("| pass-through |"))
        let csv = try CabProcess.run(["report", "--csv", "--since", "2026-11-02", "--until", "2026-11-23", "--db", demo], environment: sandbox.environment)
        let rows = csv.stdout.split(separator: "\n")
        #expect(rows.first?.hasPrefix("week,start,submitted,cabShare,reviewed,passThroughRate") == true)
        #expect(rows.dropFirst().map { String($0.prefix(8)) } == ["2026-W45", "2026-W46", "2026-W47"])
        let json = try CabProcess.run(["report", "--json", "--db", demo], environment: sandbox.environment)
        let verdict = try #require((try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])?["verdict"] as? [String: Any])
        #expect(["theater", "bottleneck", "healthy", "not-catching-risks", "rubber-stamp", "insufficient-data"].contains(verdict["kind"] as? String ?? ""))
        #expect((verdict["axes"] as? [[String: Any]])?.compactMap { $0["name"] as? String } == ["value", "safety", "speed"])
        #expect(verdict["failing"] is [String])
    }

    @Test func yesterdaysMinutesAndTheConditionsThatFollowedThem() throws {
        let demo = sandbox.path + "/demo.sqlite"
        _ = try CabProcess.run(["demo", "--db", demo, "--quiet"], environment: sandbox.environment)
        let minutes = try CabProcess.run(["minutes", "--date", "2026-11-26", "--db", demo], environment: sandbox.environment)
        #expect(minutes.status == 0)
        #expect(minutes.stdout.hasPrefix("Minutes of the CAB meeting 2026-11-26\nChair: "))
        for outcome in ["approved ", "approved-with-conditions", "rejected", "deferred"] { #expect(minutes.stdout.contains(outcome)) }
        let conditions = try CabProcess.run(["conditions", "--json", "--db", demo], environment: sandbox.environment)
        let open = try #require(try JSONSerialization.jsonObject(with: Data(conditions.stdout.utf8)) as? [[String: Any]])
        let change = try #require(open.last?["change"] as? String)
        let met = try CabProcess.run(["condition", "met", change, "--note", "flag in place", "--db", demo], environment: sandbox.environment)
        #expect(met.status == 0)
        #expect(met.stdout.hasSuffix("recorded by tester at 2026-11-27T08:00:00Z\n"))
        let after = try CabProcess.run(["conditions", "--json", "--db", demo], environment: sandbox.environment)
        #expect((try JSONSerialization.jsonObject(with: Data(after.stdout.utf8)) as? [Any])?.count == open.count - 1)
        let none = try CabProcess.run(["minutes", "--date", "2026-11-01", "--db", demo], environment: sandbox.environment)
        #expect(none.status == 1 && none.stderr == "cab: no meeting on '2026-11-01' in the store\n")
    }

    @Test func anExportedHistoryImportsIntoAFreshDatabaseAsTheSameRecords() throws {
        let demo = sandbox.path + "/demo.sqlite"
        _ = try CabProcess.run(["demo", "--db", demo, "--changes", "300", "--quiet"], environment: sandbox.environment)
        let exported = try CabProcess.run(["export", sandbox.path + "/history.json", "--db", demo], environment: sandbox.environment)
        #expect(exported.status == 0)
        let imported = try sandbox.cab("import", sandbox.path + "/history.json")
        #expect(imported.status == 0, "\(imported.stderr)")
        let original = try CabProcess.run(["export", "--db", demo], environment: sandbox.environment)
        #expect(try sandbox.cab("export").stdout == original.stdout)
        let week = ["--since", "2026-11-01", "--until", "2026-11-27", "--json"]
        #expect(try sandbox.cab(["report"] + week).stdout == (try CabProcess.run(["report", "--db", demo] + week, environment: sandbox.environment)).stdout)
        // The minutes and the conditions, met and open, come across with the history.
        #expect(imported.stdout.contains(" meetings, ") && imported.stdout.contains(" conditions met"), "\(imported.stdout)")
        for command in [["minutes", "--date", "2026-11-26"], ["conditions", "--json"]] {
            let copied = try sandbox.cab(command)
            #expect(copied.status == 0 && copied.stdout.count > 100, "\(command): \(copied.stderr)")
            #expect(copied.stdout == (try CabProcess.run(command + ["--db", demo], environment: sandbox.environment)).stdout, "\(command)")
        }
    }

    /// The demo writes its history as an import of it would end: the incidents of the last 30 days
    /// blamed on approved changes have their reviews open, so exporting it, importing that into a
    /// new file and exporting again gives the same bytes.
    @Test func theDemosExportImportedIntoANewFileExportsTheSameBytes() throws {
        let demo = sandbox.path + "/rt.sqlite", copy = sandbox.path + "/rt-copy.sqlite"
        #expect(try CabProcess.run(["demo", "--db", demo, "--quiet"], environment: sandbox.environment).status == 0)
        let first = try CabProcess.run(["export", "--db", demo], environment: sandbox.environment)
        let file = try sandbox.write("rt.json", first.stdout)
        let imported = try CabProcess.run(["import", file, "--db", copy], environment: sandbox.environment)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(try CabProcess.run(["export", "--db", copy], environment: sandbox.environment).stdout == first.stdout)
        let listed = try CabProcess.run(["retro", "list", "--db", demo], environment: sandbox.environment).stdout
        let notReviewed = listed.split(separator: "\n").last { $0.hasPrefix("Not reviewed") } ?? ""
        #expect(listed.contains("INC-000090  CHG-0001832  2026-11-27  open") && !notReviewed.contains("INC-000090"), "\(listed)")
    }

    @Test func theDemoIsTheSameForTheSameSeedAndClockAndNeverTouchesTheRealDatabase() throws {
        let first = try CabProcess.run(["demo", "--db", sandbox.path + "/a.sqlite", "--seed", "7"], environment: sandbox.environment)
        #expect(first.status == 0)
        // Seven changes for the board's decision, then the emergency shipped since Thursday's meeting, for its review.
        #expect(first.stdout.contains("CAB queue 2026-11-27: 8 items"))
        #expect(first.stdout.components(separatedBy: "PIR due").count == 2)
        #expect(first.stdout.contains("Not ready:"))
        _ = try CabProcess.run(["demo", "--db", sandbox.path + "/b.sqlite", "--seed", "7"], environment: sandbox.environment)
        let a = try CabProcess.run(["export", "--db", sandbox.path + "/a.sqlite"], environment: sandbox.environment)
        let b = try CabProcess.run(["export", "--db", sandbox.path + "/b.sqlite"], environment: sandbox.environment)
        #expect(a.stdout == b.stdout && a.stdout.count > 100_000)

        _ = try sandbox.cab("import", try sandbox.write("company.json", smallDocument))
        let refused = try sandbox.cab("demo")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("was not written by cab demo"))
    }
}
