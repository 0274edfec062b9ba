import Foundation
import CabinetModel

/// Reading and writing changes as rows of `changes` and `change_services`.
enum ChangeRows {
    static let columns = """
        id, title, owner, team, type, category, risk, route, files_changed, has_migration, blast_radius,
        rollback_plan, rollback_minutes, verification, window_start, window_end, submitted_at, state, migration_checklist, touches, deployed_at
        """
    private static let columnCount = columns.split(separator: ",").count

    /// Changes matching `where`, each with its services in order.
    static func fetch(
        _ db: some SQLDatabase, where condition: String, arguments: [SQLValue], order: String = "id", limit: Int? = nil
    ) throws -> [Change] {
        let limitClause = limit.map { " LIMIT \($0)" } ?? ""
        let sql = """
            WITH picked AS (SELECT \(columns) FROM changes WHERE \(condition) ORDER BY \(order)\(limitClause))
            SELECT picked.*, cs.service FROM picked LEFT JOIN change_services cs ON cs.change_id = picked.id
            ORDER BY \(order.split(separator: ",").map { "picked." + $0.trimmingCharacters(in: .whitespaces) }.joined(separator: ", ")), cs.position
            """
        var changes: [Change] = []
        try db.forEachNamedRow(sql, arguments) { row in
            let id = try row.text("id")
            if changes.last?.id != id { changes.append(try change(from: row)) }
            if let service = try row.optionalText("service") { changes[changes.count - 1].services.append(service) }
        }
        return changes
    }

    private static func change(from row: NamedRow<some SQLRow>) throws -> Change {
        Change(
            id: try row.text("id"), title: try row.text("title"), owner: try row.text("owner"), team: try row.text("team"),
            type: try row.word("type"), category: try row.word("category"), risk: try row.word("risk"), route: try row.word("route"), services: [],
            filesChanged: try row.optionalInt("files_changed"), hasMigration: try row.optionalBool("has_migration"),
            blastRadius: try row.text("blast_radius"), rollbackPlan: try row.text("rollback_plan"), rollbackMinutes: try row.optionalInt("rollback_minutes"),
            verification: try row.text("verification"), windowStart: try row.optionalTimestamp("window_start"),
            windowEnd: try row.optionalTimestamp("window_end"), submittedAt: try row.timestamp("submitted_at"), state: try row.word("state"),
            migrationChecklist: try row.optionalText("migration_checklist").map { try JSONDecoder().decode(MigrationChecklist.self, from: Data($0.utf8)) },
            touches: try ConfigAreaColumn.decode(row.optionalText("touches")), deployedAt: try row.optionalTimestamp("deployed_at"))
    }

    /// Built once: the statement cache is keyed by this text, hashed on every insert.
    private static let insertSQL = "INSERT INTO changes (\(columns), recorded_by) VALUES (\(placeholders(columnCount + 1)))"
    private static let linkSQL = "INSERT INTO change_services (change_id, position, service) VALUES (?, ?, ?)"

    /// Inserts `change`, noting who ran the write.
    static func insert(_ db: some SQLDatabase, _ change: Change, recordedBy recorder: String) throws {
        let checklist = try change.migrationChecklist.map { checklist -> String in
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            return String(decoding: try encoder.encode(checklist), as: UTF8.self)
        }
        try db.execute(insertSQL, [
            .text(change.id), .text(change.title), .text(change.owner), .text(change.team), .text(change.type.rawValue),
            .text(change.category.rawValue), .text(change.risk.rawValue), .text(change.route.rawValue), SQLValue(change.filesChanged),
            SQLValue(change.hasMigration), .text(change.blastRadius), .text(change.rollbackPlan), SQLValue(change.rollbackMinutes),
            .text(change.verification), SQLValue(change.windowStart), SQLValue(change.windowEnd), SQLValue(change.submittedAt),
            .text(change.state.rawValue), SQLValue(checklist), SQLValue(ConfigAreaColumn.encode(change.touches)), SQLValue(change.deployedAt),
            .text(recorder),
        ])
        for (position, service) in change.services.enumerated() {
            try db.execute(linkSQL, [.text(change.id), SQLValue(position), .text(service)])
        }
    }

