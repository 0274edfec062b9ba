import Testing
@testable import CabinetStore

/// An import sends its rows 500 a statement (`BufferedInserts`): every read and every other
/// statement first sends what is held, parents before the rows that reference them.
@Suite struct BufferedInsertsTests {
    /// A connection that notes what it is asked to run: the statement and how many values it binds.
    final class RecordingDatabase: SQLDatabase {
        struct NoRow: SQLRow {
            func value(at index: Int) throws -> SQLValue { .null }
            func columnName(at index: Int) -> String { "" }
            var columnCount: Int { 0 }
        }

        var statements: [(sql: String, values: Int)] = []
        var dialect: SQLDialect { .postgres }
        func execute(_ sql: String, _ arguments: [SQLValue]) throws { statements.append((sql, arguments.count)) }
        func forEachRow(_ sql: String, _ arguments: [SQLValue], _ body: (NoRow) throws -> Void) throws { statements.append((sql, arguments.count)) }
    }

    let change = "INSERT INTO changes (id, title) VALUES (?, ?)"
    let link = "INSERT INTO change_services (change_id, position, service) VALUES (?, ?, ?)"

    @Test func twelveHundredChangesWithTheirServicesGoInFullStatementsThenPowersOfTwoParentsFirst() throws {
        let server = RecordingDatabase()
        let buffered = BufferedInserts(server)
        for number in 1...1_200 {
            try buffered.execute(change, [.text("C\(number)"), .text("Change \(number)")])
            try buffered.execute(link, [.text("C\(number)"), .integer(0), .text("S1")])
        }
        // The 500th change sends the 500 changes held, and the links (held after them) stay; the
        // 500th link sends its 500. The same at 1,000. The read sends the last 200 of each, changes
        // first, as 128 + 64 + 8 rows, before it runs.
        try buffered.forEachRow("SELECT 1 FROM changes WHERE id = ?", [.text("C1")]) { _ in }
        #expect(server.statements.map(\.values) == [500 * 2, 500 * 3, 500 * 2, 500 * 3,
                                                     128 * 2, 64 * 2, 8 * 2, 128 * 3, 64 * 3, 8 * 3, 1])
        #expect(server.statements[0].sql == "INSERT INTO changes (id, title) VALUES " + Array(repeating: "(?, ?)", count: 500).joined(separator: ", "))
        #expect(server.statements[7].sql == "INSERT INTO change_services (change_id, position, service) VALUES "
                + Array(repeating: "(?, ?, ?)", count: 128).joined(separator: ", "))
        #expect(server.statements[10].sql == "SELECT 1 FROM changes WHERE id = ?")
    }

    @Test func aFullStatementSendsTheParentsHeldBeforeIt() throws {
        let server = RecordingDatabase()
        let buffered = BufferedInserts(server)
        try buffered.execute(change, [.text("C1"), .text("Change 1")])
        for position in 1...500 {
            try buffered.execute(link, [.text("C1"), .integer(Int64(position)), .text("S\(position)")])
        }
        // The 500th link is held: the change it references goes first, in a statement of its own.
        #expect(server.statements.map(\.values) == [2, 500 * 3])
        #expect(server.statements[0].sql == change)
    }

    @Test func statementsHoldAFullBatchOrAPowerOfTwoRows() {
        #expect([1, 2, 3, 255, 256, 499, 500].map(BufferedInserts<RecordingDatabase>.statementSize(for:)) == [1, 2, 2, 128, 256, 256, 500])
    }

    @Test func otherStatementsRunInTheirTurnAfterWhatIsHeld() throws {
        let server = RecordingDatabase()
        let buffered = BufferedInserts(server)
        let others = [
            "UPDATE changes SET state = ? WHERE id = ?",
            "INSERT INTO reviews (incident) SELECT id FROM incidents WHERE id = ?",
            "INSERT INTO changes (id, title) VALUES (?, ?) ON CONFLICT DO NOTHING",
            "INSERT INTO changes (id, title) VALUES (?, lower(?)) RETURNING id",
        ]
        for other in others {
            try buffered.execute(change, [.text("C1"), .text("t")])
            try buffered.execute(other, [.text("x"), .text("y")])
        }
        try buffered.flush()
        #expect(server.statements.map(\.sql) == others.flatMap { [change, $0] })
    }
}
