import Testing
@testable import CabinetModel
@testable import CabinetStore

@Suite struct MeetingClockTests {
    let start = time("2026-11-27T09:30:00Z")

    @Test func elapsedTimeLeavesOutPauses() throws {
        var item = AgendaItem(change: "C1", position: 0)
        item = try #require(item.applying(.start, at: start))
        item = try #require(item.applying(.pause, at: start.adding(minutes: 1)))
        #expect(item.elapsedMilliseconds(at: start.adding(minutes: 10)) == 60_000)
        item = try #require(item.applying(.resume, at: start.adding(minutes: 3)))
        #expect(item.elapsedMilliseconds(at: start.adding(minutes: 4)) == 120_000)
        item = try #require(item.applying(.end, at: start.adding(minutes: 5)))
        #expect(item.elapsedMilliseconds(at: start.adding(minutes: 60)) == 180_000)
    }

    @Test func endingWhilePausedCountsThePauseOut() throws {
        var item = try #require(AgendaItem(change: "C1", position: 0).applying(.start, at: start))
        item = try #require(item.applying(.pause, at: start.adding(minutes: 2)))
        item = try #require(item.applying(.end, at: start.adding(minutes: 7)))
        #expect(item.elapsedMilliseconds(at: start.adding(minutes: 9)) == 120_000)
        #expect(item.pausedAt == nil && item.pausedTotalMilliseconds == 300_000)
    }

    @Test func actionsThatDoNotApplyChangeNothing() throws {
        let fresh = AgendaItem(change: "C1", position: 0)
        #expect(fresh.applying(.pause, at: start) == nil)
        #expect(fresh.applying(.resume, at: start) == nil)
        #expect(fresh.applying(.end, at: start) == nil)
        let running = try #require(fresh.applying(.start, at: start))
        #expect(running.applying(.start, at: start.adding(minutes: 1)) == nil)
        #expect(running.applying(.resume, at: start.adding(minutes: 1)) == nil)
    }
}

@Suite struct MeetingStoreTests {
    let stores = TestStores()
    let morning = time("2026-11-20T09:00:00Z")

    @Test(arguments: Backend.allCases)
    func startingTheMeetingFreezesTheAgendaAndLaterChangesWait(backend: Backend) throws {
        let store = try stores.fresh(backend, holding: figureFixture)
        _ = try store.openMeeting(Meeting(date: "2026-11-20", chair: "priya", attendees: [Attendee(name: "priya", role: .chair)]))
        #expect(try store.boardSnapshot(on: morning, now: morning).agenda.map(\.change.id) == ["C9"])
        try store.startMeeting(on: "2026-11-20", at: time("2026-11-20T09:30:00Z"))
        let late = fixtureChange("C11", route: "cab", submitted: "2026-11-20T09:31:00Z")
        _ = try store.importDocument(try InterchangeReader.read(.init("{\"changes\": [\(late)]}".utf8), source: "late.json"))
        let snapshot = try store.boardSnapshot(on: morning, now: time("2026-11-20T09:32:00Z"))
        #expect(snapshot.agenda.map(\.change.id) == ["C9"])
        #expect(snapshot.late.map(\.change.id) == ["C11"])
        #expect(snapshot.meeting?.agendaFrozenAt == time("2026-11-20T09:30:00Z"))
    }

    /// Deferred on Friday to Tuesday's meeting, the change is not on Monday's agenda (nor late
    /// there), and is on Tuesday's.
    @Test(arguments: Backend.allCases)
    func aDeferredChangeWaitsForItsTargetMeeting(backend: Backend) throws {
        let store = try stores.fresh(backend, holding: figureFixture)
        try store.startMeeting(on: "2026-11-20", at: time("2026-11-20T09:30:00Z"), opening: Meeting(date: "2026-11-20", chair: "priya"))
        let deferral = Deferral(target: "2026-11-24", reason: "rollback takes 15 min (over 5)")
        try store.record(Decision(id: "d1", change: "C9", outcome: .deferred, at: time("2026-11-20T09:31:00Z"), by: "priya", note: deferral.note),
                         clocks: [], on: "2026-11-20")

        #expect(!(try store.queue(on: time("2026-11-23T09:00:00Z"), now: time("2026-11-23T09:00:00Z"))).contains { $0.change.id == "C9" })
        try store.startMeeting(on: "2026-11-23", at: time("2026-11-23T09:30:00Z"), opening: Meeting(date: "2026-11-23", chair: "priya"))
        let monday = try store.boardSnapshot(on: time("2026-11-23T09:00:00Z"), now: time("2026-11-23T09:31:00Z"))
        #expect(!monday.agenda.contains { $0.change.id == "C9" })
        #expect(!monday.late.contains { $0.change.id == "C9" })

        try store.startMeeting(on: "2026-11-24", at: time("2026-11-24T09:30:00Z"), opening: Meeting(date: "2026-11-24", chair: "priya"))
        let tuesday = try store.boardSnapshot(on: time("2026-11-24T09:00:00Z"), now: time("2026-11-24T09:31:00Z"))
        let back = try #require(tuesday.agenda.first { $0.change.id == "C9" })
        #expect(back.latestDecision.flatMap(Deferral.init) == deferral)
    }

