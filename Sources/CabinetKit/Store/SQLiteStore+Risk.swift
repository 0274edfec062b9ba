import Foundation
import GRDB

extension SQLiteStore {
    /// The `meta` key of the configured risk threshold.
    static let thresholdKey = "risk.threshold"

    public func riskPolicy() throws(CabinetError) -> RiskPolicy {
        try reading { db in try RiskRows.policy(db) }
    }

    public func setRiskThreshold(_ threshold: Double) throws(CabinetError) {
        guard threshold > 0, threshold < 1 else { throw .invalidArgument(name: "THRESHOLD", problem: "a probability between 0 and 1, like 0.25") }
        try writing { db in
            try db.execute(sql: """
                INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value
                """, arguments: [Self.thresholdKey, String(threshold)])
        }
    }

    /// The entries with their assessment, from one risk context for all of them.
    func assessed(_ entries: [QueueEntry], now: Timestamp) throws(CabinetError) -> [QueueEntry] {
        guard !entries.isEmpty else { return entries }
        let context = try riskContext(for: entries.map(\.change), now: now)
        return entries.map { entry in
            var entry = entry
            entry.assessment = context.assess(entry.change)
            return entry
        }
    }

    public func riskContext(for changes: [Change], now: Timestamp) throws(CabinetError) -> RiskContext {
        try reading { db in
            let graph = ServiceGraph(try ServiceRows.fetchAll(db))
            let touched = Set(changes.flatMap(\.services))
            let affected = Set(changes.flatMap { graph.impact(of: $0.services).affected })
            var neighbours: [String: Change] = [:]
            // Every route and pending state spelled out, so the (route, state) index finds the few
            // pending changes without a scan of the history.
            let routes = Route.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            let states = Conflict.pendingStates.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            for change in changes {
                guard let start = change.windowStart, let end = change.windowEnd else { continue }
                for other in try ChangeRows.fetch(db, where: "route IN (\(routes)) AND state IN (\(states)) AND window_start < ? AND window_end > ?",
                                                  arguments: [end.milliseconds, start.milliseconds]) {
                    neighbours[other.id] = other
                }
            }
            return RiskContext(
                graph: graph, history: try ServiceHistoryRows.fetch(db, counted: touched, dated: affected, now: now), policy: try RiskRows.policy(db),
                freezes: try FreezeRows.fetchAll(db), neighbours: neighbours.values.sorted { $0.id < $1.id })
        }
    }

    /// Deployed changes (implementing, in review or closed) submitted in `[since, until)`, as
    /// features and whether an incident they caused followed.
    public func riskSamples(since: Timestamp?, until: Timestamp, now: Timestamp) throws(CabinetError) -> RiskSamples {
        try reading { db in
            let graph = ServiceGraph(try ServiceRows.fetchAll(db))
            let history = try ServiceHistoryRows.fetch(db, counted: nil, dated: [], now: now)
            var samples = RiskSamples()
            var affectedCount: [[String]: Int] = [:]
            var current: (id: String, files: Int?, migration: Bool, flags: Int, incident: Bool)?
            var services: [String] = []
            func flush() {
                guard let change = current else { return }
                let affected = affectedCount[services] ?? graph.impact(of: services).affected.count
                affectedCount[services] = affected
                samples.append(RiskFeatures.values(filesChanged: change.files, affected: affected, services: services,
                                                   migration: change.migration, configFlags: change.flags, history: history),
                               incident: change.incident)
            }
            let rows = try Row.fetchCursor(db, sql: """
                SELECT c.id, c.files_changed, c.has_migration, c.category, c.touches,
                       CASE WHEN EXISTS (SELECT 1 FROM incident_causes ic WHERE ic.change_id = c.id) THEN 1 ELSE 0 END,
                       cs.service
                FROM changes c JOIN change_services cs ON cs.change_id = c.id
                WHERE c.submitted_at >= ? AND c.submitted_at < ? AND c.state IN ('implement', 'review', 'closed')
                ORDER BY c.submitted_at, c.id, cs.position
                """, arguments: [since?.milliseconds ?? Int64.min, until.milliseconds])
            while let row = try rows.next() {
                let id: String = row[0]
                if id != current?.id {
                    flush()
                    services.removeAll(keepingCapacity: true)
                    current = (id, row[1], RiskFeatures.isMigration(hasMigration: row[2], category: ChangeCategory(rawValue: row[3])),
                               try ConfigAreaColumn.decode(row[4]).count, row[5] as Bool)
                }
                services.append(row[6])
            }
            flush()
            return samples
        }
    }

    public func saveCalibration(_ calibration: RiskCalibration) throws(CabinetError) {
        try writing { db in try RiskRows.insert(db, calibration) }
    }
}

