import Foundation
import Testing
@testable import CabinetModel
@testable import CabinetStore

/// A morning of 2026-11-27: three changes wait, the meeting starts at 09:30 and freezes them; a
/// fix for a customer outage arrives at 09:35, after the freeze.
let agendaFixture = """
{
  "services": [
    { "name": "ledger", "team": "payments", "dependsOn": [] },
    { "name": "checkout", "team": "web", "dependsOn": ["ledger"] },
    { "name": "reports", "team": "data", "dependsOn": ["ledger"] },
    { "name": "search", "team": "web", "dependsOn": [] }
  ],
  "changes": [
    \(agendaChange("CHG-A", owner: "ana", team: "payments", services: ["ledger"], submitted: "2026-11-26T10:00:00Z")),
    \(agendaChange("CHG-B", owner: "ben", team: "web", services: ["search"], submitted: "2026-11-26T11:00:00Z")),
    \(agendaChange("CHG-C", owner: "cho", team: "payments", services: ["ledger"], submitted: "2026-11-26T12:00:00Z")),
    \(agendaChange("CHG-L", owner: "lee", team: "web", services: ["search"], submitted: "2026-11-27T09:35:00Z"))
  ]
}
"""

func agendaChange(_ id: String, owner: String, team: String, services: [String], submitted: String) -> String {
    """
    { "id": "\(id)", "title": "Change \(id)", "owner": "\(owner)", "team": "\(team)", "type": "normal",
      "category": "single-service", "risk": "medium", "route": "cab", "services": ["\(services.joined(separator: "\", \""))"],
      "blastRadius": "one service", "rollbackPlan": "redeploy", "rollbackMinutes": 3, "verification": "errors flat",
      "windowStart": "2026-12-01T10:00:00Z", "windowEnd": "2026-12-01T11:00:00Z", "submittedAt": "\(submitted)" }
    """
}

@Suite struct AgendaControlTests {
    let stores = TestStores()
    let day = "2026-11-27"

    func startedMeeting(_ backend: Backend) throws -> any SQLStore {
        let store = try stores.fresh(backend, holding: agendaFixture)
        try store.startMeeting(on: day, at: time("2026-11-27T09:30:00Z"), opening: Meeting(date: day, chair: "priya", attendees: [
            Attendee(name: "priya", role: .chair, present: true), Attendee(name: "ana", role: .owner, present: true),
        ]))
        return store
    }

    func agenda(_ store: some Store) throws -> [String] {
        try store.boardSnapshot(on: time("2026-11-27T00:00:00Z"), now: time("2026-11-27T09:40:00Z")).agenda.map(\.change.id)
    }

