import Testing
@testable import CabinetModel
@testable import CabinetStore

/// Records decode by column name: the order of a SELECT list does not matter, and a column the
/// query forgot is named in one line.
@Suite struct NamedRowTests {
    let stores = TestStores()

    func decisions(_ sql: String, in store: some SQLStore) throws(CabinetError) -> [Decision] {
        try store.reading { db in try db.namedRows(sql) { try DecisionRows.decision(from: $0) } }
    }

    @Test(arguments: Backend.allCases)
    func aDecisionReadsTheSameWhateverTheOrderOfItsColumns(backend: Backend) throws {
        let store = try stores.fresh(backend, holding: figureFixture)
        let reversed = DecisionRows.columns.components(separatedBy: ", ").reversed().joined(separator: ", ")
        #expect(try decisions("SELECT \(reversed) FROM decisions WHERE change_id = 'C3'", in: store) == store.decisions(forChange: "C3"))
        let error = #expect(throws: CabinetError.self) { _ = try decisions("SELECT id, outcome FROM decisions", in: store) }
        #expect(error?.description.hasPrefix("the query reads no column 'change_id'") == true, "\(String(describing: error))")
    }
}
