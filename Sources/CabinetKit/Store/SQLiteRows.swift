import Foundation
import GRDB

/// Reading and writing changes as rows of `changes` and `change_services`.
enum ChangeRows {
    static let columns = """
        id, title, owner, team, type, category, risk, route, files_changed, has_migration, blast_radius,
        rollback_plan, rollback_minutes, verification, window_start, window_end, submitted_at, state, migration_checklist, touches
        """

    /// Changes matching `where`, each with its services in order.
    static func fetch(
        _ db: Database, where condition: String, arguments: StatementArguments, order: String = "id", limit: Int? = nil
    ) throws -> [Change] {
        let limitClause = limit.map { " LIMIT \($0)" } ?? ""
        let sql = """
            WITH picked AS (SELECT \(columns) FROM changes WHERE \(condition) ORDER BY \(order)\(limitClause))
            SELECT picked.*, cs.service FROM picked LEFT JOIN change_services cs ON cs.change_id = picked.id
            ORDER BY \(order.split(separator: ",").map { "picked." + $0.trimmingCharacters(in: .whitespaces) }.joined(separator: ", ")), cs.position
            """
        var changes: [Change] = []
        let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
        while let row = try rows.next() {
            let id: String = row["id"]
            if changes.last?.id != id { changes.append(try change(from: row)) }
            if let service: String = row["service"] { changes[changes.count - 1].services.append(service) }
        }
        return changes
    }

    private static func change(from row: Row) throws -> Change {
        Change(
            id: row["id"], title: row["title"], owner: row["owner"], team: row["team"],
            type: try word(row, "type"), category: try word(row, "category"), risk: try word(row, "risk"),
            route: try word(row, "route"), services: [],
            filesChanged: row["files_changed"], hasMigration: row["has_migration"],
            blastRadius: row["blast_radius"], rollbackPlan: row["rollback_plan"], rollbackMinutes: row["rollback_minutes"],
            verification: row["verification"],
            windowStart: (row["window_start"] as Int64?).map(Timestamp.init(milliseconds:)),
            windowEnd: (row["window_end"] as Int64?).map(Timestamp.init(milliseconds:)),
            submittedAt: Timestamp(milliseconds: row["submitted_at"]), state: try word(row, "state"),
            migrationChecklist: try (row["migration_checklist"] as String?).map {
                try JSONDecoder().decode(MigrationChecklist.self, from: Data($0.utf8))
            },
            touches: try ConfigAreaColumn.decode(row["touches"]))
    }

    /// Built once: the statement cache is keyed by this text, hashed on every insert.
    private static let insertSQL = "INSERT INTO changes (\(columns)) VALUES (\(placeholders(columns.split(separator: ",").count)))"

    static func insert(_ db: Database, _ change: Change) throws {
        let checklist = try change.migrationChecklist.map { checklist -> String in
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            return String(decoding: try encoder.encode(checklist), as: UTF8.self)
        }
        try db.cachedStatement(sql: insertSQL)
            .execute(arguments: [
                change.id, change.title, change.owner, change.team, change.type.rawValue, change.category.rawValue,
                change.risk.rawValue, change.route.rawValue, change.filesChanged, change.hasMigration, change.blastRadius,
                change.rollbackPlan, change.rollbackMinutes, change.verification, change.windowStart?.milliseconds,
                change.windowEnd?.milliseconds, change.submittedAt.milliseconds, change.state.rawValue, checklist,
                ConfigAreaColumn.encode(change.touches),
            ])
        let link = try db.cachedStatement(sql: "INSERT INTO change_services (change_id, position, service) VALUES (?, ?, ?)")
        for (position, service) in change.services.enumerated() {
            try link.execute(arguments: [change.id, position, service])
        }
    }

    static func setState(_ db: Database, id: String, _ state: ChangeState) throws {
        try db.cachedStatement(sql: "UPDATE changes SET state = ? WHERE id = ?").execute(arguments: [state.rawValue, id])
    }
}

/// A change's config areas in one portable TEXT column: words joined by commas, NULL for none.
enum ConfigAreaColumn {
    static func encode(_ areas: [ConfigArea]) -> String? {
        areas.isEmpty ? nil : areas.map(\.rawValue).joined(separator: ",")
    }

    static func decode(_ text: String?) throws -> [ConfigArea] {
        guard let text else { return [] }
        return try text.split(separator: ",").map { word in
            guard let area = ConfigArea(rawValue: String(word)) else {
                throw CabinetError.refused("the database holds an unknown touches '\(word)' (one of: \(ConfigArea.allowedWords))")
            }
            return area
        }
    }
}

