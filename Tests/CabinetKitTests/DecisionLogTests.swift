import CabinetPostgres
import Foundation
import Testing
@testable import cab
@testable import CabinetModel
@testable import CabinetStore

/// The decision log is tamper-evident: each decision is chained to the one before it by hash,
/// so an owner of the database who gets around the triggers still leaves a trace `cab audit` finds.
@Suite struct DecisionLogTests {
    let stores = TestStores()

    /// What only the owner of the file or the tables can do: write with the triggers off.
    func asTheOwner(_ sql: String, in store: some SQLStore) throws(CabinetError) {
        try store.writing { db in
            if store is PostgresStore {
                try db.execute("ALTER TABLE decisions DISABLE TRIGGER USER")
                try db.execute(sql)
                try db.execute("ALTER TABLE decisions ENABLE TRIGGER USER")
            } else {
                try db.execute("DROP TRIGGER decisions_are_not_updated")
                try db.execute("DROP TRIGGER decisions_are_not_deleted")
                try db.execute(sql)
            }
        }
    }

    func decisionOf(_ change: String, in store: some SQLStore) throws -> Decision {
        try #require(try store.decisions(forChange: change).last)
    }

    @Test func replaceIntoCannotRewriteADecisionOnSQLite() throws {
        let store = try stores.fresh(.sqlite, holding: figureFixture)
        for verb in ["REPLACE INTO", "INSERT OR REPLACE INTO"] {
            let sql = "\(verb) decisions (id, change_id, outcome, at, by, seq) SELECT id, change_id, 'approved', at, 'nobody', seq FROM decisions WHERE change_id = 'C3'"
            let error = #expect(throws: CabinetError.self, "\(verb)") { try rawWrite(sql, in: store) }
            #expect(error?.description.contains(PortableSchema.appendOnly) == true, "\(verb): \(String(describing: error))")
        }
        // Replacing on the decision's number instead of its id would delete it just the same.
        let byNumber = "REPLACE INTO decisions (id, change_id, outcome, at, by, seq) SELECT 'forged', change_id, 'approved', at, by, seq FROM decisions WHERE change_id = 'C3'"
        let error = #expect(throws: CabinetError.self) { try rawWrite(byNumber, in: store) }
        #expect(error?.description.contains(PortableSchema.appendOnly) == true, "\(String(describing: error))")
        #expect(try store.decisions(forChange: "C3").map(\.outcome) == [.rejected])
        #expect(try store.auditDecisionLog(expecting: nil).intact)
    }

    @Test(arguments: Backend.allCases)
    func anUntouchedLogIsIntactAndEachDecisionMovesItsHead(backend: Backend) throws {
        let store = try stores.fresh(backend, holding: figureFixture)
        let before = try store.auditDecisionLog(expecting: nil)
        #expect(before.intact && before.head.count == 8)
        try store.record(Decision(id: "d9", change: "C9", outcome: .approved, at: time("2026-11-20T10:00:00Z"), by: "priya"))
        let after = try store.auditDecisionLog(expecting: before.head.hash)
        #expect(after.intact && after.head.count == 9 && after.passesThroughExpected == true)
        #expect(after.head.hash != before.head.hash)
        #expect(try store.decisionLog() == after.head)
    }

    @Test(arguments: Backend.allCases)
    func aRejectionTurnedIntoAnApprovalByTheOwnerIsFound(backend: Backend) throws {
        let store = try stores.fresh(backend, holding: figureFixture)
        let rejection = try decisionOf("C3", in: store)
        try asTheOwner("UPDATE decisions SET outcome = 'approved', note = NULL WHERE change_id = 'C3'", in: store)
        let audit = try store.auditDecisionLog(expecting: nil)
        #expect(!audit.intact)
        #expect(audit.firstBreak?.decision == rejection.id && audit.firstBreak?.change == "C3" && audit.firstBreak?.problem == .altered)
        #expect(AuditText.verdict(audit).contains("change C3") && AuditText.verdict(audit).contains("altered"))
    }

