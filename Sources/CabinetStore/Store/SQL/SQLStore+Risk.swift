import CabinetModel
extension SQLStore {
    public func riskPolicy() throws(CabinetError) -> RiskPolicy {
        try reading { db in try RiskRows.policy(db) }
    }

    public func setRiskThreshold(_ threshold: Double) throws(CabinetError) {
        guard threshold > 0, threshold < 1 else { throw .invalidArgument(name: "THRESHOLD", problem: "a probability between 0 and 1, like 0.25") }
        try writing { db in try RiskRows.setThreshold(db, threshold) }
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
        try reading { db in try riskContext(for: changes, now: now, db) }
    }

    /// The risk context of `changes`, read inside the caller's transaction.
    func riskContext(for changes: [Change], now: Timestamp, _ db: some SQLDatabase) throws -> RiskContext {
        let graph = ServiceGraph(try ServiceRows.fetchAll(db))
        let touched = Set(changes.flatMap(\.services))
        let affected = Set(changes.flatMap { graph.impact(of: $0.services).affected })
        return RiskContext(
            graph: graph, history: try ServiceHistoryRows.fetch(db, counted: touched, dated: affected, now: now), policy: try RiskRows.policy(db),
            freezes: try FreezeRows.fetchAll(db), neighbours: try pendingNeighbours(of: changes, db),
            lessons: ServiceLesson.latestByService(try LessonRows.fetch(db, services: touched)))
    }

    /// The pending changes whose windows overlap the span of the pending `changes`' windows, in
    /// one read: every route and pending state spelled out, so the (route, state) index finds the
    /// few pending changes without a scan of the history. `Conflict` keeps those that overlap
    /// each change's own window.
    private func pendingNeighbours(of changes: [Change], _ db: some SQLDatabase) throws -> [Change] {
        let windows = changes.filter { Conflict.pendingStates.contains($0.state) }.compactMap { change in
            change.windowStart.flatMap { start in change.windowEnd.map { (start, $0) } }
        }
        guard let start = windows.map(\.0).min(), let end = windows.map(\.1).max() else { return [] }
        let routes = Route.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        let states = Conflict.pendingStates.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        return try ChangeRows.fetch(db, where: "route IN (\(routes)) AND state IN (\(states)) AND window_start < ? AND window_end > ?",
                                    arguments: [SQLValue(end), SQLValue(start)])
    }

    /// Deployed changes (implementing, in review or closed) submitted in `[since, until)`, as
    /// features and whether an incident they caused followed. Each change's features are those
    /// known when it was submitted: its services' record counts the changes submitted before it
    /// and only the incidents opened before it (`ServiceHistoryReplay`), so neither a change's own
    /// incident nor a later one makes it look riskier than the board could have seen.
    public func riskSamples(since: Timestamp?, until: Timestamp, now: Timestamp) throws(CabinetError) -> RiskSamples {
        try reading { db in
            let graph = ServiceGraph(try ServiceRows.fetchAll(db))
            var firstIncidents: [String: Timestamp] = [:]
            try db.forEachRow("""
                SELECT ic.change_id, MIN(i.opened_at) FROM incident_causes ic JOIN incidents i ON i.id = ic.incident_id
                WHERE i.opened_at <= ? GROUP BY ic.change_id
                """, [SQLValue(now)]) { row in firstIncidents[try row.text(0)] = try row.timestamp(1) }
            var replay = ServiceHistoryReplay(firstIncidents: firstIncidents)
            var samples = RiskSamples()
            var affectedCount: [[String]: Int] = [:]
            var current: (id: String, sample: Bool, files: Int?, migration: Bool, flags: Int, incident: Bool)?
            var services: [String] = []
            func flush() {
                guard let change = current else { return }
                if change.sample {
                    let affected = affectedCount[services] ?? graph.impact(of: services).affected.count
                    affectedCount[services] = affected
                    samples.append(RiskFeatures.values(filesChanged: change.files, affected: affected, services: services,
                                                       migration: change.migration, configFlags: change.flags, history: replay.history),
                                   incident: change.incident)
                }
                replay.add(change: change.id, services: services)
            }
            // Every change up to `until`, in submission order: the earlier ones are the history of the later.
            try db.forEachRow("""
                SELECT c.id, c.submitted_at,
                       CASE WHEN c.submitted_at >= ? AND c.state IN ('implement', 'review', 'closed') THEN 1 ELSE 0 END,
                       c.files_changed, c.has_migration, c.category, c.touches, cs.service
                FROM changes c JOIN change_services cs ON cs.change_id = c.id
                WHERE c.submitted_at < ?
                ORDER BY c.submitted_at, c.id, cs.position
                """, [.integer(since?.milliseconds ?? Int64.min), SQLValue(until)]) { row in
                let id = try row.text(0)
                if id != current?.id {
                    flush()
                    services.removeAll(keepingCapacity: true)
                    replay.advance(to: try row.timestamp(1))
                    current = (id, try row.bool(2), try row.optionalInt(3),
                               RiskFeatures.isMigration(hasMigration: try row.optionalBool(4), category: ChangeCategory(rawValue: try row.text(5))),
                               try ConfigAreaColumn.decode(row.optionalText(6)).count, firstIncidents[id] != nil)
                }
                services.append(try row.text(7))
            }
            flush()
            return samples
        }
    }

