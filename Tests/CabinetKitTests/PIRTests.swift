import Testing
@testable import CabinetModel
@testable import CabinetStore

/// Emergencies ship first and come back to the next meeting for their post-implementation
/// review: the chair's Tuesday after Monday's meeting.
@Suite struct PIRTests {
    let stores = TestStores()
    let tuesday = time("2026-11-24T09:00:00Z")

    static func change(_ id: String, _ route: Route, submitted: String, deployed: String? = nil, window: String? = nil) -> SubmittedChange {
        let start = window.map(time)
        let change = Change(
            id: id, title: "Change \(id)", owner: "raj", team: "alpha", type: route == .emergency ? .emergency : .normal, category: .singleService,
            risk: .high, route: route, services: ["S1"], blastRadius: "S1", rollbackPlan: "redeploy", rollbackMinutes: 3, verification: "errors flat",
            windowStart: start ?? time("2026-11-30T10:00:00Z"), windowEnd: (start ?? time("2026-11-30T10:00:00Z")).adding(hours: 1),
            submittedAt: time(submitted), state: .new, deployedAt: deployed.map(time))
        return SubmittedChange(change: change, statedRoute: route, statedState: nil)
    }

    /// Monday's meeting was held; that evening E7 shipped (recorded), overnight E8 (in implement,
    /// its window start stands in); E9 shipped the Friday before and was Monday's business; C1
    /// waits for the board.
    func mondayEvening(_ backend: Backend) throws -> any SQLStore {
        let store = try stores.fresh(backend)
        _ = try store.importDocument(InterchangeDocument(services: [Service(name: "S1", team: "alpha")], changes: [
            Self.change("E9", .emergency, submitted: "2026-11-20T10:00:00Z", deployed: "2026-11-20T11:00:00Z"),
        ]))
        try store.startMeeting(on: "2026-11-23", at: time("2026-11-23T09:30:00Z"), opening: Meeting(date: "2026-11-23", chair: "priya"))
        try store.endMeeting(on: "2026-11-23", at: time("2026-11-23T10:00:00Z"))
        _ = try store.importDocument(InterchangeDocument(changes: [
            Self.change("C1", .cab, submitted: "2026-11-23T10:00:00Z"),
            Self.change("E7", .emergency, submitted: "2026-11-23T18:00:00Z", deployed: "2026-11-23T18:30:00Z"),
            Self.change("E8", .emergency, submitted: "2026-11-23T23:00:00Z", window: "2026-11-24T02:00:00Z"),
        ]))
        return store
    }

    @Test(arguments: Backend.allCases)
    func emergenciesDeployedSinceThePreviousMeetingFollowTheNormalItemsForTheirReview(backend: Backend) throws {
        let store = try mondayEvening(backend)
        let queue = try store.queue(on: tuesday, now: tuesday)
        #expect(queue.map(\.change.id) == ["C1", "E7", "E8"])
        #expect(queue.map(\.kind) == [.review, .pir, .pir])
        #expect(queue.map { $0.change.deployment?.isEstimated } == [nil, false, true])

        try store.startMeeting(on: "2026-11-24", at: time("2026-11-24T09:30:00Z"), opening: Meeting(date: "2026-11-24", chair: "priya"))
        try store.record(PostImplementationReview(change: "E7", outcome: .accepted, at: time("2026-11-24T09:40:00Z"), by: "priya", meeting: "2026-11-24"),
                         clocks: [ClockStep(.end, "E7")], on: "2026-11-24")
        let agenda = try store.boardSnapshot(on: tuesday, now: time("2026-11-24T09:41:00Z")).agenda
        #expect(agenda.map(\.change.id) == ["C1", "E7", "E8"])
        #expect(agenda.map(\.pir?.outcome) == [nil, .accepted, nil])
        let minutes = try #require(try store.minutes(on: tuesday, now: time("2026-11-24T09:41:00Z")))
        #expect(minutes.items.map(\.outcomeText) == ["undecided", "PIR accepted", "PIR due"])

        // Wednesday: E7 was reviewed; E8 still waits, deployed since Tuesday's meeting day began.
        let wednesday = time("2026-11-25T09:00:00Z")
        #expect(try store.queue(on: wednesday, now: wednesday).filter { $0.kind == .pir }.map(\.change.id) == ["E8"])
    }

