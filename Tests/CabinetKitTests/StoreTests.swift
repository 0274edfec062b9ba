import Foundation
import CabinetPostgres
import GRDB
import Testing
@testable import CabinetModel
@testable import CabinetStore

/// What every store does, on SQLite and on PostgreSQL alike.
@Suite struct StoreTests {
    let stores = TestStores()

    @Test(arguments: Backend.allCases)
    func decisionsCannotBeUpdatedOrDeletedEvenWithRawSQL(backend: Backend) throws {
        let store = try stores.fresh(backend, holding: figureFixture)
        var statements = ["UPDATE decisions SET outcome = 'rejected'", "DELETE FROM decisions"]
        if backend == .postgres { statements.append("TRUNCATE decisions CASCADE") }
        for sql in statements {
            let error = #expect(throws: CabinetError.self, "\(sql)") { try rawWrite(sql, in: store) }
            #expect(error?.description.contains(PortableSchema.appendOnly) == true, "\(sql): \(error.map(String.init(describing:)) ?? "no error")")
        }
        #expect(try store.decisions(forChange: "C2").map(\.outcome) == [.deferred, .approvedWithConditions])
        #expect(try store.rowCounts()["decisions"] == 8)
    }

    @Test(arguments: Backend.allCases)
    func importingTheSameDocumentTwiceChangesNothing(backend: Backend) throws {
        let store = try stores.fresh(backend, holding: figureFixture)
        let before = try store.exportDocument()
        let summary = try store.importDocument(try InterchangeReader.read(Data(figureFixture.utf8), source: "again.json"))
        #expect(summary.changes == 0 && summary.decisions == 0 && summary.incidents == 0 && summary.services == 0)
        #expect(summary.unchanged == 2 + 10 + 8 + 3)
        #expect(try store.exportDocument() == before)
    }

    @Test(arguments: Backend.allCases)
    func importingTwiceChangesNothingEvenWhenTheImportMovedTheRiskOfARoutedChange(backend: Backend) throws {
        // C1's route is left to the rules; the incident the first import adds raises the incident
        // rate of its service, which would route it differently if it were routed again.
        let unrouted = fixtureChange("R1", route: "peer", submitted: "2026-11-20T00:00:00Z")
            .replacingOccurrences(of: "\"route\": \"peer\", ", with: "").replacingOccurrences(of: "\"high\"", with: "\"low\"")
        let json = """
            {"services": [{"name": "S1", "team": "alpha"}],
             "changes": [\(unrouted), \(fixtureChange("R2", route: "peer", submitted: "2026-11-20T01:00:00Z"))],
             "incidents": [{"id": "I1", "openedAt": "2026-11-21T00:00:00Z", "severity": "sev2", "causedBy": ["R2"], "services": ["S1"]}]}
            """
        let store = try stores.fresh(backend, holding: json)
        let before = try store.exportDocument()
        let again = try store.importDocument(try InterchangeReader.read(Data(json.utf8), source: "again.json"))
        #expect(again.changes == 0 && again.unchanged == 4)
        #expect(try store.exportDocument() == before)
    }

    @Test(arguments: Backend.allCases)
    func anExportImportsIntoAnEmptyStoreAsTheSameRecords(backend: Backend) throws {
        let original = try stores.fresh(backend, holding: figureFixture)
        let exported = try InterchangeWriter.write(try original.exportDocument())
        let copy = try stores.fresh(backend)
        _ = try copy.importDocument(try InterchangeReader.read(exported, source: "export.json"))
        #expect(try copy.exportDocument() == original.exportDocument())
        let week = try Period(since: time("2026-11-02T00:00:00Z"), until: time("2026-11-09T00:00:00Z"))
        #expect(try copy.figures(for: week) == original.figures(for: week))
    }

    @Test func anExportOfOneEngineImportsIntoTheOtherAsTheSameRecords() throws {
        let sqlite = try stores.fresh(.sqlite, holding: figureFixture)
        let postgres = try stores.fresh(.postgres)
        _ = try postgres.importDocument(try InterchangeReader.read(try InterchangeWriter.write(try sqlite.exportDocument()), source: "export.json"))
        // Each store notes who ran its writes: the system user on SQLite, the login on PostgreSQL.
        let login = try PostgresLocation(url: ProcessInfo.processInfo.environment["CAB_TEST_POSTGRES_URL"] ?? "").user
        #expect(try postgres.exportDocument().decisions.allSatisfy { $0.recordedBy == login })
        #expect(try sqlite.exportDocument().decisions.allSatisfy { $0.recordedBy == SystemUser.name })
        let unsigned = { (decision: Decision) -> Decision in
            var decision = decision
            decision.recordedBy = nil
            return decision
        }
        #expect(try postgres.exportDocument().decisions.map(unsigned) == sqlite.exportDocument().decisions.map(unsigned))
        #expect(try postgres.exportDocument().changes == sqlite.exportDocument().changes)
        let week = try Period(since: time("2026-11-02T00:00:00Z"), until: time("2026-11-09T00:00:00Z"))
        #expect(try postgres.figures(for: week) == sqlite.figures(for: week))
    }