    public func saveCalibration(_ calibration: RiskCalibration) throws(CabinetError) {
        try writing { db in try RiskRows.insert(db, calibration) }
    }
}

/// Per-service history, read from `service_history` (one row per service, kept by v13's
/// triggers), so the cost is the services asked for, not the length of their history.
enum ServiceHistoryRows {
    /// The change counts of `counted` and the latest incident (opened up to `now`) of `dated`.
    static func fetch(_ db: some SQLDatabase, counted: Set<String>, dated: Set<String>, now: Timestamp) throws -> [String: ServiceHistory] {
        var history: [String: ServiceHistory] = [:]
        var openedLater: [String] = []
        let asked = counted.union(dated)
        guard !asked.isEmpty else { return history }
        let condition = "service IN (\(placeholders(asked.count)))", arguments = asked.sorted().map(SQLValue.text)
        try db.forEachRow("""
            SELECT service, change_count, incident_change_count, last_incident_id, last_incident_opened_at
            FROM service_history WHERE \(condition)
            """, arguments) { row in
            let name = try row.text(0)
            if counted.contains(name), try row.int(1) > 0 {
                history[name, default: ServiceHistory()].changes = try row.int(1)
                history[name, default: ServiceHistory()].changesWithIncident = try row.int(2)
            }
            guard dated.contains(name), let id = try row.optionalText(3) else { return }
            let incident = LastIncident(id: id, openedAt: try row.timestamp(4))
            if incident.openedAt <= now { history[name, default: ServiceHistory()].lastIncident = incident } else { openedLater.append(name) }
        }
        // An incident recorded ahead of `now` (an assessment of an earlier day): the latest before
        // it, from the service's range of the incident-services index.
        for name in openedLater {
            history[name, default: ServiceHistory()].lastIncident = try db.firstRow("""
                SELECT i.id, i.opened_at FROM incident_services s JOIN incidents i ON i.id = s.incident_id
                WHERE s.service = ? AND i.opened_at <= ? ORDER BY i.opened_at DESC, i.id DESC LIMIT 1
                """, [.text(name), SQLValue(now)]) { LastIncident(id: try $0.text(0), openedAt: try $0.timestamp(1)) }
        }
        return history
    }
}

/// Risk calibrations and their weights, and the configured threshold.
enum RiskRows {
    static let interceptFeature = "intercept"
    /// The `meta` key of the configured risk threshold.
    static let thresholdKey = "risk.threshold"