    @Test(arguments: Backend.allCases)
    func aReviewIsRecordedOnceOnAnEmergencyThatShippedAndSaysWhatFollowsUp(backend: Backend) throws {
        let store = try mondayEvening(backend)
        let at = time("2026-11-24T09:40:00Z")
        func refusal(_ review: PostImplementationReview) -> String? {
            (#expect(throws: CabinetError.self) { try store.record(review, clocks: [], on: "2026-11-24") })?.description
        }
        #expect(refusal(PostImplementationReview(change: "E7", outcome: .followUpRequired, at: at, by: "priya"))
                == "E7: follow-up-required needs a note saying what follows up")
        #expect(refusal(PostImplementationReview(change: "C1", outcome: .accepted, at: at, by: "priya"))
                == "C1: C1 is on the cab route: only emergency changes have a post-implementation review")
        #expect(refusal(PostImplementationReview(change: "E7", outcome: .accepted, at: time("2026-11-23T18:00:00Z"), by: "priya"))
                == "E7: 2026-11-23T18:00:00Z is before E7 was deployed (2026-11-23T18:30:00Z)")
        try store.record(PostImplementationReview(change: "E7", outcome: .followUpRequired, at: at, by: "priya", note: "alert on timeouts"),
                         clocks: [], on: "2026-11-24")
        #expect(refusal(PostImplementationReview(change: "E7", outcome: .accepted, at: at.adding(minutes: 1), by: "sam"))
                == "E7: E7 was already reviewed by priya at 2026-11-24T09:40:00Z (follow-up-required); a review is recorded once")
        #expect(try store.pirs().map(\.note) == ["alert on timeouts"])
    }

    @Test(arguments: Backend.allCases)
    func anImportedReviewIsHeldToTheSameRulesNamingTheFileRecordAndField(backend: Backend) throws {
        let store = try mondayEvening(backend)
        let before = try store.rowCounts()
        func refusal(_ review: PostImplementationReview) -> String? {
            var document = InterchangeDocument()
            document.pirs = [review]
            return (#expect(throws: CabinetError.self) { try store.importDocument(document, source: "pirs.json", now: tuesday) })?.description
        }
        #expect(refusal(PostImplementationReview(change: "E7", outcome: .followUpRequired, at: tuesday, by: "priya"))
                == "pirs.json: pirs[0] (change E7): note: follow-up-required needs a note saying what follows up")
        #expect(refusal(PostImplementationReview(change: "C1", outcome: .accepted, at: tuesday, by: "priya"))
                == "pirs.json: pirs[0] (change C1): change: C1 is on the cab route: only emergency changes have a post-implementation review")
        #expect(refusal(PostImplementationReview(change: "E7", outcome: .accepted, at: tuesday, by: "priya", meeting: "2026-11-24"))
                == "pirs.json: pirs[0] (change E7): meeting: no meeting on 2026-11-24 in the document or the store")
        #expect(try store.rowCounts() == before)
    }

    @Test(arguments: Backend.allCases)
    func aReviewCannotBeEditedOrDeletedInTheDatabase(backend: Backend) throws {
        let store = try mondayEvening(backend)
        try store.record(PostImplementationReview(change: "E7", outcome: .followUpRequired, at: tuesday, by: "priya", note: "alert on timeouts"),
                         clocks: [], on: "2026-11-24")
        for statement in ["UPDATE pirs SET outcome = 'accepted'", "DELETE FROM pirs"] {
            let error = #expect(throws: CabinetError.self) { try rawWrite(statement, in: store) }
            #expect(error?.description.contains(PortableSchema.pirsAppendOnly) == true, "\(statement)")
        }
        #expect(try store.pirs().map(\.outcome) == [.followUpRequired])
    }
}