    @Test func idsAndNamesSortTheSameOnBothEnginesWhateverTheDatabasesCollation() throws {
        let ids = ["b", "B", "a", "A", "a-1", "a1", "_x", "Z9", "z10"]
        let json = """
            {"services": [{"name": "email", "team": "t"}, {"name": "Email", "team": "t"}, {"name": "Z", "team": "t"}, {"name": "a b", "team": "t"}],
             "changes": [\(ids.map { fixtureChange($0, route: "cab", submitted: "2026-11-20T00:00:00Z").replacingOccurrences(of: "\"S1\"", with: "\"email\"") }
                            .joined(separator: ", "))]}
            """
        let sqlite = try stores.fresh(.sqlite, holding: json)
        // Most clusters are made in the system's locale; scripts/test's sorts by bytes, as SQLite does.
        let postgres = try stores.postgres(icuLocale: "en-US")
        _ = try postgres.importDocument(try InterchangeReader.read(Data(json.utf8), source: "fixture.json"), source: "fixture.json")
        let day = time("2026-11-20T00:00:00Z"), now = time("2026-11-20T08:00:00Z")
        let services = (try postgres.services().map(\.name), try sqlite.services().map(\.name))
        let queue = (try postgres.queue(on: day, now: now).map(\.change.id), try sqlite.queue(on: day, now: now).map(\.change.id))
        let list = (try postgres.changes(matching: ChangeFilter(limit: 4)).map(\.id), try sqlite.changes(matching: ChangeFilter(limit: 4)).map(\.id))
        let export = (try postgres.exportDocument(), try sqlite.exportDocument())
        #expect(services.0 == services.1)
        #expect(queue.0 == queue.1)
        #expect(list.0 == list.1)
        #expect(export.0 == export.1)
    }

    @Test(arguments: Backend.allCases)
    func decisionsMoveTheStateOfTheirChange(backend: Backend) throws {
        let store = try stores.fresh(backend, holding: figureFixture)
        #expect(try store.change(id: "C2")?.state == .scheduled)
        #expect(try store.change(id: "C3")?.state == .canceled)
        #expect(try store.change(id: "C9")?.state == .authorize)
        #expect(try store.change(id: "C8")?.state == .scheduled)
    }

    @Test(arguments: Backend.allCases)
    func aStatedStateWinsOverTheStateItsDecisionsImply(backend: Backend) throws {
        let stated = { (id: String, state: String) in
            fixtureChange(id, route: "cab", submitted: "2026-11-20T00:00:00Z").replacingOccurrences(of: "\"submittedAt\"", with: "\"state\": \"\(state)\", \"submittedAt\"")
        }
        let decided = { (id: String) in "{\"change\": \"\(id)\", \"outcome\": \"approved\", \"at\": \"2026-11-21T00:00:00Z\", \"by\": \"priya\"}" }
        let json = "{\"services\": [{\"name\": \"S1\", \"team\": \"alpha\"}], \"changes\": [\(stated("A", "authorize")), \(stated("B", "closed")), \(stated("C", "scheduled"))], "
            + "\"decisions\": [\(decided("A")), \(decided("B")), \(decided("C"))]}"
        let store = try stores.fresh(backend, holding: json)
        #expect(try ["A", "B", "C"].map { try store.change(id: $0)?.state } == [.authorize, .closed, .scheduled])
    }

