import Foundation
import Testing
@testable import CabinetModel
@testable import CabinetStore

/// An import checks its decisions and incidents 500 at a time (`ImportSession.runSize`): one
/// query per run for the changes they name and one for the decisions around them, not one per
/// record (on PostgreSQL each query is a round trip). A decision still sees every decision
/// written before it, in the same run or an earlier one, and a bad record anywhere in a run
/// leaves the store as it was.
@Suite struct ImportRunsTests {
    let streaming = StreamedImportTests()
    let stores = TestStores()

    /// A connection that counts what it passes on to the engine: reads, and every other statement.
    final class CountingDatabase<Base: SQLDatabase>: SQLDatabase {
        typealias Row = Base.Row
        let base: Base
        private(set) var reads = 0
        private(set) var writes = 0

        init(_ base: Base) { self.base = base }

        var dialect: SQLDialect { base.dialect }
        func execute(_ sql: String, _ arguments: [SQLValue]) throws {
            writes += 1
            try base.execute(sql, arguments)
        }
        func forEachRow(_ sql: String, _ arguments: [SQLValue], _ body: (Base.Row) throws -> Void) throws {
            reads += 1
            try base.forEachRow(sql, arguments, body)
        }
        func forEachRowOfLargeResult(_ sql: String, _ body: (Base.Row) throws -> Void) throws {
            reads += 1
            try base.forEachRowOfLargeResult(sql, body)
        }
    }

    /// Imports `json` as `cab import` does into PostgreSQL (rows held and sent 500 a statement),
    /// counting the statements that reach the engine.
    func statements(importing json: String, into store: some SQLStore) throws -> (reads: Int, writes: Int, summary: ImportSummary) {
        let records = try StreamedDocument(path: try streaming.file(Data(json.utf8)), source: "d.json")
        let now = try Timestamp(iso8601: "2026-11-29T08:00:00Z")
        return try store.writing { db in
            let server = CountingDatabase(db)
            let connection = BufferedInserts(server)
            var session = ImportSession(db: connection, records: records, source: "d.json", recorder: "chair", now: now, submitterIsChair: true)
            _ = try session.run(storedRoles: [:])
            try connection.flush()
            return (server.reads, server.writes, session.summary)
        }
    }

    var services: String { streaming.services }
    func changes(_ numbers: ClosedRange<Int>) -> String {
        numbers.map { streaming.change("C\($0)") }.joined(separator: ",\n")
    }

