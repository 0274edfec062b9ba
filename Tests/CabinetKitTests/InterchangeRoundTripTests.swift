import Foundation
import Testing
@testable import CabinetModel
@testable import CabinetStore

/// An export holds everything a store holds: imported into an empty store and exported again,
/// it gives the same bytes, and the minutes, conditions, freezes and figures read the same.
@Suite struct InterchangeRoundTripTests {
    /// The store of a team after a week of use, from the copy tests: every table holds rows.
    let used = StoreCopyTests()
    let stores = TestStores()

    /// The tables of the schema on `store`'s engine, without the engine's migration bookkeeping.
    func schemaTables(of store: some SQLStore) throws -> [String] {
        try store.reading { db in
            db.dialect.insertionOrder == SQLDialect.sqlite.insertionOrder
                ? try db.strings("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'grdb_migrations' ORDER BY name")
                : try db.strings("""
                    SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()
                    AND table_name <> 'cabinet_migrations' ORDER BY table_name
                    """)
        }
    }

    func rowCount(of table: String, in store: some SQLStore) throws -> Int {
        try store.reading { db in Int(try db.integer("SELECT COUNT(*) FROM \(table)") ?? 0) }
    }

    /// Every value of every row of `table`, in an order that does not depend on how rows were written.
    func rows(of table: StoreTables, in store: some SQLStore) throws -> [[SQLValue]] {
        try store.reading { db in
            try db.rows("SELECT \(table.columns.joined(separator: ", ")) FROM \(table.name) ORDER BY \(table.columns.joined(separator: ", "))") { row in
                try table.columns.indices.map { try row.value(at: $0) }
            }
        }
    }

    /// Every row of the service summary, by service.
    func serviceHistory(of store: some SQLStore) throws -> [[SQLValue]] {
        try store.reading { db in
            try db.rows("SELECT service, change_count, incident_change_count, last_incident_id, last_incident_opened_at FROM service_history ORDER BY service") { row in
                try (0..<5).map { try row.value(at: $0) }
            }
        }
    }

    /// Every row of the routes' weekly summary that counts something, by route and week.
    func routeWeeks(of store: some SQLStore) throws -> [[SQLValue]] {
        try store.reading { db in
            try db.rows("""
                SELECT route, week, \(RouteWeekTriggers.counts.joined(separator: ", ")) FROM route_weeks
                WHERE \(RouteWeekTriggers.counts.map { "\($0) <> 0" }.joined(separator: " OR ")) ORDER BY route, week
                """) { row in try (0..<(2 + RouteWeekTriggers.counts.count)).map { try row.value(at: $0) } }
        }
    }