    @Test(arguments: Backend.allCases)
    func aSecondFirstDecisionIsRefusedNamingWhoDecidedFirst(backend: Backend) throws {
        let store = try stores.fresh(backend, holding: figureFixture)
        try store.record(Decision(id: "d1", change: "C9", outcome: .approved, at: time("2026-11-10T09:30:00Z"), by: "priya"))
        #expect(throws: CabinetError.alreadyDecided(change: "C9", outcome: .approved, by: "priya", at: time("2026-11-10T09:30:00Z"))) {
            try store.record(Decision(id: "d2", change: "C9", outcome: .rejected, at: time("2026-11-10T09:31:00Z"), by: "marcus", note: "no"))
        }
        try store.record(Decision(id: "d3", change: "C9", outcome: .rejected, at: time("2026-11-10T09:32:00Z"), by: "marcus", note: "correction", supersedes: "d1"))
        #expect(try store.decisions(forChange: "C9").map(\.id) == ["d1", "d3"])
        #expect(try store.change(id: "C9")?.state == .canceled)
    }

    @Test(arguments: Backend.allCases)
    func chairsDecidingTheSameChangeAtOnceAreAllToldWhoDecidedFirst(backend: Backend) throws {
        let store = try stores.fresh(backend, holding: figureFixture)
        let chairs = ["priya", "marcus", "ines", "jon", "kim", "ana"]
        let others = try chairs.map { _ in try stores.another(store) }
        final class Results: @unchecked Sendable {
            let lock = NSLock()
            var errors: [String: CabinetError] = [:]
            var other: [String] = []
        }
        let results = Results()
        onThreads(chairs.count) { index in
            do {
                try others[index].record(Decision(id: "d-\(chairs[index])", change: "C9", outcome: .approved, at: time("2026-11-10T09:30:00Z"), by: chairs[index]))
            } catch let error as CabinetError {
                results.lock.withLock { results.errors[chairs[index]] = error }
            } catch {
                results.lock.withLock { results.other.append("\(error)") }
            }
        }
        let decisions = try store.decisions(forChange: "C9")
        try #require(decisions.count == 1)
        let first = decisions[0]
        #expect(results.other.isEmpty)
        #expect(Set(results.errors.keys) == Set(chairs).subtracting([first.by]))
        for (chair, error) in results.errors {
            #expect(error == .alreadyDecided(change: "C9", outcome: .approved, by: first.by, at: first.at), "\(chair)")
        }
        #expect(try store.change(id: "C9")?.state == .scheduled)
    }

    @Test(arguments: Backend.allCases)
    func aDeferredChangeCanBeDecidedAgain(backend: Backend) throws {
        let store = try stores.fresh(backend, holding: figureFixture)
        try store.record(Decision(id: "d1", change: "C9", outcome: .deferred, at: time("2026-11-10T09:30:00Z"), by: "priya"))
        try store.record(Decision(id: "d2", change: "C9", outcome: .approved, at: time("2026-11-11T09:30:00Z"), by: "priya"))
        #expect(try store.change(id: "C9")?.state == .scheduled)
    }

    @Test(arguments: Backend.allCases)
    func aRetriedDecisionIsRecordedOnce(backend: Backend) throws {
        let store = try stores.fresh(backend, holding: figureFixture)
        let decision = Decision(id: "retry", change: "C9", outcome: .approved, at: time("2026-11-10T09:30:00Z"), by: "priya")
        try store.record(decision)
        try store.record(decision)
        #expect(try store.decisions(forChange: "C9").count == 1)
    }

    @Test(arguments: Backend.allCases)
    func theQueueHoldsTheDaysBoardItemsWithTheirReadiness(backend: Backend) throws {
        let store = try stores.fresh(backend, holding: figureFixture)
        let past = try store.queue(on: time("2026-11-05T00:00:00Z"), now: time("2026-11-20T00:00:00Z"))
        #expect(past.map(\.change.id) == ["C3", "C4"])
        #expect(past.map { $0.latestDecision?.outcome } == [.rejected, .approved])
        let today = try store.queue(on: time("2026-11-20T00:00:00Z"), now: time("2026-11-20T08:00:00Z"))
        #expect(today.map(\.change.id) == ["C9"])
        #expect(today[0].readiness.isReady)
        #expect(today[0].strategy == "blue-green with manual gate")
    }

    @Test(arguments: Backend.allCases)
    func theOwnerEditsTheFourFieldsOfTheirChange(backend: Backend) throws {
        let store = try stores.fresh(backend, holding: figureFixture)
        let edited = try store.editChange("C9", ChangeEdit(blastRadius: "S1 and S2", windowEnd: time("2026-12-01T12:00:00Z")), by: "owner")
        #expect(try store.change(id: "C9") == edited)
        #expect(edited.blastRadius == "S1 and S2" && edited.rollbackPlan == "redeploy" && edited.windowEnd == time("2026-12-01T12:00:00Z"))
        #expect(throws: CabinetError.invalidArgument(name: "--window-end", problem: "2026-12-01T09:00:00Z is not after the window start 2026-12-01T10:00:00Z")) {
            _ = try store.editChange("C9", ChangeEdit(windowEnd: time("2026-12-01T09:00:00Z")), by: "owner")
        }
        #expect(throws: CabinetError.notFound(kind: "change", id: "NOPE")) {
            _ = try store.editChange("NOPE", ChangeEdit(verification: "v"), by: "owner")
        }
        #expect(try store.change(id: "C9") == edited)
    }
}

