import Foundation
import Testing

/// CHG-1 went through the board and was approved; it then caused INC-7. Recording the incident
/// opens a blameless review; the chair reads the change's fields as approved beside what happened,
/// a lesson is recorded, and the review is closed with its answers.
@Suite struct RetroCommandTests {
    let sandbox = Sandbox()

    static let approvedChange = """
    {
      "services": [
        { "name": "Order Service", "team": "orders", "dependsOn": [] },
        { "name": "Payment Gateway", "team": "payments", "dependsOn": ["Order Service"] },
        { "name": "Search", "team": "search", "dependsOn": [] }
      ],
      "changes": [
        { "id": "CHG-1", "title": "Add index on orders.created_at", "owner": "raj", "team": "orders", "type": "normal",
          "category": "database-schema", "risk": "medium", "route": "cab", "services": ["Order Service"],
          "blastRadius": "Order Service only", "rollbackPlan": "Drop the index", "rollbackMinutes": 2,
          "verification": "p99 of order lookups flat for 15 minutes",
          "windowStart": "2026-11-27T14:00:00Z", "windowEnd": "2026-11-27T15:00:00Z", "submittedAt": "2026-11-26T16:00:00+01:00" }
      ],
      "decisions": [ { "change": "CHG-1", "outcome": "approved", "at": "2026-11-26T17:00:00Z", "by": "lead" } ],
      "incidents": []
    }
    """