    @Test(arguments: Backend.allCases)
    func aDecisionRemovedFromTheMiddleIsFoundAtTheOneAfterIt(backend: Backend) throws {
        let store = try stores.fresh(backend, holding: figureFixture)
        let order = try store.reading { db in try DecisionRows.fetchInOrder(db) }
        try asTheOwner("DELETE FROM decisions WHERE id = '\(order[3].id)'", in: store)
        let audit = try store.auditDecisionLog(expecting: nil)
        #expect(audit.firstBreak?.decision == order[4].id && audit.firstBreak?.problem == .doesNotFollow)
    }

    @Test(arguments: Backend.allCases)
    func decisionsCutOffTheEndShowOnlyAgainstAHashPrintedEarlier(backend: Backend) throws {
        let store = try stores.fresh(backend, holding: figureFixture)
        let printed = try store.decisionLog()
        let last = try store.reading { db in try DecisionRows.fetchInOrder(db) }.last
        try asTheOwner("DELETE FROM decisions WHERE id = '\(try #require(last).id)'", in: store)
        #expect(try store.auditDecisionLog(expecting: nil).intact, "a shorter chain is still whole")
        let audit = try store.auditDecisionLog(expecting: printed.hash)
        #expect(!audit.intact && audit.passesThroughExpected == false)
        #expect(AuditText.verdict(audit).contains("no longer passes through \(printed.hash)"))
    }

    @Test(arguments: Backend.allCases)
    func aDecisionWrittenAroundCabHasNoLink(backend: Backend) throws {
        let store = try stores.fresh(backend, holding: figureFixture)
        try rawWrite("INSERT INTO decisions (id, change_id, outcome, at, by, seq) VALUES ('forged', 'C9', 'approved', 1763700000000, 'cto', 99)", in: store)
        let audit = try store.auditDecisionLog(expecting: nil)
        #expect(audit.firstBreak?.decision == "forged" && audit.firstBreak?.problem == .unlinked)
    }

    @Test func theChainHashesAFixedEncodingWorkedByHand() throws {
        // SHA-256 of 64 zeros then "cabinet-decision/1\n+2:d1\n+2:C1\n+8:approved\n+13:1763712000000\n+5:priya\n-\n-\n-\n+4:root\n",
        // computed with `printf … | sha256sum`.
        let decision = Decision(id: "d1", change: "C1", outcome: .approved, at: Timestamp(milliseconds: 1_763_712_000_000), by: "priya", recordedBy: "root")
        #expect(DecisionChain.link(decision, previous: DecisionChain.genesis, rule: 1) == "3a5c7d5438e0a12766b729b7373a5206596fec43c8c851d6f12dc01fa50bc455")
        #expect(DecisionChain.link(decision, previous: DecisionChain.genesis, rule: 3) == nil)
    }

    @Test func ruleTwoAlsoHashesTheRiskScoreInMillionthsWorkedByHand() throws {
        // Rule 2: "cabinet-decision/2\n", the nine lines of rule 1, then the score 0.0123 as
        // 12300 millionths ("+5:12300\n"), or "-\n" without a score; `printf … | sha256sum`.
        var decision = Decision(id: "d1", change: "C1", outcome: .approved, at: Timestamp(milliseconds: 1_763_712_000_000), by: "priya",
                                recordedBy: "root", riskScore: 0.0123)
        #expect(DecisionChain.link(decision, previous: DecisionChain.genesis) == "ae3a4edad62b72e877fb47fa7a57b289e5190e750c443eb708bc9bf5a2e4f13b")
        decision.riskScore = nil
        #expect(DecisionChain.link(decision, previous: DecisionChain.genesis, rule: 2) == "a34e88ece1e24f87616f2b86a63acbe6354cd9326a582f1dfaddfdf144643047")
        // Rule 1 does not see the score: a decision recorded before it keeps verifying.
        decision.riskScore = 0.5
        #expect(DecisionChain.link(decision, previous: DecisionChain.genesis, rule: 1) == "3a5c7d5438e0a12766b729b7373a5206596fec43c8c851d6f12dc01fa50bc455")
    }
}