    /// Deciding and moving on is one intent and one write: refused, it leaves every clock as it was.
    @Test(arguments: Backend.allCases)
    func aRefusedDecisionLeavesTheClockRunning(backend: Backend) throws {
        let store = try stores.fresh(backend, holding: figureFixture)
        try store.startMeeting(on: "2026-11-20", at: time("2026-11-20T09:30:00Z"), opening: Meeting(date: "2026-11-20", chair: "priya"))
        try store.clock(.start, change: "C9", on: "2026-11-20", at: time("2026-11-20T09:30:10Z"))
        try stores.another(store).record(Decision(id: "theirs", change: "C9", outcome: .approved, at: time("2026-11-20T09:31:00Z"), by: "sam"))
        let mine = Decision(id: "mine", change: "C9", outcome: .rejected, at: time("2026-11-20T09:32:00Z"), by: "priya", note: "no canary")
        #expect(throws: CabinetError.alreadyDecided(change: "C9", outcome: .approved, by: "sam", at: time("2026-11-20T09:31:00Z"))) {
            try store.record(mine, clocks: [ClockStep(.end, "C9")], on: "2026-11-20")
        }
        let item = try #require(try store.boardSnapshot(on: morning, now: morning).item(for: "C9"))
        #expect(item.isRunning && item.endedAt == nil)
        try store.endMeeting(on: "2026-11-20", at: time("2026-11-20T09:40:00Z"))
        let ended = try #require(try store.boardSnapshot(on: morning, now: morning).meeting)
        #expect(ended.endedAt != nil && ended.items.allSatisfy { $0.endedAt != nil }, "ending the meeting ends its clocks in the same write")
    }

    @Test(arguments: Backend.allCases)
    func theClockLivesInTheStoreSoAnotherProcessSeesTheSameTime(backend: Backend) throws {
        let store = try stores.fresh(backend, holding: figureFixture)
        _ = try store.openMeeting(Meeting(date: "2026-11-20", chair: "priya"))
        try store.startMeeting(on: "2026-11-20", at: time("2026-11-20T09:30:00Z"))
        try store.clock(.start, change: "C9", on: "2026-11-20", at: time("2026-11-20T09:30:10Z"))
        try store.clock(.pause, change: "C9", on: "2026-11-20", at: time("2026-11-20T09:31:10Z"))
        try store.clock(.pause, change: "C9", on: "2026-11-20", at: time("2026-11-20T09:31:40Z"))
        try store.clock(.resume, change: "C9", on: "2026-11-20", at: time("2026-11-20T09:32:10Z"))
        let other = try stores.another(store)
        let item = try #require(try other.boardSnapshot(on: morning, now: morning).item(for: "C9"))
        #expect(item.elapsedMilliseconds(at: time("2026-11-20T09:33:10Z")) == 120_000)
        #expect(throws: CabinetError.refused("C1 is not on the agenda of 2026-11-20")) {
            try store.clock(.start, change: "C1", on: "2026-11-20", at: morning)
        }
    }

    @Test(arguments: Backend.allCases)
    func attendanceIsRecordedWithTheMeeting(backend: Backend) throws {
        let store = try stores.fresh(backend, holding: figureFixture)
        _ = try store.openMeeting(Meeting(date: "2026-11-20", chair: "priya", attendees: [
            Attendee(name: "priya", role: .chair), Attendee(name: "sam", role: .onCall),
        ]))
        try store.setAttendance(on: "2026-11-20", name: "sam", role: .onCall, present: false)
        try store.setAttendance(on: "2026-11-20", name: "priya", role: .chair, present: true)
        let attendees = try #require(try store.boardSnapshot(on: morning, now: morning).meeting?.attendees)
        #expect(attendees.map(\.present) == [true, false])
        #expect(try store.openMeeting(Meeting(date: "2026-11-20", chair: "someone else")).chair == "priya")
    }

    @Test(arguments: Backend.allCases)
    func anotherProcessesCommitChangesTheDataVersion(backend: Backend) throws {
        let store = try stores.fresh(backend, holding: figureFixture)
        let before = try store.dataVersion()
        #expect(try store.dataVersion() == before)
        let other = try stores.another(store)
        try other.record(Decision(id: "x", change: "C9", outcome: .approved, at: morning, by: "priya"))
        // PostgreSQL tells of another's commit by a notification, which takes a moment to arrive.
        #expect(try eventually { try store.dataVersion() != before })
    }

    @Test(arguments: Backend.allCases)
    func aStoresOwnCommitLeavesItsDataVersionAlone(backend: Backend) throws {
        let store = try stores.fresh(backend, holding: figureFixture)
        let other = try stores.another(store)
        let before = try store.dataVersion()
        try store.record(Decision(id: "own", change: "C9", outcome: .approved, at: morning, by: "priya"))
        // The board reloads after its own writes; telling it again would reload twice.
        #expect(!(try eventually(within: 0.5) { try store.dataVersion() != before }), "its own commit moved the data version")
        try other.record(Decision(id: "later", change: "C9", outcome: .approved, at: morning.adding(minutes: 1), by: "priya",
                                  supersedes: "own"))
        #expect(try eventually { try store.dataVersion() != before }, "another's commit did not move it")
    }

    @Test func theSuggestedRosterHasChairOnCallPresentersAndDownstreamTeams() {
        let services = [Service(name: "S1", team: "alpha"), Service(name: "S2", team: "beta", dependsOn: ["S1"])]
        let change = Change(id: "C", title: "t", owner: "raj", team: "alpha", type: .normal, category: .singleService, risk: .high,
                            route: .cab, services: ["S1"], blastRadius: "", rollbackPlan: "", verification: "",
                            windowStart: nil, windowEnd: nil, submittedAt: morning, state: .authorize)
        let roster = MeetingRoster.suggested(chair: "priya", onCall: "sam", agenda: [change], services: services)
        #expect(roster.map(\.name) == ["priya", "sam", "raj", "beta senior engineer"])
        #expect(roster.map(\.role) == [.chair, .onCall, .owner, .downstream])
    }
}