    @Test(arguments: Backend.allCases)
    func theChairReordersTheAgendaAndPullsInTheLateFixWithAReason(backend: Backend) throws {
        let store = try startedMeeting(backend)
        #expect(try agenda(store) == ["CHG-A", "CHG-B", "CHG-C"])
        #expect(try store.boardSnapshot(on: time("2026-11-27T00:00:00Z"), now: time("2026-11-27T09:40:00Z")).late.map(\.change.id) == ["CHG-L"])

        // CHG-C goes first: one write moves it and shifts the others down.
        let moved = try store.moveAgendaItem(on: day, change: "CHG-C", to: 1)
        #expect(moved.map(\.change) == ["CHG-C", "CHG-A", "CHG-B"] && moved.map(\.position) == [0, 1, 2])
        #expect(try agenda(store) == ["CHG-C", "CHG-A", "CHG-B"])

        let pulled = try store.addToAgenda(on: day, change: "CHG-L", reason: "fixes today's checkout outage", by: "priya", at: time("2026-11-27T09:41:00Z"))
        #expect(pulled.position == 3)
        let snapshot = try store.boardSnapshot(on: time("2026-11-27T00:00:00Z"), now: time("2026-11-27T09:42:00Z"))
        #expect(snapshot.agenda.map(\.change.id) == ["CHG-C", "CHG-A", "CHG-B", "CHG-L"] && snapshot.late.isEmpty)
        #expect(snapshot.item(for: "CHG-L")?.addedReason == "fixes today's checkout outage" && snapshot.item(for: "CHG-L")?.addedBy == "priya")

        #expect(throws: CabinetError.refused("CHG-L is already on the agenda of 2026-11-27")) {
            _ = try store.addToAgenda(on: day, change: "CHG-L", reason: "again", by: "priya", at: time("2026-11-27T09:43:00Z"))
        }
        #expect(throws: CabinetError.invalidArgument(name: "--to", problem: "the agenda of 2026-11-27 has places 1 to 4, not 5")) {
            _ = try store.moveAgendaItem(on: day, change: "CHG-A", to: 5)
        }
        let minutes = try #require(try store.minutes(on: time("2026-11-27T00:00:00Z"), now: time("2026-11-27T09:45:00Z")))
        #expect(minutes.items.last?.remarks.contains(MinutesRemark("pulled in", "by priya: fixes today's checkout outage")) == true)
    }

    @Test(arguments: Backend.allCases)
    func theAgendaIsControlledOnlyWhileTheMeetingRunsAndBadTextChangesNothing(backend: Backend) throws {
        let store = try stores.fresh(backend, holding: agendaFixture)
        #expect(throws: CabinetError.notFound(kind: "meeting on", id: day)) { _ = try store.moveAgendaItem(on: day, change: "CHG-A", to: 1) }
        _ = try store.openMeeting(Meeting(date: day, chair: "priya"))
        #expect(throws: CabinetError.refused("the meeting of 2026-11-27 has not started: its agenda is the queue until it starts (s on the board)")) {
            _ = try store.addToAgenda(on: day, change: "CHG-L", reason: "urgent", by: "priya", at: time("2026-11-27T09:00:00Z"))
        }
        try store.startMeeting(on: day, at: time("2026-11-27T09:30:00Z"))
        let before = try store.exportDocument()
        #expect(throws: CabinetError.invalidArgument(name: "reason", problem: "holds the control character U+001B at character 4 (only tab and line breaks are allowed)")) {
            _ = try store.addToAgenda(on: day, change: "CHG-L", reason: "bad\u{1B}[2J", by: "priya", at: time("2026-11-27T09:41:00Z"))
        }
        #expect(throws: CabinetError.invalidArgument(name: "reason", problem: "say why CHG-L joins today's meeting")) {
            _ = try store.addToAgenda(on: day, change: "CHG-L", reason: "  ", by: "priya", at: time("2026-11-27T09:41:00Z"))
        }
        #expect(throws: CabinetError.notFound(kind: "change", id: "CHG-Z")) {
            _ = try store.addToAgenda(on: day, change: "CHG-Z", reason: "urgent", by: "priya", at: time("2026-11-27T09:41:00Z"))
        }
        #expect(try store.exportDocument() == before)
        try store.endMeeting(on: day, at: time("2026-11-27T09:50:00Z"))
        #expect(throws: CabinetError.refused("the meeting of 2026-11-27 has ended: its agenda is closed")) {
            _ = try store.moveAgendaItem(on: day, change: "CHG-A", to: 2)
        }
    }

    @Test(arguments: Backend.allCases)
    func notesAndTheTeamAnAttendeeSpeaksForAreKeptAndReachTheMinutes(backend: Backend) throws {
        let store = try startedMeeting(backend)
        try store.setNotes(on: day, change: "CHG-A", notes: "1. ledger lock is short\n2. web asked for a canary")
        try store.addAttendee(on: day, Attendee(name: "dana", role: .downstream, present: true, speaksFor: "web"), opening: nil)
        let meeting = try #require(try store.boardSnapshot(on: time("2026-11-27T00:00:00Z"), now: time("2026-11-27T09:40:00Z")).meeting)
        #expect(meeting.attendees.last == Attendee(name: "dana", role: .downstream, present: true, speaksFor: "web"))
        #expect(meeting.items.first?.notes == "1. ledger lock is short\n2. web asked for a canary")

        // CHG-A touches ledger: checkout (web) and reports (data) consume it. ana and web's dana are in; data is not.
        let minutes = try #require(try store.minutes(on: time("2026-11-27T00:00:00Z"), now: time("2026-11-27T09:45:00Z")))
        let remarks = minutes.items[0].remarks
        #expect(remarks.contains(MinutesRemark("missing", "team data (flagged, not blocked)")))
        #expect(remarks.contains(MinutesRemark("notes", "1. ledger lock is short\n2. web asked for a canary")))

        try store.setNotes(on: day, change: "CHG-A", notes: " ")
        #expect(try store.boardSnapshot(on: time("2026-11-27T00:00:00Z"), now: time("2026-11-27T09:40:00Z")).item(for: "CHG-A")?.notes == nil)
        #expect(throws: CabinetError.refused("CHG-L is not on the agenda of 2026-11-27")) { try store.setNotes(on: day, change: "CHG-L", notes: "x") }
    }

    /// The pulled-in item, its notes and the team an attendee speaks for travel through an export and back.
    @Test func anExportCarriesTheAgendaControlsRecords() throws {
        let store = try startedMeeting(.sqlite)
        _ = try store.addToAgenda(on: day, change: "CHG-L", reason: "outage fix", by: "priya", at: time("2026-11-27T09:41:00Z"))
        try store.setNotes(on: day, change: "CHG-L", notes: "watch the error rate")
        try store.addAttendee(on: day, Attendee(name: "dana", role: .downstream, present: true, speaksFor: "web"), opening: nil)
        let exported = try InterchangeWriter.write(try store.exportDocument())
        let copy = try stores.fresh(.sqlite)
        _ = try copy.importDocument(try InterchangeReader.read(exported, source: "export.json"), source: "export.json")
        #expect(try InterchangeWriter.write(try copy.exportDocument()) == exported)
        let meeting = try #require(try copy.exportDocument().meetings.first)
        #expect(meeting.items.last?.addedReason == "outage fix" && meeting.items.last?.notes == "watch the error rate")
        #expect(meeting.attendees.last?.speaksFor == "web")
    }
}