    @Test func everyTableOfTheSchemaTravelsThroughAnExportAndBackByteForByte() throws {
        let original = try used.usedStore()
        try original.grant(.member, to: "raj")
        try original.grant(.chair, to: "priya")
        let exported = try InterchangeWriter.write(try original.exportDocument())

        let copy = try stores.sqlite()
        let summary = try copy.importDocument(try InterchangeReader.read(exported, source: "export.json"), source: "export.json")
        #expect(try InterchangeWriter.write(try copy.exportDocument()) == exported)
        #expect([summary.meetings, summary.conditionsMet, summary.freezes, summary.verifications, summary.announcements,
                 summary.actionItems, summary.riskCalibrations, summary.roles, summary.settings] as [Int] == [2, 1, 1, 1, 1, 2, 1, 2, 1])
        #expect(try copy.actionItems(includingClosed: true) == original.actionItems(includingClosed: true))
        #expect(summary.reviews == 3)
        // The meeting's decisions carry the risk score they were recorded with; the imported history's do not.
        let scored = try copy.exportDocument().decisions.filter { $0.riskScore != nil }
        let originallyScored = try original.exportDocument().decisions.filter { $0.riskScore != nil }
        #expect(!scored.isEmpty && scored == originallyScored)
        #expect(try copy.reviews(includingClosed: true) == original.reviews(includingClosed: true))
        #expect(summary.pirs == 1)
        #expect(summary.sourceLinks == 1)
        #expect(try copy.exportDocument().sourceLinks == original.exportDocument().sourceLinks)
        #expect(try copy.pirs() == original.pirs())
        #expect(try copy.change(id: "E1")?.deployedAt == time("2026-11-19T22:30:00Z"))
        #expect(try copy.incident(id: "INC-4")?.resolvedAt == time("2026-11-20T01:00:00Z"))

        // A table added to the schema later fails here until the fixture fills it and an export carries it.
        let tables = try schemaTables(of: original)
        #expect(Set(tables) == Set(StoreTables.all.map(\.name) + StoreTables.derived + ["team_roles"]))
        // The derived summaries travel as their rows: the import's triggers rebuild them, whole.
        #expect(try copy.auditSummaries() == nil)
        #expect(try serviceHistory(of: copy) == serviceHistory(of: original))
        #expect(try routeWeeks(of: copy) == routeWeeks(of: original))
        for table in tables {
            #expect(try rowCount(of: table, in: original) > 0, "the fixture leaves \(table) empty")
            #expect(try rowCount(of: table, in: copy) == rowCount(of: table, in: original), "\(table)")
        }
        for table in StoreTables.all { #expect(try rows(of: table, in: copy) == rows(of: table, in: original), "\(table.name)") }
        // The columns of v10 hold values in the fixture, so the comparison above covers them too.
        for (table, column) in [("agenda_items", "added_reason"), ("agenda_items", "added_by"), ("agenda_items", "notes"), ("meeting_attendees", "speaks_for")] {
            let filled = try original.reading { db in try db.integer("SELECT COUNT(*) FROM \(table) WHERE \(column) IS NOT NULL") }
            #expect((filled ?? 0) > 0, "the fixture leaves \(table).\(column) empty")
        }
        try used.expectSame(copy, as: original)
        #expect(try copy.minutes(on: time("2026-11-20T00:00:00Z"), now: used.now)?.items.first?.usedMilliseconds == 180_000)
        #expect(try copy.openConditions().map(\.decision.id) == ["d"])
        #expect(try copy.exportDocument().roles == [TeamMember(name: "priya", role: .chair), TeamMember(name: "raj", role: .member)])

        // Imported again, everything is already there.
        let again = try copy.importDocument(try InterchangeReader.read(exported, source: "export.json"), source: "export.json")
        let added = [summary.services, summary.changes, summary.decisions, summary.incidents, summary.meetings, summary.conditionsMet,
                     summary.freezes, summary.verifications, summary.announcements, summary.actionItems, summary.reviews, summary.pirs,
                     summary.sourceLinks, summary.riskCalibrations, summary.roles, summary.settings]
        #expect(again == { var nothing = ImportSummary(); nothing.unchanged = added.reduce(0, +); return nothing }())
    }

    @Test func theSameRoundTripHoldsOnPostgreSQL() throws {
        let exported = try InterchangeWriter.write(try used.usedStore().exportDocument())
        let postgres = try stores.postgres()
        _ = try postgres.importDocument(try InterchangeReader.read(exported, source: "export.json"), source: "export.json")
        #expect(try InterchangeWriter.write(try postgres.exportDocument()) == exported)
        for table in try schemaTables(of: postgres) { #expect(try rowCount(of: table, in: postgres) > 0, "\(table)") }
        #expect(try postgres.auditSummaries() == nil)
        #expect(try routeWeeks(of: postgres) == routeWeeks(of: used.usedStore()))
    }

    @Test(arguments: Backend.allCases)
    func decisionsTravelInTheOrderTheyWereRecorded(backend: Backend) throws {
        // The deferral was recorded first with a later time: it stays first, and still wins the state.
        let json = """
            {"services": [{"name": "S1", "team": "alpha"}],
             "changes": [\(fixtureChange("C1", route: "cab", submitted: "2026-11-20T00:00:00Z"))],
             "decisions": [
               {"id": "late", "change": "C1", "outcome": "deferred", "at": "2026-11-20T12:00:00Z", "by": "priya"},
               {"id": "early", "change": "C1", "outcome": "approved", "at": "2026-11-20T10:00:00Z", "by": "priya"}]}
            """
        let store = try stores.fresh(backend, holding: json)
        #expect(try store.exportDocument().decisions.map(\.id) == ["late", "early"])
        #expect(try store.change(id: "C1")?.state == .authorize)
        let copy = try stores.fresh(backend)
        _ = try copy.importDocument(try InterchangeReader.read(try InterchangeWriter.write(try store.exportDocument()), source: "export.json"))
        #expect(try copy.exportDocument() == store.exportDocument())
    }

    @Test func aRecordStoredWithOtherContentIsRefusedByKindAndField() throws {
        let store = try used.usedStore()
        let exported = String(decoding: try InterchangeWriter.write(try store.exportDocument()), as: UTF8.self)
        let cases = [
            ("\"note\" : \"flag on since Monday\"", "\"note\" : \"flag on since Tuesday\"", "conditionsMet[0] (decision C2@2026-11-03T09:30:00Z/chair): note"),
            ("\"reason\" : \"year end\"", "\"reason\" : \"year's end\"", "freezes[0] (id FRZ-1): reason"),
            ("\"riskThreshold\" : 0.3", "\"riskThreshold\" : 0.4", "settings: riskThreshold"),
        ]
        for (old, new, named) in cases {
            #expect(exported.contains(old), "\(old)")
            let error = #expect(throws: CabinetError.self) {
                try store.importDocument(try InterchangeReader.read(Data(exported.replacingOccurrences(of: old, with: new).utf8), source: "e.json"), source: "e.json")
            }
            #expect(error?.description.hasPrefix("e.json: \(named): ") == true, "\(error.map(String.init(describing:)) ?? "no error")")
        }
    }

    @Test(arguments: Backend.allCases)
    func recordsAroundAStoredChangeImportOnTheirOwn(backend: Backend) throws {
        let store = try stores.fresh(backend, holding: figureFixture)
        let json = """
            {"verifications": [{"id": "v9", "change": "C1", "at": "2026-11-20T10:00:00Z", "by": "raj", "smoke": "pass", "requiredMinutes": 15}],
             "announcements": [{"id": "a9", "change": "C1", "at": "2026-11-20T10:05:00Z", "by": "raj", "webhook": "https://hooks.example/x", "text": "Deployed C1"}],
             "conditionsMet": [{"decision": "C2@2026-11-03T09:30:00Z/chair", "by": "raj", "at": "2026-11-04T10:00:00Z"}],
             "meetings": [{"date": "2026-11-03", "chair": "chair", "itemMinutes": 3, "agenda": [{"change": "C2", "position": 0, "pausedMilliseconds": 0}]}]}
            """
        let summary = try store.importDocument(try InterchangeReader.read(Data(json.utf8), source: "more.json"), source: "more.json")
        #expect([summary.verifications, summary.announcements, summary.conditionsMet, summary.meetings] as [Int] == [1, 1, 1, 1])
        #expect(try store.verifications(forChange: "C1").map(\.id) == ["v9"])
        #expect(try store.openConditions().map(\.decision.change).contains("C2") == false)
    }

    @Test func rolesImportIntoAFileButNotIntoPostgreSQLWhereTheyAreLogins() throws {
        let json = #"{"roles": [{"name": "priya", "role": "chair"}]}"#
        let file = try stores.fresh(.sqlite, holding: json)
        #expect(try file.exportDocument().roles == [TeamMember(name: "priya", role: .chair)])
        _ = try TestCluster.admin()  // without a cluster the rest is skipped, said as for every PostgreSQL case
        #expect(throws: CabinetError.refused("this store keeps roles as database logins: grant priya and the others with cab admin grant")) {
            try stores.fresh(.postgres, holding: json)
        }
        let other = #"{"roles": [{"name": "priya", "role": "member"}]}"#
        #expect(throws: CabinetError.invalidRecord(source: "r.json", record: "roles[0] (id priya)", field: "role",
                                                   problem: "differs from the record already stored under this id")) {
            try file.importDocument(try InterchangeReader.read(Data(other.utf8), source: "r.json"), source: "r.json")
        }
    }

    @Test func aConditionMetNeedsADecisionWithConditions() throws {
        let store = try stores.fresh(.sqlite, holding: figureFixture)
        let json = #"{"conditionsMet": [{"decision": "nope", "by": "raj", "at": "2026-11-20T10:00:00Z"}]}"#
        #expect(throws: CabinetError.invalidRecord(source: "m.json", record: "conditionsMet[0] (decision nope)", field: "decision",
                                                   problem: "no decision 'nope' in the document or the store")) {
            try store.importDocument(try InterchangeReader.read(Data(json.utf8), source: "m.json"), source: "m.json")
        }
    }

    @Test func aCopyCarriesEveryTableOfTheSchemaAndNamesTheRolesATargetCannotKeep() throws {
        let original = try used.usedStore()
        try original.grant(.chair, to: "priya")
        let file = try stores.sqlite()
        let report = try StoreCopy.copy(from: original, to: file, source: "a.sqlite", target: "b.sqlite", replace: false, now: used.now)
        #expect(report.rolesNotCopied == [])
        // A table added to the schema later fails here until the fixture fills it and the copy carries it.
        for table in try schemaTables(of: original) {
            #expect(try rowCount(of: table, in: original) > 0, "the fixture leaves \(table) empty")
            #expect(try rowCount(of: table, in: file) == rowCount(of: table, in: original), "\(table)")
        }
        try used.expectSame(file, as: original)
        #expect(try file.auditSummaries() == nil)
        #expect(try serviceHistory(of: file) == serviceHistory(of: original))

        // PostgreSQL keeps roles as logins with passwords, which a copy does not make: it names them.
        let postgres = try stores.postgres()
        #expect(Set(try schemaTables(of: postgres)) == Set(StoreTables.all.map(\.name) + StoreTables.derived))
        let shared = try StoreCopy.copy(from: original, to: postgres, source: "a.sqlite", target: "the shared store", replace: false, now: used.now)
        #expect(shared.rolesNotCopied == [TeamMember(name: "priya", role: .chair)])
    }
}
