import Foundation
import Testing

/// Thursday's meeting was held. That evening the payments team shipped a hotfix as an emergency
/// and recorded it afterwards; on Friday morning it is on the agenda after the normal items for
/// its post-implementation review, which the chair records.
@Suite struct PIRCommandTests {
    let sandbox = Sandbox(now: "2026-11-27T08:00:00Z")

    static let thursday = """
    {
      "services": [ { "name": "Payment Gateway", "team": "payments", "dependsOn": [] } ],
      "changes": [
        { "id": "CHG-1", "title": "Raise the card retry limit", "owner": "raj", "team": "payments", "type": "normal",
          "category": "single-service", "risk": "high", "route": "cab", "services": ["Payment Gateway"],
          "blastRadius": "Payment Gateway", "rollbackPlan": "Revert the flag", "rollbackMinutes": 2, "verification": "declines flat",
          "windowStart": "2026-11-28T14:00:00Z", "windowEnd": "2026-11-28T15:00:00Z", "submittedAt": "2026-11-26T16:00:00Z" }
      ],
      "meetings": [
        { "date": "2026-11-26", "chair": "priya", "itemMinutes": 3, "startedAt": "2026-11-26T09:30:00Z",
          "agendaFrozenAt": "2026-11-26T09:30:00Z", "endedAt": "2026-11-26T09:45:00Z", "attendees": [], "agenda": [] }
      ]
    }
    """

    func queueItems() throws -> [[String: Any]] {
        let queue = try sandbox.cab("queue", "--json")
        #expect(queue.status == 0, "\(queue.stderr)")
        return (try JSONSerialization.jsonObject(with: Data(queue.stdout.utf8)) as? [String: Any])?["items"] as? [[String: Any]] ?? []
    }

    @Test func anEmergencyShippedLastNightIsOnTheNextAgendaForItsReviewAndTheChairRecordsIt() throws {
        #expect(try sandbox.cab("import", try sandbox.write("thursday.json", Self.thursday)).status == 0)
        let added = try sandbox.cab("change", "add", "--id", "CHG-9", "--title", "Hotfix the gateway timeout", "--team", "payments",
                                    "--type", "emergency", "--category", "single-service", "--risk", "high", "--route", "emergency",
                                    "--service", "Payment Gateway", "--blast-radius", "Payment Gateway", "--rollback-plan", "Redeploy 4.1",
                                    "--verification", "timeouts back under 0.1%", "--submitted-at", "2026-11-26T19:00:00Z",
                                    "--deployed-at", "2026-11-26T18:20:00Z")
        #expect(added.status == 0 && added.stdout.hasPrefix("Submitted CHG-9: route emergency, state implement"), "\(added.stdout)\(added.stderr)")

        #expect(try sandbox.cab("change", "show", "CHG-9").stdout.contains("submitted 2026-11-26T19:00:00Z, deployed 2026-11-26T18:20:00Z\n"))
        let items = try queueItems()
        #expect(items.map { $0["id"] as? String } == ["CHG-1", "CHG-9"])
        #expect(items.map { $0["kind"] as? String } == ["review", "pir"])
        #expect(items.last?["deployedAt"] as? String == "2026-11-26T18:20:00Z" && items.last?["deploymentEstimated"] as? Bool == false)
        #expect(items.last?["pir"] == nil)
        let text = try sandbox.cab("queue").stdout
        #expect(text.contains("PIR due"), "\(text)")

        let before = sandbox.bytes(sandbox.db)
        let refused = try sandbox.cab("pir", "CHG-9", "follow-up-required")
        #expect(refused.status == 1 && refused.stderr == "cab: --note: follow-up-required needs a note saying what follows up\n", "\(refused.stderr)")
        #expect(try sandbox.cab("pir", "CHG-1", "accepted").stderr
                == "cab: CHG-1: CHG-1 is on the cab route: only emergency changes have a post-implementation review\n")
        #expect(sandbox.bytes(sandbox.db) == before)

        let recorded = try sandbox.cab("pir", "CHG-9", "follow-up-required", "--note", "alert on gateway timeouts")
        #expect(recorded.status == 0 && recorded.stdout == "CHG-9: post-implementation review follow-up-required by tester at 2026-11-27T08:00:00Z\n",
                "\(recorded.stdout)\(recorded.stderr)")
        let review = try queueItems().last?["pir"] as? [String: Any]
        #expect(review?["outcome"] as? String == "follow-up-required" && review?["note"] as? String == "alert on gateway timeouts")
        #expect(try sandbox.cab("pir", "CHG-9", "accepted").stderr.contains("CHG-9 was already reviewed by tester"))

        // An incident of the hotfix, restored at 20:10: a restoration before the opening is refused by its flag.
        let unchanged = sandbox.bytes(sandbox.db)
        let backwards = try sandbox.cab("incident", "add", "--id", "INC-3", "--severity", "sev2", "--caused-by", "CHG-9",
                                        "--opened-at", "2026-11-26T19:30:00Z", "--resolved-at", "2026-11-26T19:00:00Z")
        #expect(backwards.status == 1 && backwards.stderr == "cab: --resolved-at: 2026-11-26T19:00:00Z is before openedAt 2026-11-26T19:30:00Z\n",
                "\(backwards.stderr)")
        #expect(sandbox.bytes(sandbox.db) == unchanged)
        #expect(try sandbox.cab("incident", "add", "--id", "INC-3", "--severity", "sev2", "--caused-by", "CHG-9",
                                "--opened-at", "2026-11-26T19:30:00Z", "--resolved-at", "2026-11-26T20:10:00Z").status == 0)

        let report = try JSONSerialization.jsonObject(with: Data(try sandbox.cab("report", "--json").stdout.utf8)) as? [String: Any]
        let emergencies = report?["emergencyReviews"] as? [String: Any]
        #expect(emergencies?["deployed"] as? Int == 1 && emergencies?["followUpRequired"] as? Int == 1 && emergencies?["awaiting"] as? Int == 0)
        let dora = (report?["dora"] as? [String: Any])?["routes"] as? [String: Any]
        let emergencyRoute = dora?["emergency"] as? [String: Any]
        #expect(emergencyRoute?["deployed"] as? Int == 1 && emergencyRoute?["changeFailureRate"] as? Double == 1)
        // Opened 19:30, restored 20:10: 40 minutes.
        #expect(((emergencyRoute?["timeToRestore"] as? [String: Any])?["medianHours"] as? Double).map { abs($0 - 40.0 / 60) < 1e-9 } == true)

        // The review travels with an export.
        let exported = sandbox.path + "/all.json"
        #expect(try sandbox.cab("export", exported).status == 0)
        let imported = try CabProcess.run(["import", exported, "--db", sandbox.path + "/copy.sqlite"], environment: sandbox.environment)
        #expect(imported.status == 0 && imported.stdout.contains(", 1 post-implementation reviews"), "\(imported.stdout)\(imported.stderr)")
    }
}
