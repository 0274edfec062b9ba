import Foundation
import Testing
@testable import CabinetModel
@testable import CabinetStore

/// `cab import` reads its file a record at a time (`StreamedDocument`) and writes each record as
/// it comes: the store it leaves and the error it gives are those of reading the whole document
/// first, on both engines, and a refused import leaves nothing behind.
@Suite struct StreamedImportTests {
    let used = StoreCopyTests()
    let stores = TestStores()

    /// `contents` written to a file of its own; its path.
    func file(_ contents: Data) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("streamed-\(UUID().uuidString).json").path
        try contents.write(to: URL(fileURLWithPath: path))
        return path
    }

    func streamed(_ json: String, into store: some SQLStore) throws -> ImportSummary {
        try store.importRecords(try StreamedDocument(path: try file(Data(json.utf8)), source: "d.json"), source: "d.json")
    }

    /// The error of importing `json` read whole, and the error of importing it streamed, each into a fresh store.
    func refusals(_ json: String, on backend: Backend = .sqlite) throws -> (whole: String?, streamed: String?) {
        // Only the import's refusals are caught: a backend that is not there skips the test.
        let (wholeStore, streamedStore) = (try stores.fresh(backend), try stores.fresh(backend))
        var whole: String?
        do {
            _ = try wholeStore.importDocument(try InterchangeReader.read(Data(json.utf8), source: "d.json"), source: "d.json")
        } catch let error as CabinetError { whole = "\(error)" }
        var streamed: String?
        do { _ = try self.streamed(json, into: streamedStore) } catch let error as CabinetError { streamed = "\(error)" }
        return (whole, streamed)
    }

    let services = #""services": [{"name": "S1", "team": "alpha"}]"#
    func change(_ id: String, title: String = "Change", services: String = #"["S1"]"#) -> String {
        #"{"id": "\#(id)", "title": "\#(title)", "owner": "o", "team": "alpha", "type": "normal", "category": "single-service", "risk": "low", "services": \#(services), "rollbackPlan": "redeploy", "submittedAt": "2026-11-20T00:00:00Z"}"#
    }
    let decision = #"{"change": "C1", "outcome": "approved", "at": "2026-11-20T10:00:00Z", "by": "priya"}"#

    @Test(arguments: Backend.allCases)
    func aStreamedExportImportsToTheSameStoreAsTheWholeDocument(backend: Backend) throws {
        let exported = try InterchangeWriter.write(try used.usedStore().exportDocument())
        let whole = try stores.fresh(backend)
        let wholeSummary = try whole.importDocument(try InterchangeReader.read(exported, source: "export.json"), source: "export.json")
        let store = try stores.fresh(backend)
        let path = try file(exported)
        let summary = try store.importRecords(try StreamedDocument(path: path, source: "export.json"), source: "export.json")
        #expect(summary == wholeSummary)
        #expect(try InterchangeWriter.write(try store.exportDocument()) == InterchangeWriter.write(try whole.exportDocument()))
        // Importing the same file again writes nothing new.
        let again = try store.importRecords(try StreamedDocument(path: path, source: "export.json"), source: "export.json")
        #expect(again.changes == 0 && again.decisions == 0 && again.incidents == 0 && again.unchanged > 0)
    }

    @Test func sectionsInAnyOrderAreTakenInTheOrderTheirReferencesNeed() throws {
        let store = try stores.sqlite()
        let summary = try streamed(#"{"decisions": [\#(decision)], "changes": [\#(change("C1"))], \#(services)}"#, into: store)
        #expect([summary.services, summary.changes, summary.decisions] == [1, 1, 1] as [Int])
        #expect(try store.change(id: "C1")?.state == .scheduled)
    }

    @Test func aRecordThatCannotBeReadIsNamedBeforeOneThatBreaksARuleEarlierInTheFile() throws {
        // changes[0] names an unknown service (a rule across records); decisions[0] has no valid outcome (the record itself).
        let json = #"{\#(services), "changes": [\#(change("C1", services: #"["S9"]"#))], "decisions": [\#(decision.replacingOccurrences(of: "approved", with: "approve"))]}"#
        let refused = try refusals(json)
        #expect(refused.streamed == refused.whole)
        #expect(refused.streamed?.hasPrefix("d.json: decisions[0] (change C1): outcome: unknown value 'approve'") == true)
    }

    @Test func aJSONErrorAtTheEndIsNamedBeforeARecordErrorAtTheStart() throws {
        let json = "{\(services),\n \"changes\": [\(change("C1", title: ""))],\n \"incidents\": [{\"id\": \"I1\" ]}"
        let refused = try refusals(json)
        #expect(refused.streamed == refused.whole)
        #expect(refused.streamed?.hasPrefix("d.json: not valid JSON (line 3, column ") == true)
    }

    @Test(arguments: Backend.allCases)
    func aDuplicateWithinTheFileNamesItsFirstCopy(backend: Backend) throws {
        let changes = try refusals(#"{\#(services), "changes": [\#(change("C1")), \#(change("C2")), \#(change("C1", title: "Other"))]}"#, on: backend)
        #expect(changes.streamed == changes.whole)
        #expect(changes.streamed == "d.json: changes[2] (id C1): title: duplicate of changes[0] with different content")
        let other = decision.replacingOccurrences(of: "priya", with: "raj").replacingOccurrences(of: #""change""#, with: #""id": "D1", "change""#)
        let decisions = try refusals(#"{\#(services), "changes": [\#(change("C1"))], "decisions": [\#(decision.replacingOccurrences(of: #""change""#, with: #""id": "D1", "change""#)), \#(other)]}"#, on: backend)
        #expect(decisions.streamed == decisions.whole)
        #expect(decisions.streamed == "d.json: decisions[1] (id D1): outcome, at, by or text: duplicate of decisions[0] with different content")
    }

    @Test(arguments: Backend.allCases)
    func anErrorInTheLastSectionLeavesTheStoreAsItWas(backend: Backend) throws {
        let store = try stores.fresh(backend)
        let json = #"{\#(services), "changes": [\#(change("C1")), \#(change("C2"))], "decisions": [\#(decision)], "roles": [{"name": "raj", "role": "king"}]}"#
        #expect(throws: CabinetError.self) { try streamed(json, into: store) }
        #expect(try store.services().isEmpty)
        #expect(try store.change(id: "C1") == nil)
    }

    /// An empty store takes 1,200 changes, each approved, whole: on PostgreSQL their rows go in
    /// 500 a statement, and every link to a service after the change it belongs to.
    @Test(arguments: Backend.allCases)
    func manyChangesIntoAnEmptyStoreGoInWithTheirServicesAndDecisions(backend: Backend) throws {
        let store = try stores.fresh(backend)
        let changes = (1...1_200).map { change("C\($0)") }.joined(separator: ",\n")
        let decisions = (1...1_200).map { decision.replacingOccurrences(of: #""C1""#, with: #""C\#($0)""#) }.joined(separator: ",\n")
        let summary = try streamed("{\(services), \"changes\": [\(changes)],\n\"decisions\": [\(decisions)]}", into: store)
        #expect([summary.services, summary.changes, summary.decisions] == [1, 1_200, 1_200] as [Int])
        let stored = try store.exportDocument()
        #expect(stored.changes.count == 1_200 && stored.changes.allSatisfy { $0.change.services == ["S1"] && $0.change.state == .scheduled })
        #expect(stored.decisions.count == 1_200)
    }

    /// A year's history in one file (20,000 changes, each approved; 2,000 on PostgreSQL) whose
    /// very last record, a decision on a change nobody submitted, is bad: every change and
    /// decision before it was already written inside the import's transaction, and the store
    /// holds what it held before, no more.
    @Test(arguments: Backend.allCases)
    func aBadRecordAtTheEndOfALargeFileLeavesTheStoreUntouched(backend: Backend) throws {
        let count = backend == .sqlite ? 20_000 : 2_000
        let store = try stores.fresh(backend)
        _ = try streamed(#"{\#(services), "changes": [\#(change("KEPT"))]}"#, into: store)
        let before = try InterchangeWriter.write(try store.exportDocument())
        let changes = (1...count).map { change("C\($0)") }.joined(separator: ",\n")
        let decisions = ((1...count).map { "C\($0)" } + ["C0"]).map { decision.replacingOccurrences(of: #""C1""#, with: #""\#($0)""#) }
        let json = "{\(services), \"changes\": [\(changes)],\n\"decisions\": [\(decisions.joined(separator: ",\n"))]}"
        if backend == .sqlite { #expect(json.utf8.count > 4 << 20, "larger than the step in which read pages are handed back") }
        let error = #expect(throws: CabinetError.self) { try streamed(json, into: store) }
        #expect(error?.description == "d.json: decisions[\(count)] (change C0): change: no change 'C0' in the document or the store")
        #expect(try InterchangeWriter.write(try store.exportDocument()) == before)
        #expect(try store.change(id: "C1") == nil)
        // The file put right imports: nothing of the refused import is left in the way.
        let fixed = "{\(services), \"changes\": [\(changes)],\n\"decisions\": [\(decisions.dropLast().joined(separator: ",\n"))]}"
        #expect(try streamed(fixed, into: store).decisions == count)
    }

    @Test func aDocumentThatIsNotAnObjectOrHasAnUnknownSectionIsRefusedAsBefore() throws {
        for json in ["[1, 2]", #"{"chnages": []}"#, #"{"changes": {}}"#, "", "{\"changes\": [] } x"] {
            let refused = try refusals(json)
            #expect(refused.streamed != nil && refused.streamed == refused.whole, "\(json)")
        }
    }
}