    static func policy(_ db: some SQLDatabase) throws -> RiskPolicy {
        RiskPolicy(threshold: try threshold(db) ?? RiskPolicy.defaultThreshold, calibration: try latest(db))
    }

    /// The configured threshold, if one was set.
    static func threshold(_ db: some SQLDatabase) throws -> Double? {
        try db.firstRow("SELECT value FROM meta WHERE key = ?", [.text(thresholdKey)]) { try $0.text(0) }.flatMap(Double.init)
    }

    static func setThreshold(_ db: some SQLDatabase, _ threshold: Double) throws {
        try db.execute("""
            INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value
            """, [.text(thresholdKey), .text(String(threshold))])
    }

    static func latest(_ db: some SQLDatabase) throws -> RiskCalibration? {
        try fetch(db, order: "calibrated_at DESC, id DESC", limit: 1).first
    }

    /// Calibrations in `order`, each with its weights.
    static func fetch(_ db: some SQLDatabase, order: String = "calibrated_at, id", limit: Int? = nil) throws -> [RiskCalibration] {
        let calibrations = try db.namedRows("""
            SELECT id, calibrated_at, data_since, data_until, changes, incidents, brier, default_brier
            FROM risk_calibrations ORDER BY \(order)\(limit.map { " LIMIT \($0)" } ?? "")
            """, []) { row in
                RiskCalibration(
                    id: try row.text("id"), calibratedAt: try row.timestamp("calibrated_at"), since: try row.optionalTimestamp("data_since"),
                    until: try row.timestamp("data_until"), changes: try row.int("changes"), incidents: try row.int("incidents"),
                    brier: try row.real("brier"), defaultBrier: try row.real("default_brier"),
                    model: RiskModel(intercept: 0, weights: []), means: [], deviations: [])
            }
        return try calibrations.map { calibration in
            var calibration = calibration
            var intercept = 0.0
            var weights = Array(repeating: 0.0, count: RiskSamples.dimension)
            var means = weights, deviations = weights
            try db.forEachRow("SELECT feature, weight, mean, sd FROM risk_weights WHERE calibration_id = ?", [.text(calibration.id)]) { weight in
                let name = try weight.text(0)
                if name == interceptFeature { intercept = try weight.real(1); return }
                guard let feature = RiskFeature(rawValue: name), let position = RiskFeature.allCases.firstIndex(of: feature) else {
                    throw CabinetError.refused("the database holds an unknown risk feature '\(name)' (one of: \(RiskFeature.allowedWords))")
                }
                weights[position] = try weight.real(1); means[position] = try weight.real(2); deviations[position] = try weight.real(3)
            }
            calibration.model = RiskModel(intercept: intercept, weights: weights)
            calibration.means = means
            calibration.deviations = deviations
            return calibration
        }
    }

    static func insert(_ db: some SQLDatabase, _ calibration: RiskCalibration) throws {
        try db.execute("""
            INSERT INTO risk_calibrations (id, calibrated_at, data_since, data_until, changes, incidents, brier, default_brier)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, [.text(calibration.id), SQLValue(calibration.calibratedAt), SQLValue(calibration.since), SQLValue(calibration.until),
                  SQLValue(calibration.changes), SQLValue(calibration.incidents), .real(calibration.brier), .real(calibration.defaultBrier)])
        let weightSQL = "INSERT INTO risk_weights (calibration_id, feature, weight, mean, sd) VALUES (?, ?, ?, ?, ?)"
        try db.execute(weightSQL, [.text(calibration.id), .text(interceptFeature), .real(calibration.model.intercept), .real(0), .real(0)])
        for (position, feature) in RiskFeature.allCases.enumerated() {
            try db.execute(weightSQL, [.text(calibration.id), .text(feature.rawValue), .real(calibration.model.weights[position]),
                                       .real(calibration.means[position]), .real(calibration.deviations[position])])
        }
    }
}
