import Testing
@testable import cab
@testable import CabinetModel
@testable import CabinetStore

@Suite struct ConditionsTests {
    let stores = TestStores()

    @Test(arguments: Backend.allCases)
    func conditionsFollowTheChangeUntilSomeoneMeetsThem(backend: Backend) throws {
        let store = try stores.fresh(backend, holding: figureFixture)
        let open = try store.openConditions()
        #expect(open.map(\.decision.change) == ["C2"])
        #expect(open[0].decision.conditions == "flag it")
        let met = try store.meetCondition(change: "C2", by: "raj", at: time("2026-11-04T10:00:00Z"), note: "flag on since Monday")
        #expect(met.metBy == "raj" && met.metAt == time("2026-11-04T10:00:00Z"))
        #expect(try store.openConditions().isEmpty)
        #expect(throws: CabinetError.refused("C2 has no open conditions (see cab conditions)")) {
            try store.meetCondition(change: "C2", by: "raj", at: time("2026-11-04T11:00:00Z"), note: nil)
        }
    }

    @Test(arguments: Backend.allCases)
    func aLaterDecisionReplacesTheConditions(backend: Backend) throws {
        let store = try stores.fresh(backend, holding: figureFixture)
        let latest = try #require(try store.decisions(forChange: "C2").last)
        try store.record(Decision(id: "fix", change: "C2", outcome: .rejected, at: time("2026-11-04T09:30:00Z"), by: "priya",
                                  note: "conditions cannot be met", supersedes: latest.id))
        #expect(try store.openConditions().isEmpty)
    }
}

@Suite struct MinutesTests {
    let stores = TestStores()

    @Test(arguments: Backend.allCases)
    func theMinutesStampEachItemWithItsTimeAndDecision(backend: Backend) throws {
        let store = try stores.fresh(backend, holding: figureFixture)
        try holdTheMeetingOf20November(in: store)

        let minutes = try #require(try store.minutes(on: time("2026-11-20T00:00:00Z"), now: time("2026-11-20T12:00:00Z")))
        #expect(minutes.items.map(\.change.id) == ["C9"])
        #expect(minutes.items[0].usedMilliseconds == 180_000)
        #expect(minutes.items[0].decision?.id == "d")
        let text = MinutesText.render(minutes)
        #expect(text.contains("Attendees: priya (chair, present), sam (on-call, absent, for beta)"))
        #expect(text.contains("3:00 / 3:00  approved-with-conditions  priya at 2026-11-20 09:33"))
        #expect(text.contains("1. C9 Change C9\n   conditions: owner on call\n"))
        #expect(text.contains("   notes: beta asked for a canary first"))
        #expect(MinutesText.markdown(minutes).contains("| 1 | C9 Change C9 | owner | 3:00 / 3:00 | approved-with-conditions | priya at 2026-11-20 09:33 |"))
        #expect(try store.minutes(on: time("2026-11-21T00:00:00Z"), now: time("2026-11-21T12:00:00Z")) == nil)
    }

    /// A not-ready change approved with conditions: the minutes give the conditions and the override reason.
    @Test(arguments: Backend.allCases)
    func theMinutesGiveTheOverrideReasonBesideTheConditions(backend: Backend) throws {
        let store = try stores.fresh(backend, holding: figureFixture)
        try store.startMeeting(on: "2026-11-20", at: time("2026-11-20T09:30:00Z"), opening: Meeting(date: "2026-11-20", chair: "priya"))
        try store.record(Decision(id: "o", change: "C9", outcome: .approvedWithConditions, at: time("2026-11-20T09:31:00Z"), by: "priya",
                                  conditions: "owner on call", note: "not-ready override: contract ends tonight"), clocks: [], on: "2026-11-20")
        let minutes = try #require(try store.minutes(on: time("2026-11-20T00:00:00Z"), now: time("2026-11-20T12:00:00Z")))
        #expect(MinutesText.markdown(minutes).contains("- conditions: owner on call\n- note: not-ready override: contract ends tonight"))
        #expect(MinutesText.render(minutes).contains("   conditions: owner on call\n   note: not-ready override: contract ends tonight"))
    }

    /// The paste of issue 11 (three numbered conditions) on a decision taken at 09:31:07.123, and a
    /// deferral with its target: the minutes give every word, wrapped, times to the minute.
    @Test(arguments: Backend.allCases)
    func theMinutesGiveEveryConditionReasonAndDeferralTargetInFull(backend: Backend) throws {
        let store = try stores.fresh(backend, holding: figureFixture)
        try store.startMeeting(on: "2026-11-20", at: time("2026-11-20T09:30:00.456Z"), opening: Meeting(date: "2026-11-20", chair: "priya"))
        let conditions = "1. Owner on call during the window; dual-write stays on until the backfill is verified by the DBA on shift\n"
            + "2. DBA sign-off before contract phase\n3. Notify #payments"
        try store.record(Decision(id: "c", change: "C9", outcome: .approvedWithConditions, at: time("2026-11-20T09:31:07.123Z"), by: "priya",
                                  conditions: conditions), clocks: [], on: "2026-11-20")
        let minutes = try #require(try store.minutes(on: time("2026-11-20T00:00:00Z"), now: time("2026-11-20T12:00:00Z")))
        let text = MinutesText.render(minutes)
        #expect(!text.contains("…") && !text.contains(".123") && !text.contains(".456"))
        #expect(text.contains("Started 2026-11-20 09:30, ended —"))
        #expect(text.contains("""
               conditions: 1. Owner on call during the window; dual-write stays on until the backfill is
                           verified by the DBA on shift
                           2. DBA sign-off before contract phase
                           3. Notify #payments
            """))
        let markdown = MinutesText.markdown(minutes)
        #expect(markdown.contains("- conditions: 1. Owner on call during the window; dual-write stays on until the backfill is verified by the DBA on shift  \n"
                                  + "  2\\. DBA sign-off before contract phase  \n  3\\. Notify \\#payments"), "a continued line cannot start a list of its own")
        #expect(!markdown.contains("…"))
        try store.setNotes(on: "2026-11-20", change: "C9", notes: "agreed\n# Everything approved\n- by the CTO")
        let noted = MinutesText.markdown(try #require(try store.minutes(on: time("2026-11-20T00:00:00Z"), now: time("2026-11-20T12:00:00Z"))))
        #expect(noted.contains("- notes: agreed  \n  \\# Everything approved  \n  \\- by the CTO"), "no heading or list of its own")

        let deferral = Deferral(target: "2026-11-23", reason: "rollback takes 15 min (over 5)")
        try store.record(Decision(id: "f", change: "C9", outcome: .deferred, at: time("2026-11-20T09:32:00Z"), by: "priya", note: deferral.note,
                                  supersedes: "c"), clocks: [], on: "2026-11-20")
        let deferred = MinutesText.render(try #require(try store.minutes(on: time("2026-11-20T00:00:00Z"), now: time("2026-11-20T12:00:00Z"))))
        #expect(deferred.contains("   deferred to: 2026-11-23\n   reason: rollback takes 15 min (over 5)"))
    }
}
