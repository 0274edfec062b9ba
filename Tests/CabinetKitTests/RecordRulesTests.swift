import CabinetPostgres
import Foundation
import Testing
@testable import CabinetModel
@testable import CabinetStore

/// A decision must fit its change, whichever way it comes in: `cab decide` (the store's
/// `record`) and an import are held to the same rules.
@Suite struct RecordRulesTests {
    let stores = TestStores()

    func decision(_ change: String, _ outcome: Outcome, at: String = "2026-11-20T10:00:00Z", note: String? = nil, supersedes: String? = nil) -> Decision {
        Decision(id: "x-\(change)-\(outcome.rawValue)", change: change, outcome: outcome, at: time(at), by: "priya",
                 conditions: outcome == .approvedWithConditions ? "flag" : nil, note: note, supersedes: supersedes)
    }

    /// `decisions` as an import document on top of the figure fixture.
    func importing(_ decisions: String, into store: some SQLStore) throws {
        _ = try store.importDocument(try InterchangeReader.read(Data("{\"decisions\": [\(decisions)]}".utf8), source: "more.json"), source: "more.json")
    }

    @Test(arguments: Backend.allCases)
    func theBoardDoesNotDecidePipelineOrEmergencyChanges(backend: Backend) throws {
        let store = try stores.fresh(backend, holding: figureFixture)
        #expect(throws: CabinetError.refused("C8: C8 is on the pipeline route: it ships without a human gate, so nobody decides it")) {
            try store.record(decision("C8", .approved))
        }
        let emergency = #expect(throws: CabinetError.self) { try store.record(decision("C10", .approved)) }
        #expect(emergency?.description.contains("post-implementation review goes through the board's agenda") == true)
        #expect(throws: CabinetError.invalidRecord(source: "more.json", record: "decisions[0] (change C8)", field: "change",
                                                   problem: "C8 is on the pipeline route: it ships without a human gate, so nobody decides it")) {
            try importing(#"{"change": "C8", "outcome": "approved", "at": "2026-11-20T10:00:00Z", "by": "priya"}"#, into: store)
        }
        #expect(try store.decisions(forChange: "C8").isEmpty && store.decisions(forChange: "C10").isEmpty)
    }

    @Test(arguments: Backend.allCases)
    func nobodyDecidesAnImplementedChangeButARejectionCanBeCorrected(backend: Backend) throws {
        let store = try stores.fresh(backend, holding: figureFixture)
        try rawWrite("UPDATE changes SET state = 'closed' WHERE id = 'C9'", in: store)
        #expect(throws: CabinetError.refused("C9: C9 is already closed: nobody decides a change once it is implemented")) {
            try store.record(decision("C9", .approved))
        }
        // C3 was rejected (canceled): only a correction of that rejection may follow.
        let rejection = try #require(try store.decisions(forChange: "C3").last)
        try store.record(decision("C3", .approved, supersedes: rejection.id))
        #expect(try store.change(id: "C3")?.state == .scheduled)
    }

    @Test(arguments: Backend.allCases)
    func twoFirstDecisionsAtOnceAreRefusedInImportAsInDecide(backend: Backend) throws {
        let store = try stores.fresh(backend, holding: figureFixture)
        let error = #expect(throws: CabinetError.self) {
            try importing("""
                {"change": "C9", "outcome": "approved", "at": "2026-11-20T10:00:00Z", "by": "priya"},
                {"change": "C9", "outcome": "rejected", "at": "2026-11-20T10:00:00Z", "by": "sam", "note": "no"}
                """, into: store)
        }
        #expect(error?.description.hasPrefix("more.json: decisions[1] (change C9): supersedes: C9 was already decided by priya") == true, "\(String(describing: error))")
        #expect(try store.decisions(forChange: "C9").isEmpty)
        try store.record(decision("C9", .approved))
        #expect(throws: CabinetError.alreadyDecided(change: "C9", outcome: .approved, by: "priya", at: time("2026-11-20T10:00:00Z"))) {
            try store.record(Decision(id: "second", change: "C9", outcome: .rejected, at: time("2026-11-20T10:00:00Z"), by: "sam", note: "no"))
        }
    }

    @Test(arguments: Backend.allCases)
    func importRefusesWhatTheCommandLineRefuses(backend: Backend) throws {
        let store = try stores.fresh(backend, holding: figureFixture)
        #expect(throws: CabinetError.invalidRecord(source: "more.json", record: "decisions[0] (change C9)", field: "note", problem: "a rejection needs its reason")) {
            try importing(#"{"change": "C9", "outcome": "rejected", "at": "2026-11-20T10:00:00Z", "by": "priya"}"#, into: store)
        }
        #expect(throws: CabinetError.refused("C9: a rejection needs its reason")) { try store.record(decision("C9", .rejected)) }
        // Text typed on the board reaches the same rule as a document's.
        #expect(throws: CabinetError.refused("C9: note holds the control character U+001B at character 3 (only tab and line breaks are allowed)")) {
            try store.record(decision("C9", .rejected, note: "no\u{1B}[2J"))
        }
        let early = #"{"incidents": [{"id": "INC-9", "openedAt": "2026-11-01T00:00:00Z", "severity": "sev2", "causedBy": ["C9"], "services": ["S1"]}]}"#
        #expect(throws: CabinetError.invalidRecord(source: "early.json", record: "incidents[0] (id INC-9)", field: "causedBy",
                                                   problem: "C9 was submitted at 2026-11-09T01:00:00Z, after the incident opened (2026-11-01T00:00:00Z)")) {
            _ = try store.importDocument(try InterchangeReader.read(Data(early.utf8), source: "early.json"), source: "early.json")
        }
    }
}