enum DecisionRows {
    /// Decisions matching `where`, oldest first.
    static func fetch(_ db: Database, where condition: String, arguments: StatementArguments) throws -> [Decision] {
        try Row.fetchAll(db, sql: """
            SELECT id, change_id, outcome, at, by, conditions, note, supersedes FROM decisions
            WHERE \(condition) ORDER BY at, rowid
            """, arguments: arguments).map { row in
            Decision(
                id: row["id"], change: row["change_id"], outcome: try word(row, "outcome"),
                at: Timestamp(milliseconds: row["at"]), by: row["by"], conditions: row["conditions"],
                note: row["note"], supersedes: row["supersedes"])
        }
    }

    static func insert(_ db: Database, _ decision: Decision) throws {
        try db.cachedStatement(sql: """
            INSERT INTO decisions (id, change_id, outcome, at, by, conditions, note, supersedes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                decision.id, decision.change, decision.outcome.rawValue, decision.at.milliseconds, decision.by,
                decision.conditions, decision.note, decision.supersedes,
            ])
    }
}

enum IncidentRows {
    static func fetch(_ db: Database, where condition: String, arguments: StatementArguments) throws -> [Incident] {
        let incidents = try Row.fetchAll(db, sql: "SELECT id, opened_at, severity FROM incidents WHERE \(condition) ORDER BY opened_at, id", arguments: arguments)
            .map { row in
                Incident(id: row["id"], openedAt: Timestamp(milliseconds: row["opened_at"]), severity: try word(row, "severity"), causedBy: [], services: [])
            }
        let causes = try db.cachedStatement(sql: "SELECT change_id FROM incident_causes WHERE incident_id = ? ORDER BY position")
        let services = try db.cachedStatement(sql: "SELECT service FROM incident_services WHERE incident_id = ? ORDER BY position")
        return try incidents.map { incident in
            var incident = incident
            incident.causedBy = try String.fetchAll(causes, arguments: [incident.id])
            incident.services = try String.fetchAll(services, arguments: [incident.id])
            return incident
        }
    }

    static func insert(_ db: Database, _ incident: Incident) throws {
        try db.cachedStatement(sql: "INSERT INTO incidents (id, opened_at, severity) VALUES (?, ?, ?)")
            .execute(arguments: [incident.id, incident.openedAt.milliseconds, incident.severity.rawValue])
        let cause = try db.cachedStatement(sql: "INSERT INTO incident_causes (incident_id, change_id, position) VALUES (?, ?, ?)")
        for (position, change) in incident.causedBy.enumerated() { try cause.execute(arguments: [incident.id, change, position]) }
        let service = try db.cachedStatement(sql: "INSERT INTO incident_services (incident_id, service, position) VALUES (?, ?, ?)")
        for (position, name) in incident.services.enumerated() { try service.execute(arguments: [incident.id, name, position]) }
    }
}

enum ServiceRows {
    static func fetchAll(_ db: Database) throws -> [Service] {
        var services = try Row.fetchAll(db, sql: "SELECT name, team FROM services ORDER BY name").map { Service(name: $0["name"], team: $0["team"]) }
        let dependencies = try Row.fetchAll(db, sql: "SELECT service, depends_on FROM service_dependencies ORDER BY service, position")
        let index = Dictionary(uniqueKeysWithValues: services.enumerated().map { ($1.name, $0) })
        for row in dependencies {
            if let position = index[row["service"] as String] { services[position].dependsOn.append(row["depends_on"]) }
        }
        return services
    }

    static func insert(_ db: Database, _ service: Service) throws {
        try db.cachedStatement(sql: "INSERT INTO services (name, team) VALUES (?, ?)").execute(arguments: [service.name, service.team])
    }

    /// Dependencies go in after every service of a document exists, since they may point forward.
    static func insertDependencies(_ db: Database, _ service: Service) throws {
        let statement = try db.cachedStatement(sql: "INSERT INTO service_dependencies (service, depends_on, position) VALUES (?, ?, ?)")
        for (position, name) in service.dependsOn.enumerated() { try statement.execute(arguments: [service.name, name, position]) }
    }
}

/// A vocabulary word read back from a row; a value outside it means the file was edited by hand.
func word<V: Vocabulary>(_ row: Row, _ column: String) throws -> V {
    let text: String = row[column]
    guard let value = V(rawValue: text) else {
        throw CabinetError.refused("the database holds an unknown \(column) '\(text)' (one of: \(V.allowedWords))")
    }
    return value
}