    @Test func anIncidentCausedByAnApprovedChangeOpensAReviewThatIsAnsweredAndClosed() throws {
        #expect(try sandbox.cab("import", try sandbox.write("company.json", Self.approvedChange)).status == 0)
        #expect(try sandbox.cab("retro", "list").stdout == "No reviews.\n")

        let added = try sandbox.cab("incident", "add", "--id", "INC-7", "--severity", "sev2", "--caused-by", "CHG-1",
                                    "--service", "Order Service", "--service", "Search")
        #expect(added.status == 0, "\(added.stderr)")
        let listed = try sandbox.cab("retro", "list")
        #expect(listed.stdout.hasPrefix("1 open, 0 closed\n") && listed.stdout.contains("INC-7") && listed.stdout.contains("CHG-1"), "\(listed.stdout)")

        #expect(try sandbox.cab("action", "add", "--kind", "lesson", "--incident", "INC-7", "--text", "Build indexes concurrently",
                                "--owner", "raj").status == 0)
        let shown = try sandbox.cab("retro", "show", "INC-7")
        #expect(shown.status == 0, "\(shown.stderr)")
        for line in ["Blast radius as approved: Order Service only", "outside the computed impact: Search",
                     "Rollback as approved: Drop the index (2 minutes)", "Verification as approved: p99 of order lookups flat for 15 minutes",
                     "Risk as stated: medium", "lesson: Build indexes concurrently"] {
            #expect(shown.stdout.contains(line), "missing '\(line)' in\n\(shown.stdout)")
        }

        #expect(try sandbox.cab("report").stdout.contains("  close and learn (now)    1 review open, 1 lesson open\n"))
        let report = try JSONSerialization.jsonObject(with: Data(try sandbox.cab("report", "--json").stdout.utf8)) as? [String: Any]
        #expect(report?["openReviews"] as? Int == 1 && report?["openLessons"] as? Int == 1)

        let before = FileManager.default.contents(atPath: sandbox.db)
        let refused = try sandbox.cab("retro", "close", "INC-7", "--rollback-worked", "maybe", "--verification-caught", "no")
        #expect(refused.status == 1 && refused.stderr == "cab: --rollback-worked: 'maybe' is neither yes nor no\n", "\(refused.stderr)")
        #expect(FileManager.default.contents(atPath: sandbox.db) == before)

        let closed = try sandbox.cab("retro", "close", "INC-7", "--rollback-worked", "no", "--rollback-minutes", "25",
                                     "--verification-caught", "no", "--note", "the build locked the table")
        #expect(closed.status == 0 && closed.stdout == "Closed the review of INC-7 (CHG-1)\n", "\(closed.stdout)\(closed.stderr)")
        #expect(try sandbox.cab("retro", "list").stdout == "No reviews.\n")
        #expect(try sandbox.cab("retro", "show", "INC-7").stdout.contains("worked: no; minutes taken: 25 (over the stated 2 minutes)"))
        // The closed review's lesson comes back with every change on the incident's services.
        #expect(try sandbox.cab("change", "show", "CHG-1").stdout.contains("\nLesson:         last incident on Order Service: Build indexes concurrently: 2026-11-27\n"))
        #expect(try sandbox.cab("report").stdout.contains("  close and learn (now)    0 reviews open, 1 lesson open\n"))
        let all = try JSONSerialization.jsonObject(with: Data(try sandbox.cab("retro", "list", "--all", "--json").stdout.utf8)) as? [String: Any]
        let review = (all?["reviews"] as? [[String: Any]])?.first
        #expect(review?["rollbackWorked"] as? Bool == false && review?["closedBy"] as? String == "tester" && review?["note"] as? String == "the build locked the table")
    }

    @Test func theReviewShowsTheRiskScoreTheBoardSawWhenItApproved() throws {
        let undecided = Self.approvedChange.replacingOccurrences(
            of: #"[ { "change": "CHG-1", "outcome": "approved", "at": "2026-11-26T17:00:00Z", "by": "lead" } ]"#, with: "[]")
        #expect(try sandbox.cab("import", try sandbox.write("company.json", undecided)).status == 0)
        let approved = try sandbox.cab("decide", "CHG-1", "approved", "--override", "the DBA is on call")
        #expect(approved.status == 0, "\(approved.stderr)")
        // At approval, with the default weights: no files stated (0), 2 services affected (Order
        // Service and its consumer Payment Gateway: 0.35 × log2 3 = 0.555), no incident history,
        // a migration (0.7): σ(−4.6 + 0.555 + 0.7) = σ(−3.345) = 0.034051, shown 3.4%. After INC-7
        // Order Service's incident rate is 100% (+8): σ(4.655) = 99.1% now.
        #expect(try sandbox.cab("incident", "add", "--id", "INC-7", "--severity", "sev2", "--caused-by", "CHG-1", "--service", "Order Service").status == 0)
        let shown = try sandbox.cab("retro", "show", "INC-7")
        #expect(shown.stdout.contains("Risk as stated: medium; score at approval 3.4% (2026-11-27, stored with the decision); score now 99.1%, over the 25.0% threshold"),
                "\(shown.stdout)")
        let object = try JSONSerialization.jsonObject(with: Data(try sandbox.cab("retro", "show", "INC-7", "--json").stdout.utf8)) as? [String: Any]
        let asApproved = object?["approved"] as? [String: Any]
        #expect(asApproved?["riskScore"] as? Double == 0.034051)
        #expect(try sandbox.cab("audit").status == 0)
    }

    @Test func importedHistoryOpensReviewsOnlyForTheLast30DaysAndListsTheRestAsNotReviewed() throws {
        let history = Self.approvedChange.replacingOccurrences(of: "\"incidents\": []", with: """
            "incidents": [
              { "id": "INC-OLD", "openedAt": "2026-10-01T10:00:00Z", "severity": "sev3", "causedBy": ["CHG-1"], "services": ["Order Service"] },
              { "id": "INC-NEW", "openedAt": "2026-11-27T07:00:00Z", "severity": "sev2", "causedBy": ["CHG-1"], "services": ["Order Service"] }
            ]
            """).replacingOccurrences(of: "2026-11-26T16:00:00+01:00", with: "2026-09-20T16:00:00+01:00")
            .replacingOccurrences(of: "2026-11-26T17:00:00Z", with: "2026-09-20T17:00:00Z")
        let imported = try sandbox.cab("import", try sandbox.write("history.json", history))
        #expect(imported.status == 0, "\(imported.stderr)")
        let listed = try sandbox.cab("retro", "list")
        #expect(listed.stdout.hasPrefix("1 open, 0 closed\n") && listed.stdout.contains("INC-NEW"), "\(listed.stdout)")
        #expect(listed.stdout.hasSuffix("Not reviewed (older than 30 days when recorded): INC-OLD (CHG-1)\n"), "\(listed.stdout)")
    }
}
