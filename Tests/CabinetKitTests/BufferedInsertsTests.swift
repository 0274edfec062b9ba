import Testing
@testable import CabinetStore

/// An import into PostgreSQL sends its rows 500 a statement (`BufferedInserts`): every read and
/// every other statement first sends what is held, parents before the rows that reference them.
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

    @Test func twelveHundredChangesWithTheirServicesGoInSevenStatementsParentsFirst() throws {
        let server = RecordingDatabase()
        let buffered = BufferedInserts(server)
        for number in 1...1_200 {
            try buffered.execute(change, [.text("C\(number)"), .text("Change \(number)")])
            try buffered.execute(link, [.text("C\(number)"), .integer(0), .text("S1")])
        }
        // The 500th change sends the 500 changes held and 499 links; the 999th link (the 500th
        // held) the 499 changes since, then those links; the read the last 201 of each before
        // it runs. Changes always go before the links that reference them.
        try buffered.forEachRow("SELECT 1 FROM changes WHERE id = ?", [.text("C1")]) { _ in }
        #expect(server.statements.map(\.values) == [500 * 2, 499 * 3, 499 * 2, 500 * 3, 201 * 2, 201 * 3, 1])
        #expect(server.statements[0].sql == "INSERT INTO changes (id, title) VALUES " + Array(repeating: "(?, ?)", count: 500).joined(separator: ", "))
        #expect(server.statements[5].sql.hasPrefix("INSERT INTO change_services (change_id, position, service) VALUES (?, ?, ?), (?, ?, ?)"))
        #expect(server.statements[6].sql == "SELECT 1 FROM changes WHERE id = ?")
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