/// Per-service history, aggregated in the database over the service indexes.
enum ServiceHistoryRows {
    /// The change counts of `counted` and the latest incident (opened up to `now`) of `dated`;
    /// `nil` means every service.
    static func fetch(_ db: Database, counted: Set<String>?, dated: Set<String>?, now: Timestamp) throws -> [String: ServiceHistory] {
        var history: [String: ServiceHistory] = [:]
        if case let (condition, arguments)? = serviceCondition(counted, column: "service") {
            for row in try Row.fetchAll(db, sql: "SELECT service, COUNT(*) FROM change_services WHERE \(condition) GROUP BY service",
                                        arguments: arguments) {
                history[row[0], default: ServiceHistory()].changes = row[1]
            }
            // From the few changes that caused incidents to their services; `|| ''` keeps the
            // planner off the service index, which would walk every change of the services.
            let (linked, _) = serviceCondition(counted, column: "service || ''") ?? ("1", [])
            for row in try Row.fetchAll(db, sql: """
                SELECT service, COUNT(DISTINCT change_id) FROM change_services
                WHERE change_id IN (SELECT change_id FROM incident_causes) AND \(linked) GROUP BY service
                """, arguments: arguments) {
                history[row[0], default: ServiceHistory()].changesWithIncident = row[1]
            }
        }
        if case let (condition, arguments)? = serviceCondition(dated, column: "s.service") {
            for row in try Row.fetchAll(db, sql: """
                SELECT s.service, i.id, i.opened_at FROM incident_services s JOIN incidents i ON i.id = s.incident_id
                WHERE \(condition) AND i.opened_at <= ?
                """, arguments: arguments + [now.milliseconds]) {
                let incident = LastIncident(id: row[1], openedAt: Timestamp(milliseconds: row[2]))
                let name: String = row[0]
                if let known = history[name]?.lastIncident, (known.openedAt, known.id) >= (incident.openedAt, incident.id) { continue }
                history[name, default: ServiceHistory()].lastIncident = incident
            }
        }
        return history
    }

    /// `column IN (…)` and its arguments; `1` for every service; `nil` for none.
    private static func serviceCondition(_ services: Set<String>?, column: String) -> (String, StatementArguments)? {
        guard let services else { return ("1", []) }
        guard !services.isEmpty else { return nil }
        return ("\(column) IN (\(placeholders(services.count)))", StatementArguments(services.sorted()))
    }
}

/// Risk calibrations and their weights, and the configured threshold.
enum RiskRows {
    static let interceptFeature = "intercept"

    static func policy(_ db: Database) throws -> RiskPolicy {
        let threshold = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [SQLiteStore.thresholdKey])
            .flatMap(Double.init) ?? RiskPolicy.defaultThreshold
        return RiskPolicy(threshold: threshold, calibration: try latest(db))
    }

    static func latest(_ db: Database) throws -> RiskCalibration? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT id, calibrated_at, data_since, data_until, changes, incidents, brier, default_brier
            FROM risk_calibrations ORDER BY calibrated_at DESC, id DESC LIMIT 1
            """) else { return nil }
        let id: String = row[0]
        var intercept = 0.0
        var weights = Array(repeating: 0.0, count: RiskSamples.dimension)
        var means = weights, deviations = weights
        for weight in try Row.fetchAll(db, sql: "SELECT feature, weight, mean, sd FROM risk_weights WHERE calibration_id = ?", arguments: [id]) {
            let name: String = weight[0]
            if name == interceptFeature { intercept = weight[1]; continue }
            guard let feature = RiskFeature(rawValue: name), let position = RiskFeature.allCases.firstIndex(of: feature) else {
                throw CabinetError.refused("the database holds an unknown risk feature '\(name)' (one of: \(RiskFeature.allowedWords))")
            }
            weights[position] = weight[1]; means[position] = weight[2]; deviations[position] = weight[3]
        }
        return RiskCalibration(
            id: id, calibratedAt: Timestamp(milliseconds: row[1]), since: (row[2] as Int64?).map(Timestamp.init(milliseconds:)),
            until: Timestamp(milliseconds: row[3]), changes: row[4], incidents: row[5], brier: row[6], defaultBrier: row[7],
            model: RiskModel(intercept: intercept, weights: weights), means: means, deviations: deviations)
    }

    static func insert(_ db: Database, _ calibration: RiskCalibration) throws {
        try db.execute(sql: """
            INSERT INTO risk_calibrations (id, calibrated_at, data_since, data_until, changes, incidents, brier, default_brier)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [calibration.id, calibration.calibratedAt.milliseconds, calibration.since?.milliseconds,
                             calibration.until.milliseconds, calibration.changes, calibration.incidents, calibration.brier,
                             calibration.defaultBrier])
        let statement = try db.cachedStatement(sql: "INSERT INTO risk_weights (calibration_id, feature, weight, mean, sd) VALUES (?, ?, ?, ?, ?)")
        try statement.execute(arguments: [calibration.id, interceptFeature, calibration.model.intercept, 0, 0])
        for (position, feature) in RiskFeature.allCases.enumerated() {
            try statement.execute(arguments: [calibration.id, feature.rawValue, calibration.model.weights[position],
                                              calibration.means[position], calibration.deviations[position]])
        }
    }
}
