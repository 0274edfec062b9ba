import CabinetPostgres
import Foundation
import Testing
@testable import CabinetModel
@testable import CabinetStore

/// The roles PostgreSQL itself enforces: each person signs in as their own login, and what the
/// login may not do is refused by the server, even to raw SQL on that person's own connection.
/// Serialized: the group roles are the cluster's, and two initializations at once race to create them.
@Suite(.serialized) struct PostgresRoleTests {
    let stores = TestStores()

    /// A team on a fresh database: the superuser's store, a login per role (two members), and a
    /// change waiting for the board owned by each member (M1 by `member`, O1 by `other`).
    struct Team {
        var admin: PostgresStore
        var member: (name: String, store: PostgresStore)
        var other: (name: String, store: PostgresStore)
        var chair: (name: String, store: PostgresStore)
        var reader: (name: String, store: PostgresStore)
    }

    func team() throws -> Team {
        let admin = try stores.postgres()
        try PostgresRoles.initialize(admin)
        let team = Team(admin: admin, member: try stores.login(.member, named: "member", on: admin),
                        other: try stores.login(.member, named: "other", on: admin), chair: try stores.login(.chair, named: "chair", on: admin),
                        reader: try stores.login(.reader, named: "reader", on: admin))
        let json = """
            {"services": [{"name": "S1", "team": "alpha"}],
             "changes": [\(change("M1", owner: team.member.name)), \(change("O1", owner: team.other.name))]}
            """
        _ = try admin.importDocument(try InterchangeReader.read(Data(json.utf8), source: "team.json"), source: "team.json")
        return team
    }

    func change(_ id: String, owner: String) -> String {
        fixtureChange(id, route: "cab", submitted: "2026-11-20T08:00:00Z").replacingOccurrences(of: "\"owner\": \"owner\"", with: "\"owner\": \"\(owner)\"")
    }

    func submission(_ id: String, owner: String) throws -> InterchangeDocument {
        try InterchangeReader.read(Data("{\"changes\": [\(change(id, owner: owner))]}".utf8), source: "\(id).json")
    }

    @Test func aChairsLoginSyncsAReimportAndAMembersIsRefused() throws {
        let team = try team()
        let first = ConnectorSyncStoreTests.export(backout: "Drop the index", service: "orders-db", approval: "requested", at: "")
        _ = try ConnectorSyncStoreTests.sync(first, into: team.chair.store)
        let newer = ConnectorSyncStoreTests.export(backout: "Drop it concurrently", service: "orders-replica", approval: "requested", at: "")
            .replacingOccurrences(of: "Add index", with: "Add the orders index")
        // A member's login may not rewrite the title, the services or the link of a change it does not own.
        #expect(throws: CabinetError.self) { try ConnectorSyncStoreTests.sync(newer, into: team.member.store) }
        // The chair's may: title, four fields and services, and the link, in one transaction.
        let batch = try ConnectorSyncStoreTests.sync(newer, into: team.chair.store)
        #expect(batch.report.updated.first?.fields == ["title", "rollbackPlan", "services"])
        let change = try #require(try team.admin.change(id: "servicenow:CHG0030001"))
        #expect(change.title == "Add the orders index" && change.rollbackPlan == "Drop it concurrently" && change.services == ["orders-replica"])
        #expect(try team.admin.exportDocument().sourceLinks.first?.fingerprint == SourceLink.fingerprint(of: change))
        // A merge after the first import: the chair's re-import records the deployment. (Only a comment, no
        // approving review: a decision recorded by `github` is not in the chair's own name, which the server refuses.)
        let pull = { (merged: String?) in
            Array(ConnectorSyncStoreTests.pull(mergedAt: merged).replacingOccurrences(of: "\"APPROVED\"", with: "\"COMMENTED\"").utf8)
        }
        for merged in [nil, "2026-11-27T14:05:00Z"] {
            let export = try GitHubAdapter.read([(name: "pr.json", bytes: pull(merged))], rules: PathRules())
            _ = try team.chair.store.importBatch(try export.batch(stored: try team.chair.store.storedRecords(ids: export.ids)), source: "pr.json")
        }
        #expect(try team.admin.change(id: "github:acme/shop#123")?.deployedAt == time("2026-11-27T14:05:00Z"))
    }