/// What only the SQLite file does.
@Suite struct SQLiteFileTests {
    let folder = TemporaryFolder()

    @Test func aFreshFileGetsTheWholeSchemaInWALMode() throws {
        let store = try SQLiteStore(path: folder.databasePath)
        let (tables, mode) = try store.reading { db in
            (try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"),
             try String.fetchOne(db, sql: "PRAGMA journal_mode"))
        }
        #expect(Set(["changes", "decisions", "incidents", "services", "meetings", "agenda_items", "meeting_attendees"]).isSubset(of: Set(tables)))
        #expect(mode == "wal")
        _ = try SQLiteStore(path: folder.databasePath)
    }
}

@Suite struct BadInputTests {
    let folder = TemporaryFolder()

    /// Imports `json` into a store that holds the fixture, expecting `message`, and proves the
    /// file is byte for byte what it was.
    func expectRefused(_ json: String, _ message: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let store = try store(with: figureFixture, in: folder)
        try store.close()
        let before = try #require(fileBytes(folder.databasePath))
        let reopened = try SQLiteStore(path: folder.databasePath)
        let error = #expect(throws: CabinetError.self, sourceLocation: sourceLocation) {
            _ = try reopened.importDocument(try InterchangeReader.read(Data(json.utf8), source: "bad.json"), source: "bad.json")
        }
        #expect(error?.description == message, sourceLocation: sourceLocation)
        try reopened.close()
        #expect(fileBytes(folder.databasePath) == before, "the database changed", sourceLocation: sourceLocation)
    }

    func changes(_ records: String...) -> String { "{\"changes\": [\(records.joined(separator: ","))]}" }

    @Test func malformedJSONNamesTheLine() throws {
        try expectRefused("{\n\"changes\": [ tru ]}", "bad.json: not valid JSON (line 2, column 14: invalid value (expected true))")
    }

    @Test func anUnknownWordNamesTheRecordAndField() throws {
        try expectRefused(changes(fixtureChange("N1", route: "cab", submitted: "2026-11-20T00:00:00Z").replacingOccurrences(of: "\"high\"", with: "\"extreme\"")),
                          "bad.json: changes[0] (id N1): risk: unknown value 'extreme' (one of: low, medium, high)")
    }

    @Test func aTimeWithoutZoneIsRefused() throws {
        try expectRefused(changes(fixtureChange("N1", route: "cab", submitted: "2026-11-20T00:00:00")),
                          "bad.json: changes[0] (id N1): submittedAt: '2026-11-20T00:00:00' has no zone: add Z or an offset like +02:00")
    }

    @Test func aDuplicateIdWithOtherContentIsRefused() throws {
        try expectRefused(changes(fixtureChange("C1", route: "cab", submitted: "2026-11-20T00:00:00Z")),
                          "bad.json: changes[0] (id C1): submittedAt: differs from the record already stored under this id")
        try expectRefused(changes(fixtureChange("N1", route: "cab", submitted: "2026-11-20T00:00:00Z"),
                                  fixtureChange("N1", route: "peer", submitted: "2026-11-20T00:00:00Z")),
                          "bad.json: changes[1] (id N1): route: duplicate of changes[0] with different content")
    }

    @Test func aDecisionOrIncidentForAnUnknownChangeIsRefused() throws {
        try expectRefused("{\"decisions\": [{\"change\": \"NOPE\", \"outcome\": \"approved\", \"at\": \"2026-11-20T00:00:00Z\", \"by\": \"x\"}]}",
                          "bad.json: decisions[0] (change NOPE): change: no change 'NOPE' in the document or the store")
        try expectRefused("{\"incidents\": [{\"id\": \"INC-9\", \"openedAt\": \"2026-11-20T00:00:00Z\", \"severity\": \"sev2\", \"causedBy\": [\"NOPE\"]}]}",
                          "bad.json: incidents[0] (id INC-9): causedBy: no change 'NOPE' in the document or the store")
    }

    @Test func numbersAndBooleansAreNotConfused() throws {
        let one = fixtureChange("N1", route: "cab", submitted: "2026-11-20T00:00:00Z")
            .replacingOccurrences(of: "\"rollbackMinutes\": 3", with: "\"rollbackMinutes\": 1, \"filesChanged\": 0, \"hasMigration\": false")
        let document = try InterchangeReader.read(Data(changes(one).utf8), source: "good.json")
        #expect(document.changes[0].change.rollbackMinutes == 1)
        #expect(document.changes[0].change.filesChanged == 0)
        #expect(document.changes[0].change.hasMigration == false)
        try expectRefused(changes(one.replacingOccurrences(of: "\"filesChanged\": 0", with: "\"filesChanged\": true")),
                          "bad.json: changes[0] (id N1): filesChanged: expected a whole number")
        try expectRefused(changes(one.replacingOccurrences(of: "\"hasMigration\": false", with: "\"hasMigration\": 0")),
                          "bad.json: changes[0] (id N1): hasMigration: expected true or false")
    }

    @Test func aCorrectionCannotComeBeforeTheDecisionItCorrects() throws {
        try expectRefused("""
            {"decisions": [{"id": "fix", "change": "C9", "outcome": "rejected", "at": "2026-11-10T09:00:00Z", "by": "priya",
                            "note": "no", "supersedes": "first"},
                           {"id": "first", "change": "C9", "outcome": "approved", "at": "2026-11-10T10:00:00Z", "by": "priya"}]}
            """, "bad.json: decisions[0] (id fix): supersedes: no decision 'first' of C9")
        try expectRefused("""
            {"decisions": [{"id": "first", "change": "C9", "outcome": "approved", "at": "2026-11-10T10:00:00Z", "by": "priya"},
                           {"id": "fix", "change": "C9", "outcome": "rejected", "at": "2026-11-10T09:30:00Z", "by": "priya",
                            "note": "no", "supersedes": "first"}]}
            """, "bad.json: decisions[1] (id fix): at: 2026-11-10T09:30:00Z is before the decision it supersedes (2026-11-10T10:00:00Z)")
    }

    @Test func aNameRepeatedInAListIsRefused() throws {
        try expectRefused("{\"incidents\": [{\"id\": \"I9\", \"openedAt\": \"2026-11-20T00:00:00Z\", \"severity\": \"sev2\", \"causedBy\": [\"C1\", \"C1\"]}]}",
                          "bad.json: incidents[0] (id I9): causedBy: names 'C1' twice")
        try expectRefused(changes(fixtureChange("N1", route: "cab", submitted: "2026-11-20T00:00:00Z").replacingOccurrences(of: "[\"S1\"]", with: "[\"S1\", \"S1\"]")),
                          "bad.json: changes[0] (id N1): services: names 'S1' twice")
    }

    @Test func aWindowEndingBeforeItStartsIsRefused() throws {
        let record = fixtureChange("N1", route: "cab", submitted: "2026-11-20T00:00:00Z")
            .replacingOccurrences(of: "2026-12-01T11:00:00Z", with: "2026-12-01T09:00:00Z")
        try expectRefused(changes(record), "bad.json: changes[0] (id N1): windowEnd: 2026-12-01T09:00:00Z is not after windowStart 2026-12-01T10:00:00Z")
    }

    @Test func oneBadRecordAfterGoodOnesWritesNothing() throws {
        try expectRefused(changes(fixtureChange("N1", route: "cab", submitted: "2026-11-20T00:00:00Z"),
                                  fixtureChange("N2", route: "cab", submitted: "2026-11-20T00:00:00Z").replacingOccurrences(of: "[\"S1\"]", with: "[\"S404\"]")),
                          "bad.json: changes[1] (id N2): services: unknown service 'S404' (add it to \"services\" first)")
    }

    @Test func aDirectoryOrAGarbageFileIsAOneLineError() throws {
        let error = #expect(throws: CabinetError.self) { _ = try SQLiteStore(path: folder.path) }
        #expect(error?.description == "cannot use the database \(folder.path): it is a directory, not a database file")
        let garbage = folder.path + "/garbage.sqlite"
        try Data(repeating: 0x41, count: 8192).write(to: URL(fileURLWithPath: garbage))
        let corrupt = #expect(throws: CabinetError.self) { _ = try SQLiteStore(path: garbage) }
        #expect(corrupt?.description.hasPrefix("cannot use the database \(garbage): not a Cabinet database or damaged") == true)
        #expect(fileBytes(garbage) == Data(repeating: 0x41, count: 8192))
    }
}