    /// A decision on `change` on 2026-11-20 at `time`.
    func decision(_ change: String, _ outcome: String = "approved", at time: String = "10:00", by: String = "priya",
                  supersedes: String? = nil, note: String? = nil) -> String {
        let extra = (supersedes.map { #", "supersedes": "\#($0)""# } ?? "") + (note.map { #", "note": "\#($0)""# } ?? "")
        return #"{"change": "\#(change)", "outcome": "\#(outcome)", "at": "2026-11-20T\#(time):00Z", "by": "\#(by)"\#(extra)}"#
    }

    func incident(_ number: Int) -> String {
        #"{"id": "I\#(number)", "openedAt": "2026-11-21T00:00:00Z", "severity": "sev3", "causedBy": ["C\#(number)"], "services": ["S1"]}"#
    }

    /// 1,200 decisions and 1,200 incidents against one of each: the reads grow by the runs, not
    /// by the records. A per-record import reads each decision's change and history (2,398 reads
    /// more), each incident's blamed change (1,199) and each new incident's review (2,398).
    @Test(arguments: Backend.allCases)
    func twelveHundredDecisionsAndIncidentsAreCheckedInRunsOfFiveHundred(backend: Backend) throws {
        func document(_ count: Int) -> String {
            let decisions = (1...count).map { decision("C\($0)") }.joined(separator: ",\n")
            let incidents = (1...count).map(incident).joined(separator: ",\n")
            return "{\"decisions\": [\(decisions)],\n\"incidents\": [\(incidents)]}"
        }
        let submitted = "{\(services), \"changes\": [\(changes(1...1_200))]}"
        let (one, many) = (try stores.fresh(backend), try stores.fresh(backend))
        _ = try streaming.streamed(submitted, into: one)
        _ = try streaming.streamed(submitted, into: many)

        let single = try statements(importing: document(1), into: one)
        let all = try statements(importing: document(1_200), into: many)
        #expect([single.summary.decisions, single.summary.incidents] == [1, 1] as [Int])
        #expect([all.summary.decisions, all.summary.incidents] == [1_200, 1_200] as [Int])
        // Three runs of each instead of one, two more each: three reads a run of decisions (their
        // changes, which of them this import added, the decisions around them), two a run of
        // incidents (the changes they blame, which of the incidents this import added) and one a
        // run of the new incidents' reviews to open: 2 × (3 + 2 + 1) = 12.
        #expect(all.reads - single.reads == 12)
        // The 6,000 rows (a decision; an incident, its cause, its service and its line in the
        // import's ledger) go in 500 a statement, the last 200 of each table as 128 + 64 + 8:
        // 5 statements for each of the five tables against 1 each for one of each, 5 × 4 = 20 more.
        #expect(all.writes - single.writes == 20)
        #expect(try many.auditDecisionLog(expecting: nil).intact)
        #expect(try many.change(id: "C1200")?.state == .scheduled)

        // Imported again, everything already stored: the same three reads a run of decisions, and
        // for a run of incidents the changes they blame, the ledger and the stored incidents
        // (three queries: the incidents, their causes, their services): 2 × (3 + 5) = 16 more;
        // nothing written.
        let singleAgain = try statements(importing: document(1), into: one)
        let allAgain = try statements(importing: document(1_200), into: many)
        #expect(allAgain.summary.unchanged == 2_400)
        #expect(allAgain.reads - singleAgain.reads == 16)
        #expect(allAgain.writes == singleAgain.writes)
    }

    /// What an import added is kept in the store's ledger, not in memory, and read a run at a
    /// time: a change given again 600 records later is compared with the copy the import wrote
    /// (the same: already stored; other content: refused, naming the first copy). The ledger is
    /// gone once the import commits, and with a refused one.
    @Test(arguments: Backend.allCases)
    func aChangeGivenAgainInALaterRunIsComparedWithTheCopyTheImportWrote(backend: Backend) throws {
        let store = try stores.fresh(backend)
        let again = "{\(services), \"changes\": [\(changes(1...600)), \(streaming.change("C1"))]}"
        let summary = try streaming.streamed(again, into: store)
        #expect([summary.changes, summary.unchanged] == [600, 1] as [Int])
        let other = "{\(services), \"changes\": [\(changes(601...1_200)), \(streaming.change("C601", title: "Other"))]}"
        #expect(throws: CabinetError.invalidRecord(source: "d.json", record: "changes[600] (id C601)", field: "title",
                                                   problem: "duplicate of changes[0] with different content")) {
            try streaming.streamed(other, into: store)
        }
        #expect(try store.change(id: "C601") == nil)
        #expect(throws: CabinetError.self) { try store.writing { db in try db.strings("SELECT id FROM \(ImportLedger.table)") } }
    }