    static func setState(_ db: some SQLDatabase, id: String, _ state: ChangeState) throws {
        try db.execute("UPDATE changes SET state = ? WHERE id = ?", [.text(state.rawValue), .text(id)])
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
    /// The columns chain rule 1 hashes (every decision had them when the chain began).
    static let ruleOneColumns = "id, change_id, outcome, at, by, conditions, note, supersedes, recorded_by"
    static let columns = ruleOneColumns + ", risk_score"
    /// A decision's place in the hash chain: its number in the order recorded, and its link.
    static let chainColumns = "seq, chain_rule, chain_previous, chain_hash"

    /// Decisions matching `where`, oldest first (in the order recorded within one millisecond).
    static func fetch(_ db: some SQLDatabase, where condition: String, arguments: [SQLValue]) throws -> [Decision] {
        try db.namedRows("SELECT \(columns) FROM decisions WHERE \(condition) ORDER BY at, seq", arguments) {
            try decision(from: $0)
        }
    }

    /// Every decision in the order recorded: the chain's order.
    static func fetchInOrder(_ db: some SQLDatabase) throws -> [Decision] {
        try db.namedRows("SELECT \(columns) FROM decisions ORDER BY seq") { try decision(from: $0) }
    }

    /// A decision from the columns of `columns`, by name.
    static func decision(from row: NamedRow<some SQLRow>) throws -> Decision {
        Decision(
            id: try row.text("id"), change: try row.text("change_id"), outcome: try row.word("outcome"), at: try row.timestamp("at"),
            by: try row.text("by"), conditions: try row.optionalText("conditions"), note: try row.optionalText("note"),
            supersedes: try row.optionalText("supersedes"), recordedBy: try row.optionalText("recorded_by"),
            riskScore: try row.optionalReal("risk_score"))
    }

    private static let insertSQL = "INSERT INTO decisions (\(columns), \(chainColumns)) VALUES (\(placeholders(14)))"

    /// Appends `decision` to the chain after `last`, which moves to it.
    static func insert(_ db: some SQLDatabase, _ decision: Decision, after last: inout DecisionChain.Link) throws {
        guard let hash = DecisionChain.link(decision, previous: last.hash) else { return }
        let next = DecisionChain.Link(sequence: last.sequence + 1, hash: hash)
        try db.execute(insertSQL, [
            .text(decision.id), .text(decision.change), .text(decision.outcome.rawValue), SQLValue(decision.at), .text(decision.by),
            SQLValue(decision.conditions), SQLValue(decision.note), SQLValue(decision.supersedes), SQLValue(decision.recordedBy),
            SQLValue(decision.riskScore), .integer(next.sequence), .integer(Int64(DecisionChain.rule)), .text(last.hash), .text(hash),
        ])
        last = next
    }
}

enum IncidentRows {
    /// Incidents matching `where`, each with its causes and services in order: three queries
    /// whatever their number.
    static func fetch(_ db: some SQLDatabase, where condition: String, arguments: [SQLValue]) throws -> [Incident] {
        var incidents = try db.namedRows("SELECT id, opened_at, severity, resolved_at FROM incidents WHERE \(condition) ORDER BY opened_at, id", arguments) { row in
            Incident(id: try row.text("id"), openedAt: try row.timestamp("opened_at"), severity: try row.word("severity"), causedBy: [], services: [],
                     resolvedAt: try row.optionalTimestamp("resolved_at"))
        }
        guard !incidents.isEmpty else { return [] }
        let positions = Dictionary(uniqueKeysWithValues: incidents.enumerated().map { ($1.id, $0) })
        let chosen = "incident_id IN (SELECT id FROM incidents WHERE \(condition))"
        try db.forEachRow("SELECT incident_id, change_id FROM incident_causes WHERE \(chosen) ORDER BY incident_id, position", arguments) { row in
            if let position = positions[try row.text(0)] { incidents[position].causedBy.append(try row.text(1)) }
        }
        try db.forEachRow("SELECT incident_id, service FROM incident_services WHERE \(chosen) ORDER BY incident_id, position", arguments) { row in
            if let position = positions[try row.text(0)] { incidents[position].services.append(try row.text(1)) }
        }
        return incidents
    }

    static func insert(_ db: some SQLDatabase, _ incident: Incident) throws {
        try db.execute("INSERT INTO incidents (id, opened_at, severity, resolved_at) VALUES (?, ?, ?, ?)",
                       [.text(incident.id), SQLValue(incident.openedAt), .text(incident.severity.rawValue), SQLValue(incident.resolvedAt)])
        for (position, change) in incident.causedBy.enumerated() {
            try db.execute("INSERT INTO incident_causes (incident_id, change_id, position) VALUES (?, ?, ?)",
                           [.text(incident.id), .text(change), SQLValue(position)])
        }
        for (position, name) in incident.services.enumerated() {
            try db.execute("INSERT INTO incident_services (incident_id, service, position) VALUES (?, ?, ?)",
                           [.text(incident.id), .text(name), SQLValue(position)])
        }
    }
}

enum ServiceRows {
    static func fetchAll(_ db: some SQLDatabase) throws -> [Service] {
        var services = try db.namedRows("SELECT name, team FROM services ORDER BY name") { Service(name: try $0.text("name"), team: try $0.text("team")) }
        let index = Dictionary(uniqueKeysWithValues: services.enumerated().map { ($1.name, $0) })
        try db.forEachRow("SELECT service, depends_on FROM service_dependencies ORDER BY service, position", []) { row in
            if let position = index[try row.text(0)] { services[position].dependsOn.append(try row.text(1)) }
        }
        return services
    }

    static func insert(_ db: some SQLDatabase, _ service: Service) throws {
        try db.execute("INSERT INTO services (name, team) VALUES (?, ?)", [.text(service.name), .text(service.team)])
    }

    /// Dependencies go in after every service of a document exists, since they may point forward.
    static func insertDependencies(_ db: some SQLDatabase, _ service: Service) throws {
        for (position, name) in service.dependsOn.enumerated() {
            try db.execute("INSERT INTO service_dependencies (service, depends_on, position) VALUES (?, ?, ?)",
                           [.text(service.name), .text(name), SQLValue(position)])
        }
    }
}

/// `?, ?, ?`: `count` placeholders.
func placeholders(_ count: Int) -> String {
    Array(repeating: "?", count: count).joined(separator: ", ")
}

extension Array {
    func chunked(_ size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
