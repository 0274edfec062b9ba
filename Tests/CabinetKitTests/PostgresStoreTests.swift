@testable import CabinetPostgres
import Foundation
import Testing
@testable import CabinetModel
@testable import CabinetStore

/// What only the shared PostgreSQL store has to get right: many clients starting at once, and
/// telling open boards about writes made elsewhere.
@Suite struct PostgresStoreTests {
    let stores = TestStores()

    @Test func clientsOpeningAFreshDatabaseAtOnceMigrateItOnce() throws {
        let location = try stores.emptyDatabase()
        let failures = Failures()
        onThreads(6) { _ in
            do { _ = try PostgresStore(location: location) } catch { failures.add("\(error)") }
        }
        #expect(failures.all.isEmpty, "\(failures.all)")
        let store = try PostgresStore(location: location)
        let applied = try store.reading { db in
            try db.rows("SELECT name, COUNT(*) FROM cabinet_migrations GROUP BY name") { (try $0.text(0), try $0.int(1)) }
        }
        #expect(Set(applied.map(\.0)) == Set(PostgresSchema.steps.map(\.name)), "\(applied)")
        #expect(applied.allSatisfy { $0.1 == 1 }, "\(applied)")
    }

    @Test func aDecisionElsewhereChangesTheDataVersionWithinASecondAndNothingElseDoes() throws {
        let board = try stores.postgres()
        let other = try stores.another(board)
        _ = try other.importDocument(try InterchangeReader.read(Data(figureFixture.utf8), source: "fixture.json"), source: "fixture.json")
        let before = try board.dataVersion()
        _ = try other.figures(for: Period(lastDays: 30, endingAt: time("2026-11-27T00:00:00Z")))
        #expect(!(try eventually(within: 0.3) { try board.dataVersion() != before }), "a read changed the data version")
        try other.record(Decision(id: "retry-1", change: "C9", outcome: .approved, at: time("2026-11-20T10:00:00Z"), by: "priya"))
        #expect(try eventually(within: 1) { try board.dataVersion() != before }, "the write did not reach the other store within a second")
    }
}

/// Errors gathered from threads.
final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [String] = []

    func add(_ failure: String) { lock.withLock { list.append(failure) } }
    var all: [String] { lock.withLock { list } }
}