    /// Into a store that holds changes and an incident already: a change and an incident given
    /// twice in one run are compared with the copy the run wrote (the same: already stored; other
    /// content: refused naming the first copy), the others with what the store held before.
    @Test(arguments: Backend.allCases)
    func aRecordGivenTwiceInOneRunIsComparedWithTheCopyTheRunWrote(backend: Backend) throws {
        let store = try stores.fresh(backend)
        _ = try streaming.streamed("{\(services), \"changes\": [\(changes(1...2))], \"incidents\": [\(incident(1))]}", into: store)
        let twice = "{\(services), \"changes\": [\(changes(1...3)), \(streaming.change("C3"))], \"incidents\": [\(incident(1)), \(incident(2)), \(incident(2))]}"
        let summary = try streaming.streamed(twice, into: store)
        #expect([summary.changes, summary.incidents] == [1, 1] as [Int])
        // S1, C1, C2 and I1 stored before; the second C3 and the second I2 as the run wrote them.
        #expect(summary.unchanged == 6)

        let otherIncident = "{\(services), \"incidents\": [\(incident(3)), \(incident(3).replacingOccurrences(of: "sev3", with: "sev1"))]}"
        #expect(throws: CabinetError.invalidRecord(source: "d.json", record: "incidents[1] (id I3)", field: "openedAt, severity, causedBy or services",
                                                   problem: "duplicate of incidents[0] with different content")) {
            try streaming.streamed(otherIncident, into: store)
        }
        let otherChange = "{\(services), \"changes\": [\(streaming.change("C9")), \(streaming.change("C9", title: "Other"))]}"
        #expect(throws: CabinetError.invalidRecord(source: "d.json", record: "changes[1] (id C9)", field: "title",
                                                   problem: "duplicate of changes[0] with different content")) {
            try streaming.streamed(otherChange, into: store)
        }
        let storedChange = "{\(services), \"changes\": [\(streaming.change("C1", title: "Other"))]}"
        #expect(throws: CabinetError.invalidRecord(source: "d.json", record: "changes[0] (id C1)", field: "title",
                                                   problem: "differs from the record already stored under this id")) {
            try streaming.streamed(storedChange, into: store)
        }
        #expect(try store.exportDocument().incidents.map(\.id) == ["I1", "I2"])
    }

    /// Six hundred changes; the first run of 500 decisions defers C1 and approves C2…C500. The
    /// second run rejects C2 superseding its approval of the first run, approves it again
    /// superseding that rejection of its own run, repeats the approval of C4 word for word
    /// (already stored), approves C1 after its deferral and approves C501.
    @Test(arguments: Backend.allCases)
    func aDecisionSeesTheDecisionsOfEarlierRunsAndOfItsOwn(backend: Backend) throws {
        let store = try stores.fresh(backend)
        let first = [decision("C1", "deferred", at: "09:00")] + (2...500).map { decision("C\($0)") }
        let second = [
            decision("C2", "rejected", at: "11:00", supersedes: "C2@2026-11-20T10:00:00Z/priya", note: "Rollback untested"),
            decision("C2", at: "12:00", by: "raj", supersedes: "C2@2026-11-20T11:00:00Z/priya"),
            decision("C4"),
            decision("C1", at: "10:30"),
            decision("C501"),
        ]
        let json = "{\(services), \"changes\": [\(changes(1...600))],\n\"decisions\": [\((first + second).joined(separator: ",\n"))]}"
        let summary = try streaming.streamed(json, into: store)
        #expect(summary.decisions == 504)
        #expect(summary.unchanged == 1)
        #expect(try store.decisions(forChange: "C2").map { "\($0.outcome.rawValue) by \($0.by)" } == ["approved by priya", "rejected by priya", "approved by raj"])
        #expect(try store.decisions(forChange: "C1").map(\.outcome) == [.deferred, .approved])
        #expect(try ["C1", "C2", "C4", "C501"].map { try store.change(id: $0)?.state } == [.scheduled, .scheduled, .scheduled, .scheduled])
        let audit = try store.auditDecisionLog(expecting: nil)
        #expect(audit.intact && audit.head.count == 504)
    }

    /// 1,200 changes, each approved once, but decisions[700] (in the second run) decides C650
    /// again without superseding the approval decisions[649] gave it earlier in the same run: the
    /// import is refused naming that record, as a reader of the whole file refuses it, and the
    /// store keeps only what it held before (the 500 decisions of the first run and the 200 before
    /// it in its own were already written inside the import's transaction).
    @Test(arguments: Backend.allCases)
    func aBadDecisionInTheMiddleOfARunLeavesTheStoreAsItWas(backend: Backend) throws {
        let store = try stores.fresh(backend)
        _ = try streaming.streamed(#"{\#(services), "changes": [\#(streaming.change("KEPT"))]}"#, into: store)
        let before = try InterchangeWriter.write(try store.exportDocument())
        var decisions = (1...1_200).map { decision("C\($0)") }
        decisions[700] = decision("C650", at: "11:00")
        let json = "{\(services), \"changes\": [\(changes(1...1_200))],\n\"decisions\": [\(decisions.joined(separator: ",\n"))]}"
        let message = "d.json: decisions[700] (change C650): supersedes: C650 was already decided by priya at 2026-11-20T10:00:00Z (approved); "
            + "a second decision must supersede it"
        let error = #expect(throws: CabinetError.self) { try streaming.streamed(json, into: store) }
        #expect(error?.description == message)
        #expect(try streaming.refusals(json, on: backend).whole == message)
        #expect(try InterchangeWriter.write(try store.exportDocument()) == before)
        #expect(try store.auditDecisionLog(expecting: nil).head.count == 0)
    }

    /// decisions[10] names a change nobody submitted (a rule across records) and decisions[600],
    /// in the next run, has no valid outcome (the record itself): the record that cannot be read
    /// is named, as a reader of the whole file names it.
    @Test func aRecordThatCannotBeReadInALaterRunIsNamedBeforeARuleBrokenInAnEarlierOne() throws {
        var decisions = (1...700).map { decision("C\($0)") }
        decisions[10] = decision("C0")
        decisions[600] = decision("C601", "approve")
        let json = "{\(services), \"changes\": [\(changes(1...700))],\n\"decisions\": [\(decisions.joined(separator: ",\n"))]}"
        let refused = try streaming.refusals(json)
        #expect(refused.streamed == refused.whole)
        #expect(refused.streamed?.hasPrefix("d.json: decisions[600] (change C601): outcome: unknown value 'approve'") == true)
    }
}