/// On PostgreSQL a member's change is routed by the rules, by cab and by the server alike.
@Suite(.serialized) struct MemberRouteTests {
    let stores = TestStores()

    func schemaChange(owner: String, route: String, state: String? = nil) -> String {
        """
        {"changes": [{ "id": "IAM-1", "title": "Drop the IAM column", "owner": "\(owner)", "team": "alpha", "type": "normal",
          "category": "database-schema", "risk": "high", "route": "\(route)", \(state.map { "\"state\": \"\($0)\"," } ?? "") "services": ["S1"],
          "touches": ["iam"], "blastRadius": "S1", "rollbackPlan": "restore", "rollbackMinutes": 3, "verification": "logins work",
          "windowStart": "2026-12-01T10:00:00Z", "windowEnd": "2026-12-01T11:00:00Z", "submittedAt": "2026-11-20T08:00:00Z" }]}
        """
    }

    @Test func aMemberCannotRouteAHighRiskSchemaChangeAroundTheBoard() throws {
        let admin = try stores.postgres()
        _ = try admin.importDocument(try InterchangeReader.read(Data(#"{"services": [{"name": "S1", "team": "alpha"}]}"#.utf8), source: "s.json"))
        try PostgresRoles.initialize(admin)
        let member = try stores.login(.member, named: "member", on: admin)
        let json = schemaChange(owner: member.name, route: "pipeline")
        #expect(throws: CabinetError.invalidRecord(source: "iam.json", record: "changes[0] (id IAM-1)", field: "route",
                                                   problem: "only a chair can state a route: the routing rules give cab for IAM-1")) {
            _ = try member.store.importDocument(try InterchangeReader.read(Data(json.utf8), source: "iam.json"), source: "iam.json")
        }
        let closed = schemaChange(owner: member.name, route: "cab", state: "closed")
        #expect(throws: CabinetError.invalidRecord(source: "iam.json", record: "changes[0] (id IAM-1)", field: "state",
                                                   problem: "only a chair can state a state past new (closed)")) {
            _ = try member.store.importDocument(try InterchangeReader.read(Data(closed.utf8), source: "iam.json"), source: "iam.json")
        }
        // The server refuses it too, to raw SQL on the member's own connection.
        #expect(throws: CabinetError.self) {
            try rawWrite("""
                INSERT INTO changes (id, title, owner, team, type, category, risk, route, blast_radius, rollback_plan, verification, submitted_at, state)
                VALUES ('RAW-1', 'raw', ?, 'alpha', 'normal', 'database-schema', 'high', 'pipeline', 'b', 'r', 'v', 1763625600000, 'scheduled')
                """, [.text(member.name)], in: member.store)
        }
        #expect(try admin.change(id: "IAM-1") == nil && admin.change(id: "RAW-1") == nil)
        // As the rules route it, the member's change goes in, to the board.
        _ = try member.store.importDocument(try InterchangeReader.read(Data(schemaChange(owner: member.name, route: "cab").utf8), source: "iam.json"))
        #expect(try admin.change(id: "IAM-1")?.route == .cab)
    }
}
