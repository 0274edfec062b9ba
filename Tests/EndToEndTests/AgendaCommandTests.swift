import Foundation
import Testing

/// 08:00 on 2026-11-27: the meeting started at 07:30 with CHG-1 and CHG-3 frozen on its agenda;
/// CHG-5, a fix for a payment outage, arrived at 07:45.
let startedMeetingDocument = """
{
  "services": [
    { "name": "Order Service", "team": "orders", "dependsOn": [] },
    { "name": "Payment Gateway", "team": "payments", "dependsOn": ["Order Service"] }
  ],
  "changes": [
    \(commandLineChange("CHG-1", owner: "raj", team: "orders", service: "Order Service", submitted: "2026-11-26T16:00:00Z")),
    \(commandLineChange("CHG-3", owner: "ines", team: "payments", service: "Payment Gateway", submitted: "2026-11-26T17:00:00Z")),
    \(commandLineChange("CHG-5", owner: "ines", team: "payments", service: "Payment Gateway", submitted: "2026-11-27T07:45:00Z"))
  ],
  "meetings": [
    { "date": "2026-11-27", "chair": "priya", "itemMinutes": 3, "startedAt": "2026-11-27T07:30:00Z", "agendaFrozenAt": "2026-11-27T07:30:00Z",
      "attendees": [ { "name": "priya", "role": "chair", "present": true }, { "name": "raj", "role": "owner", "present": true } ],
      "agenda": [ { "change": "CHG-1", "position": 0, "pausedMilliseconds": 0 }, { "change": "CHG-3", "position": 1, "pausedMilliseconds": 0 } ] }
  ]
}
"""

func commandLineChange(_ id: String, owner: String, team: String, service: String, submitted: String) -> String {
    """
    { "id": "\(id)", "title": "Change \(id)", "owner": "\(owner)", "team": "\(team)", "type": "normal", "category": "single-service",
      "risk": "medium", "route": "cab", "services": ["\(service)"], "blastRadius": "\(service)", "rollbackPlan": "Redeploy", "rollbackMinutes": 3,
      "verification": "errors flat", "windowStart": "2026-11-28T10:00:00Z", "windowEnd": "2026-11-28T11:00:00Z", "submittedAt": "\(submitted)" }
    """
}

@Suite struct AgendaCommandTests {
    let sandbox = Sandbox()

    @Test func theChairPullsTheOutageFixInMovesItFirstAndAddsTheEngineerWhoSpeaksForOrders() throws {
        #expect(try sandbox.cab("import", try sandbox.write("meeting.json", startedMeetingDocument)).status == 0)

        let pulled = try sandbox.cab("agenda", "add", "CHG-5", "--reason", "fixes the payment outage of 07:10")
        #expect(pulled.status == 0, "\(pulled.stderr)")
        #expect(pulled.stdout == "CHG-5: on the agenda of 2026-11-27 at place 3 (fixes the payment outage of 07:10)\n")
        let moved = try sandbox.cab("agenda", "move", "CHG-5", "--to", "1")
        #expect(moved.stdout == "Agenda of 2026-11-27: 1. CHG-5  2. CHG-1  3. CHG-3\n", "\(moved.stderr)")
        #expect(try sandbox.cab("agenda", "note", "CHG-1", "--text", "orders wants the index built off-peak").status == 0)
        let added = try sandbox.cab("attendee", "add", "sam", "--for", "orders")
        #expect(added.stdout == "sam (downstream, for orders): present at the meeting of 2026-11-27\n", "\(added.stderr)")

        let minutes = try sandbox.cab("minutes")
        #expect(minutes.stdout.contains("sam (downstream, present, for orders)"), "\(minutes.stdout)")
        #expect(minutes.stdout.contains("1. CHG-5 Change CHG-5\n   pulled in: by tester: fixes the payment outage of 07:10\n"), "\(minutes.stdout)")
        // CHG-5 touches Payment Gateway, which nobody consumes: only its owner, ines, is needed, and she is not here.
        #expect(minutes.stdout.contains("   missing: owner ines (flagged, not blocked)"), "\(minutes.stdout)")
        #expect(minutes.stdout.contains("   notes: orders wants the index built off-peak"), "\(minutes.stdout)")
        let json = try JSONSerialization.jsonObject(with: Data(try sandbox.cab("minutes", "--json").stdout.utf8)) as? [String: Any]
        let items = json?["items"] as? [[String: Any]]
        #expect(items?.first?["addedReason"] as? String == "fixes the payment outage of 07:10")
        #expect(items?.first?["missing"] as? [String] == ["owner ines"])
        #expect(items?[1]["notes"] as? String == "orders wants the index built off-peak")
    }

    @Test func aMistakeIsOneLineAndTheStoreIsUntouched() throws {
        #expect(try sandbox.cab("import", try sandbox.write("meeting.json", startedMeetingDocument)).status == 0)
        let before = FileManager.default.contents(atPath: sandbox.db)
        let noReason = try sandbox.cab("agenda", "add", "CHG-5")
        #expect(noReason.status != 0 && noReason.stderr.contains("--reason"))
        let onIt = try sandbox.cab("agenda", "add", "CHG-1", "--reason", "again")
        #expect(onIt.status == 1 && onIt.stderr == "cab: CHG-1 is already on the agenda of 2026-11-27\n")
        let tooFar = try sandbox.cab("agenda", "move", "CHG-1", "--to", "7")
        #expect(tooFar.status == 1 && tooFar.stderr == "cab: --to: the agenda of 2026-11-27 has places 1 to 2, not 7\n")
        let escape = try sandbox.cab("agenda", "add", "CHG-5", "--reason", "x\u{1B}[2J")
        #expect(escape.status == 1 && escape.stderr.hasPrefix("cab: --reason: holds the control character U+001B"), "\(escape.stderr)")
        let noMeeting = try sandbox.cab("agenda", "move", "CHG-1", "--to", "1", "--date", "2026-11-30")
        #expect(noMeeting.status == 1 && noMeeting.stderr == "cab: no meeting on '2026-11-30' in the store\n")
        #expect(FileManager.default.contents(atPath: sandbox.db) == before)
    }
}
