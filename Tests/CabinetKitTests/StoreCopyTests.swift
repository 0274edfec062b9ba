import CabinetPostgres
import Foundation
import Testing
@testable import CabinetModel
@testable import CabinetStore

/// Moving a team from its SQLite file to the shared PostgreSQL database: every table comes
/// across, the figures agree, and a database that already holds records is replaced only when asked.
@Suite struct StoreCopyTests {
    let stores = TestStores()
    let now = time("2026-11-21T00:00:00Z")
    let week = (try? Period(since: time("2026-11-02T00:00:00Z"), until: time("2026-11-09T00:00:00Z")))!

    /// The figure fixture after a week of use: a meeting held on 2026-11-20 that decided C9 with
    /// conditions, the next day's meeting with a late change pulled in, C2's conditions met, a freeze, a calibration and a threshold, a verification,
    /// an announcement, an open action item of the meeting and a closed lesson of INC-1, and the
    /// reviews the fixture's incidents opened (blamed on C4, approved), INC-1's closed with its answers;
    /// and an emergency E1 deployed the night before, its incident INC-4 resolved, and its
    /// post-implementation review (follow-up required) recorded at the meeting.
    func usedStore() throws -> SQLiteStore {
        let store = try stores.sqlite()
        _ = try store.importDocument(try InterchangeReader.read(Data(figureFixture.utf8), source: "fixture.json"), source: "fixture.json", now: now)
        try holdTheMeetingOf20November(in: store)
        // The next morning's meeting pulls in C11, which arrived after its agenda was frozen.
        let late = "{\"changes\": [\(fixtureChange("C11", route: "cab", submitted: "2026-11-21T09:35:00Z"))]}"
        _ = try store.importDocument(try InterchangeReader.read(Data(late.utf8), source: "late.json"), source: "late.json", now: time("2026-11-21T10:00:00Z"))
        try store.startMeeting(on: "2026-11-21", at: time("2026-11-21T09:30:00Z"), opening: Meeting(date: "2026-11-21", chair: "priya"))
        _ = try store.addToAgenda(on: "2026-11-21", change: "C11", reason: "the fix for this morning's outage", by: "priya", at: time("2026-11-21T09:40:00Z"))
        _ = try store.meetCondition(change: "C2", by: "raj", at: time("2026-11-04T10:00:00Z"), note: "flag on since Monday")
        _ = try store.addFreeze(from: time("2026-12-20T00:00:00Z"), to: time("2027-01-02T00:00:00Z"), reason: "year end", by: "priya", at: now)
        try store.saveCalibration(RiskCalibration(
            id: "c1", calibratedAt: now, since: nil, until: time("2026-11-20T08:00:00Z"), changes: 1000, incidents: 20,
            brier: 0.0181, defaultBrier: 0.0203, model: RiskModel(intercept: -4.1, weights: [0.2, 0.1, 6, 0.5, 1.25]),
            means: [3.5, 2, 0.02, 0.1, 0.05], deviations: [1.2, 0.8, 0.01, 0.3, 0.2]))
        try store.setRiskThreshold(0.3)
        try store.record(Verification(id: "v1", change: "C1", at: time("2026-11-02T13:00:00Z"), by: "raj", smoke: .pass, errorRate: 0.05,
                                      baselineErrorRate: 0.07, p99Delta: 12.5, heldMinutes: 15, requiredMinutes: 30))
        try store.recordAnnouncement(id: "a1", change: "C1", at: time("2026-11-02T13:05:00Z"), by: "raj", webhook: "https://hooks.example/x",
                                     text: "Deployed C1: Change C1")
        _ = try store.addActionItem(ActionItem(kind: .action, change: "C9", meeting: "2026-11-20", text: "Add a rollback test", owner: "raj",
                                               due: "2026-11-27", openedAt: time("2026-11-20T09:33:50Z"), openedBy: "priya"))
        let lesson = try store.addActionItem(ActionItem(kind: .lesson, change: "C4", incident: "INC-1", text: "Canary before the index build",
                                                        owner: "sam", openedAt: time("2026-11-07T12:00:00Z"), openedBy: "priya"))
        _ = try store.closeActionItem(id: lesson.id, by: "sam", at: time("2026-11-10T12:00:00Z"), note: "runbook updated")
        _ = try store.closeReview(Review(incident: "INC-1", change: "C4", openedAt: now, rollbackWorked: false, rollbackMinutesTaken: 40,
                                         verificationCaught: false, note: "the index build locked the table"), by: "sam", at: time("2026-11-10T13:00:00Z"))
        try shipAnEmergency(E1: store)
        // C1 came from ServiceNow: its link holds the fingerprint of its fields as imported, and the
        // CAB date ServiceNow gave it (a day before any of the fixture's meetings: the queues stay as they were).
        var linked = InterchangeDocument()
        linked.sourceLinks = [SourceLink(change: "C1", system: "servicenow", sourceID: "CHG0030001",
                                         fingerprint: SourceLink.fingerprint(of: try #require(try store.change(id: "C1"))), importedAt: now,
                                         meeting: "2026-01-05")]
        _ = try store.importDocument(linked, source: "links.json", now: now)
        return store
    }

    /// E1 shipped at 22:30 on 19 November, broke S1 at 23:00 (INC-4, restored at 01:00), and
    /// came back to the meeting of the 20th for its post-implementation review.
    func shipAnEmergency(E1 store: some SQLStore, meeting: String? = "2026-11-20") throws {
        let emergency = Change(
            id: "E1", title: "Hotfix the payment timeout", owner: "raj", team: "alpha", type: .emergency, category: .singleService, risk: .high,
            route: .emergency, services: ["S1"], blastRadius: "S1", rollbackPlan: "redeploy", rollbackMinutes: 3, verification: "errors flat",
            windowStart: nil, windowEnd: nil, submittedAt: time("2026-11-19T22:00:00Z"), state: .closed, deployedAt: time("2026-11-19T22:30:00Z"))
        var document = InterchangeDocument(changes: [SubmittedChange(change: emergency, statedRoute: .emergency, statedState: .closed)])
        document.incidents = [Incident(id: "INC-4", openedAt: time("2026-11-19T23:00:00Z"), severity: .sev2, causedBy: ["E1"], services: ["S1"],
                                       resolvedAt: time("2026-11-20T01:00:00Z"))]
        _ = try store.importDocument(document, source: "emergency.json", now: now)
        try store.record(PostImplementationReview(change: "E1", outcome: .followUpRequired, at: time("2026-11-20T09:40:00Z"), by: "priya",
                                                  meeting: meeting, note: "add a timeout alert"), clocks: [], on: "2026-11-20")
    }

    /// Both stores hold the same records and read back the same everywhere a person looks.
    func expectSame(_ copy: some SQLStore, as original: some SQLStore, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(try copy.rowCounts() == original.rowCounts(), sourceLocation: sourceLocation)
        // The decision chain comes across whole: same links, same head, still intact.
        #expect(try copy.auditDecisionLog(expecting: original.decisionLog().hash).intact, sourceLocation: sourceLocation)
        #expect(try copy.decisionLog() == original.decisionLog(), sourceLocation: sourceLocation)
        // The summaries the triggers keep (the services' history, the routes' weeks) are rebuilt whole on both sides.
        #expect(try copy.auditSummaries() == nil, sourceLocation: sourceLocation)
        #expect(try original.auditSummaries() == nil, sourceLocation: sourceLocation)
        #expect(try copy.exportDocument() == original.exportDocument(), sourceLocation: sourceLocation)
        #expect(try copy.figures(for: week) == original.figures(for: week), sourceLocation: sourceLocation)
        #expect(try copy.figures(for: Period(lastDays: 30, endingAt: now)) == original.figures(for: Period(lastDays: 30, endingAt: now)),
                sourceLocation: sourceLocation)
        #expect(try copy.minutes(on: time("2026-11-20T00:00:00Z"), now: now) == original.minutes(on: time("2026-11-20T00:00:00Z"), now: now),
                sourceLocation: sourceLocation)
        #expect(try copy.openConditions() == original.openConditions(), sourceLocation: sourceLocation)
        #expect(try copy.freezes() == original.freezes(), sourceLocation: sourceLocation)
        #expect(try copy.riskPolicy() == original.riskPolicy(), sourceLocation: sourceLocation)
        #expect(try copy.verifications(forChange: "C1") == original.verifications(forChange: "C1"), sourceLocation: sourceLocation)
        #expect(try ["C2", "C9", "E1"].map { try copy.change(id: $0) } == ["C2", "C9", "E1"].map { try original.change(id: $0) },
                sourceLocation: sourceLocation)
        #expect(try copy.pirs() == original.pirs(), sourceLocation: sourceLocation)
        #expect(try copy.incident(id: "INC-4") == original.incident(id: "INC-4"), sourceLocation: sourceLocation)
    }

    @Test func aTeamsFileCopiesIntoPostgreSQLWithEveryTableAndTheSameFigures() throws {
        let sqlite = try usedStore()
        let postgres = try stores.postgres()
        let report = try StoreCopy.copy(from: sqlite, to: postgres, source: "cabinet.sqlite", target: "the shared store", replace: false, now: now)

        let counts = try sqlite.rowCounts()
        #expect(report.rows.map(\.table) == StoreTables.all.map(\.name))
        #expect(Dictionary(uniqueKeysWithValues: report.rows.map { ($0.table, $0.count) }) == counts)
        // Every kind of record was there to copy.
        #expect(StoreTables.all.map(\.name).filter { counts[$0] == 0 } == [])
        #expect(report.days == [7, 30, 90])
        try expectSame(postgres, as: sqlite)
        #expect(try postgres.minutes(on: time("2026-11-20T00:00:00Z"), now: now)?.items.first?.usedMilliseconds == 180_000)
        #expect(try postgres.openConditions().map(\.decision.id) == ["d"])
    }

    @Test func theCopyKeepsDecisionsAppendOnlyAndDecidingStillMovesTheState() throws {
        let postgres = try stores.postgres()
        _ = try StoreCopy.copy(from: try usedStore(), to: postgres, source: "cabinet.sqlite", target: "the shared store", replace: false, now: now)
        let error = #expect(throws: CabinetError.self) { try rawWrite("DELETE FROM decisions WHERE id = 'd'", in: postgres) }
        #expect(error?.description.contains(PortableSchema.appendOnly) == true)
        let review = #expect(throws: CabinetError.self) { try rawWrite("UPDATE pirs SET outcome = 'accepted'", in: postgres) }
        #expect(review?.description.contains(PortableSchema.pirsAppendOnly) == true)
        try postgres.record(Decision(id: "fix", change: "C9", outcome: .rejected, at: time("2026-11-20T10:00:00Z"), by: "priya",
                                     note: "conditions cannot be met", supersedes: "d"))
        #expect(try postgres.change(id: "C9")?.state == .canceled)
        #expect(try postgres.openConditions().isEmpty)
    }

    @Test func aSecondCopyIsRefusedNamingTheTargetUnlessAskedToReplaceIt() throws {
        let sqlite = try usedStore()
        let postgres = try stores.postgres()
        _ = try StoreCopy.copy(from: sqlite, to: postgres, source: "cabinet.sqlite", target: "the shared store", replace: false, now: now)
        try postgres.record(Decision(id: "later", change: "C1", outcome: .rejected, at: time("2026-11-21T10:00:00Z"), by: "priya",
                                     note: "rolled back", supersedes: try #require(try postgres.decisions(forChange: "C1").last).id))

        let refusal = #expect(throws: CabinetError.self) {
            try StoreCopy.copy(from: sqlite, to: postgres, source: "cabinet.sqlite", target: "the shared store", replace: false, now: now)
        }
        #expect(refusal?.description.hasPrefix("the shared store already holds records (") == true, "\(refusal.map(String.init(describing:)) ?? "")")
        #expect(refusal?.description.contains("10 decisions") == true)
        #expect(refusal?.description.hasSuffix("add --force to replace them") == true)
        #expect(try postgres.decisions(forChange: "C1").map(\.id).last == "later", "the refused copy changed the target")

        _ = try StoreCopy.copy(from: sqlite, to: postgres, source: "cabinet.sqlite", target: "the shared store", replace: true, now: now)
        try expectSame(postgres, as: sqlite)
        #expect(try postgres.decisions(forChange: "C1").map(\.id).contains("later") == false)
    }

    @Test func theSharedStoreCopiesBackIntoAFileAsTheSameRecords() throws {
        let sqlite = try usedStore()
        let postgres = try stores.postgres()
        _ = try StoreCopy.copy(from: sqlite, to: postgres, source: "cabinet.sqlite", target: "the shared store", replace: false, now: now)
        let back = try stores.sqlite()
        _ = try StoreCopy.copy(from: postgres, to: back, source: "the shared store", target: "back.sqlite", replace: false, now: now)
        try expectSame(back, as: sqlite)
    }

    @Test func aStatedStateSurvivesACopyBackIntoAFileThatIsReplaced() throws {
        // Imported with an approval but stated as still waiting: the copy must keep it so, not
        // let the file's decision trigger move it again.
        let json = """
            {"services": [{"name": "S1", "team": "alpha"}],
             "changes": [\(fixtureChange("K1", route: "cab", submitted: "2026-11-20T08:00:00Z").replacingOccurrences(of: "}", with: ", \"state\": \"authorize\"}"))],
             "decisions": [{"change": "K1", "outcome": "approved", "at": "2026-11-20T09:00:00Z", "by": "priya"}]}
            """
        let postgres = try stores.fresh(.postgres, holding: json)
        #expect(try postgres.change(id: "K1")?.state == .authorize)
        let back = try stores.fresh(.sqlite, holding: figureFixture)
        _ = try StoreCopy.copy(from: postgres, to: back, source: "the shared store", target: "back.sqlite", replace: true, now: now)
        #expect(try back.change(id: "K1")?.state == .authorize)
        #expect(try back.change(id: "C1") == nil)
        try expectSame(back, as: postgres)
        let error = #expect(throws: CabinetError.self) { try rawWrite("DELETE FROM decisions", in: back) }
        #expect(error?.description.contains(PortableSchema.appendOnly) == true, "the triggers were not put back: \(String(describing: error))")
        try shipAnEmergency(E1: back, meeting: nil)
        let review = #expect(throws: CabinetError.self) { try rawWrite("DELETE FROM pirs", in: back) }
        #expect(review?.description.contains(PortableSchema.pirsAppendOnly) == true, "the triggers were not put back: \(String(describing: review))")
    }
}