    @Test func aMemberCannotRecordADecisionEvenWithRawSQLOnTheirOwnConnection() throws {
        let team = try team()
        let onlyChairs = CabinetError.forbidden("only a chair can record decisions")
        #expect(throws: onlyChairs) {
            try rawWrite("INSERT INTO decisions (id, change_id, outcome, at, by) VALUES (?, ?, ?, ?, ?)",
                         [.text("sneaky"), .text("M1"), .text("approved"), SQLValue(time("2026-11-20T09:00:00Z")), .text(team.member.name)],
                         in: team.member.store)
        }
        #expect(throws: onlyChairs) {
            try team.member.store.record(Decision(id: "d1", change: "M1", outcome: .approved, at: time("2026-11-20T09:00:00Z"), by: team.member.name))
        }
        #expect(throws: onlyChairs) {
            try team.member.store.record(Decision(id: "d2", change: "M1", outcome: .approved, at: time("2026-11-20T09:00:00Z"), by: team.chair.name))
        }
        #expect(throws: CabinetError.forbidden("only a chair can run the meeting and its clock")) {
            _ = try team.member.store.openMeeting(Meeting(date: "2026-11-20", chair: team.member.name))
        }
        #expect(try team.admin.rowCounts()["decisions"] == 0)
        #expect(try team.admin.rowCounts()["meetings"] == 0)
        #expect(try team.admin.change(id: "M1")?.state == .authorize)
    }

    /// The owner of the tables is refused too while the triggers are on; switching them off is
    /// what `cab audit` finds (see DecisionLogTests).
    @Test func aChairRecordsDecisionsThatNobodyCanUpdateOrDeleteWhileTheTriggersHold() throws {
        let team = try team()
        let decision = Decision(id: "d1", change: "M1", outcome: .approved, at: time("2026-11-20T09:00:00Z"), by: team.chair.name,
                                recordedBy: team.chair.name)
        try team.chair.store.record(decision)
        // Stored as recorded, with the risk score the change had then.
        let stored = try team.admin.decisions(forChange: "M1")
        var scored = decision
        scored.riskScore = stored.first?.riskScore
        #expect(scored.riskScore != nil && stored == [scored])
        #expect(try team.admin.change(id: "M1")?.state == .scheduled)

        for sql in ["UPDATE decisions SET outcome = 'rejected'", "DELETE FROM decisions"] {
            #expect(throws: CabinetError.self, "the chair: \(sql)") { try rawWrite(sql, in: team.chair.store) }
            let error = #expect(throws: CabinetError.self, "the owner: \(sql)") { try rawWrite(sql, in: team.admin) }
            #expect(error?.description.contains(PortableSchema.appendOnly) == true, "the owner: \(sql)")
        }
        #expect(try team.admin.decisions(forChange: "M1") == [scored])
        #expect(try team.admin.change(id: "M1")?.state == .scheduled)
    }

    @Test func aChairRecordsDecisionsOnlyInTheirOwnName() throws {
        let team = try team()
        #expect(throws: CabinetError.forbidden("a chair records decisions in their own name: the name on the decision (--by, else CAB_USER) must be the database login")) {
            try team.chair.store.record(Decision(id: "d1", change: "M1", outcome: .approved, at: time("2026-11-20T09:00:00Z"), by: team.member.name))
        }
        #expect(try team.admin.rowCounts()["decisions"] == 0)
    }

    /// Agenda control writes the meeting's tables: the chair's grants cover the v10 columns, and a
    /// member's writes are refused by the server.
    @Test func aChairControlsTheAgendaAndAMemberCannot() throws {
        let team = try team()
        let day = "2026-11-20"
        try team.chair.store.startMeeting(on: day, at: time("2026-11-20T09:00:00Z"), opening: Meeting(date: day, chair: team.chair.name))
        let late = change("L1", owner: team.member.name).replacingOccurrences(of: "2026-11-20T08:00:00Z", with: "2026-11-20T09:30:00Z")
        _ = try team.member.store.importDocument(try InterchangeReader.read(Data("{\"changes\": [\(late)]}".utf8), source: "L1.json"))
        let onlyChairs = CabinetError.forbidden("only a chair can run the meeting and its clock")
        #expect(throws: onlyChairs) {
            _ = try team.member.store.addToAgenda(on: day, change: "L1", reason: "mine is urgent", by: team.member.name, at: time("2026-11-20T10:00:00Z"))
        }
        #expect(throws: onlyChairs) { try team.member.store.setNotes(on: day, change: "M1", notes: "sneaky") }
        _ = try team.chair.store.addToAgenda(on: day, change: "L1", reason: "urgent", by: team.chair.name, at: time("2026-11-20T10:00:00Z"))
        #expect(try team.chair.store.moveAgendaItem(on: day, change: "L1", to: 1).map(\.change) == ["L1", "M1", "O1"])
        try team.chair.store.setNotes(on: day, change: "L1", notes: "watch the error rate")
        try team.chair.store.addAttendee(on: day, Attendee(name: "dana", role: .downstream, present: true, speaksFor: "alpha"), opening: nil)
        let meeting = try #require(try team.reader.store.boardSnapshot(on: time("2026-11-20T00:00:00Z"), now: time("2026-11-20T10:01:00Z")).meeting)
        #expect(meeting.items.first?.notes == "watch the error rate" && meeting.attendees.last?.speaksFor == "alpha")
    }

    /// E1 shipped overnight; at the meeting only a chair records its review, in their own name,
    /// and nobody changes it afterwards.
    @Test func onlyAChairRecordsAnEmergencysReviewInTheirOwnNameAndItStaysAsRecorded() throws {
        let team = try team()
        let emergency = fixtureChange("E1", route: "emergency", submitted: "2026-11-20T08:00:00Z")
            .replacingOccurrences(of: "\"type\": \"normal\"", with: "\"type\": \"emergency\", \"deployedAt\": \"2026-11-20T08:30:00Z\"")
        _ = try team.admin.importDocument(try InterchangeReader.read(Data("{\"changes\": [\(emergency)]}".utf8), source: "e1.json"), source: "e1.json")
        let at = time("2026-11-20T09:00:00Z")
        #expect(throws: CabinetError.forbidden("only a chair can record a post-implementation review")) {
            try team.member.store.record(PostImplementationReview(change: "E1", outcome: .accepted, at: at, by: team.member.name), clocks: [], on: "2026-11-20")
        }
        #expect(throws: CabinetError.self) {
            try team.chair.store.record(PostImplementationReview(change: "E1", outcome: .accepted, at: at, by: team.member.name), clocks: [], on: "2026-11-20")
        }
        let review = PostImplementationReview(change: "E1", outcome: .accepted, at: at, by: team.chair.name)
        try team.chair.store.record(review, clocks: [], on: "2026-11-20")
        for sql in ["UPDATE pirs SET outcome = 'follow-up-required'", "DELETE FROM pirs"] {
            #expect(throws: CabinetError.self, "the chair: \(sql)") { try rawWrite(sql, in: team.chair.store) }
            let error = #expect(throws: CabinetError.self, "the owner: \(sql)") { try rawWrite(sql, in: team.admin) }
            #expect(error?.description.contains(PortableSchema.pirsAppendOnly) == true, "the owner: \(sql)")
        }
        #expect(try team.admin.pirs() == [review])
    }

    @Test func aMemberCannotSubmitAChangeThatLooksDecided() throws {
        let team = try team()
        let columns = "id, title, owner, team, type, category, risk, route, blast_radius, rollback_plan, verification, submitted_at, state"
        let values = "?, 't', ?, 'alpha', 'normal', 'single-service', 'low', 'cab', 'b', 'r', 'v', 1, 'authorize'"
        #expect(throws: CabinetError.forbidden("only members and chairs submit changes, and only with what a submission holds: decisions set the rest")) {
            try rawWrite("INSERT INTO changes (\(columns), first_decision_at, first_outcome, approved_at) VALUES (\(values), 2, 'approved', 2)",
                         [.text("F1"), .text(team.member.name)], in: team.member.store)
        }
        #expect(try team.admin.change(id: "F1") == nil)
        // The same submission without what only a decision sets goes in.
        try rawWrite("INSERT INTO changes (\(columns)) VALUES (\(values))", [.text("F2"), .text(team.member.name)], in: team.member.store)
        #expect(try team.admin.change(id: "F2")?.owner == team.member.name)
    }

    @Test func aMemberEditsTheFourFieldsOfTheirOwnChangeButNotSomeoneElses() throws {
        let team = try team()
        let edited = try team.member.store.editChange("M1", ChangeEdit(blastRadius: "S1 only", rollbackPlan: "flag off"), by: team.member.name)
        #expect(try team.admin.change(id: "M1") == edited)
        #expect(edited.blastRadius == "S1 only" && edited.rollbackPlan == "flag off")

        let untouched = try #require(try team.admin.change(id: "O1"))
        let refusal = CabinetError.forbidden("only the owner of O1 (\(team.other.name)) or a chair can edit it")
        #expect(throws: refusal) { _ = try team.member.store.editChange("O1", ChangeEdit(blastRadius: "mine now"), by: team.member.name) }
        // Naming the owner changes nothing: the server knows who signed in.
        #expect(throws: refusal) { _ = try team.member.store.editChange("O1", ChangeEdit(blastRadius: "mine now"), by: team.other.name) }
        // Raw SQL on the member's own connection does not even see the row to update.
        try rawWrite("UPDATE changes SET blast_radius = 'mine now' WHERE id = 'O1'", in: team.member.store)
        #expect(try team.admin.change(id: "O1") == untouched)

        // Beyond the four fields, not even their own change.
        #expect(throws: CabinetError.self) { try rawWrite("UPDATE changes SET state = 'closed' WHERE id = 'M1'", in: team.member.store) }
        #expect(throws: CabinetError.self) { try rawWrite("UPDATE changes SET owner = ? WHERE id = 'O1'", [.text(team.member.name)], in: team.member.store) }
        #expect(try team.admin.change(id: "M1") == edited)
        #expect(try team.admin.change(id: "O1") == untouched)

        let chaired = try team.chair.store.editChange("O1", ChangeEdit(verification: "smoke tests"), by: team.chair.name)
        #expect(try team.admin.change(id: "O1") == chaired)
    }

    @Test func aMemberSubmitsChangesInTheirOwnNameOnly() throws {
        let team = try team()
        #expect(try team.member.store.importDocument(try submission("M2", owner: team.member.name), source: "M2.json").changes == 1)
        #expect(try team.admin.change(id: "M2")?.owner == team.member.name)
        #expect(throws: CabinetError.forbidden("a member can submit and edit only their own changes (the owner must be you)")) {
            _ = try team.member.store.importDocument(try submission("M3", owner: team.other.name), source: "M3.json")
        }
        #expect(try team.admin.change(id: "M3") == nil)
    }

    /// The service summary is written by the triggers as the tables' owner: a member's submission
    /// counts in it, but the member cannot write it, even with raw SQL.
    @Test func aMembersSubmissionCountsInTheServiceSummaryThatOnlyTheTriggersWrite() throws {
        let team = try team()
        #expect(try team.member.store.importDocument(try submission("M2", owner: team.member.name), source: "M2.json").changes == 1)
        let submitted = try #require(try team.member.store.change(id: "M2"))
        // S1: M1, O1 and M2.
        #expect(try team.member.store.riskContext(for: [submitted], now: time("2026-11-20T09:00:00Z")).history["S1"]?.changes == 3)
        #expect(throws: CabinetError.self) {
            try rawWrite("UPDATE service_history SET change_count = 0", in: team.member.store)
        }
        #expect(throws: CabinetError.self) {
            try rawWrite("UPDATE service_history SET change_count = 0", in: team.chair.store)
        }
        #expect(try team.admin.auditSummaries() == nil)
    }

    /// The routes' weekly summary too: a chair's decision moves it as the tables' owner, and
    /// neither a member nor the chair can write it, even with raw SQL.
    @Test func aChairsDecisionCountsInTheRoutesWeekThatOnlyTheTriggersWrite() throws {
        let team = try team()
        try team.chair.store.record(Decision(id: "d1", change: "M1", outcome: .approved, at: time("2026-11-20T09:00:00Z"), by: team.chair.name))
        // M1 and O1 were submitted, and M1 approved on first decision, in the week of 16 November.
        let week = try Period(since: time("2026-11-16T00:00:00Z"), until: time("2026-11-23T00:00:00Z"))
        #expect(WeekSplit(week).edges.isEmpty)
        let figures = try team.reader.store.figures(for: week)
        #expect(figures.board.reviewed == 1 && figures.board.passedThrough == 1 && figures.figures(for: .cab)?.submitted == 2)
        // A reader reads the summary row itself: first decisions approved 1, submitted 2.
        #expect(try team.reader.store.reading { db in
            try db.rows("SELECT first_approved, submitted FROM route_weeks WHERE route = 'cab'") { [try $0.int(0), try $0.int(1)] }
        } == [[1, 2]])
        for store in [team.member.store, team.chair.store] {
            #expect(throws: CabinetError.self) { try rawWrite("UPDATE route_weeks SET submitted = 0", in: store) }
            #expect(throws: CabinetError.self) { try rawWrite("DELETE FROM route_weeks", in: store) }
        }
        #expect(try team.admin.auditSummaries() == nil)
    }

    @Test func aReaderReadsButCannotSubmitAChange() throws {
        let team = try team()
        #expect(try team.reader.store.change(id: "M1")?.owner == team.member.name)
        #expect(try team.reader.store.queue(on: time("2026-11-20T00:00:00Z"), now: time("2026-11-20T09:00:00Z")).map(\.change.id) == ["M1", "O1"])
        #expect(throws: CabinetError.forbidden("only members and chairs submit changes, and only with what a submission holds: decisions set the rest")) {
            _ = try team.reader.store.importDocument(try submission("R1", owner: team.reader.name), source: "R1.json")
        }
        #expect(throws: CabinetError.self) {
            _ = try team.reader.store.editChange("M1", ChangeEdit(blastRadius: "x"), by: team.member.name)
        }
        #expect(try team.admin.change(id: "R1") == nil)
        #expect(try team.admin.rowCounts()["changes"] == 2)
    }
}
