import CabinetModel
/// Turns an adapter's mapped records into an import batch against what the store holds: new
/// changes, incidents and services go into the interchange document; a stored change takes the
/// source's title, four fields, window and services when the source changed them (a local edit
/// they overwrite is listed as a conflict; one the source left alone stays), and the source's
/// deployment where Cabinet recorded none; a stored incident takes the source's severity and
/// resolution; the source's approval is appended as a decision (superseding the source's earlier
/// one when it changed); what Cabinet recorded itself is kept, and every disagreement is listed.
struct SyncBatchBuilder {
    /// The source's name, as decisions record who made them (`servicenow`).
    let system: String
    let stored: StoredRecords
    private(set) var batch: ImportBatch
    private var services: [String: Service]
    private var seenChanges: Set<String> = []
    private var incidentIndex: [String: Int] = [:]

    init(system: String, source: String, stored: StoredRecords) {
        self.system = system; self.stored = stored
        batch = ImportBatch(system: system, report: MappingReport(source: source))
        services = stored.services
    }

    var report: MappingReport {
        get { batch.report }
        set { batch.report = newValue }
    }

    /// Adds one mapped change; a later record with the same id replaces an earlier one of the same export.
    mutating func add(_ mapped: MappedChange) throws(CabinetError) {
        try mapped.checkText()
        let id = mapped.change.id
        if seenChanges.contains(id) {
            report.skip(id, "appears again at \(mapped.record): the later record is kept")
            forget(id)
        }
        seenChanges.insert(id)
        for service in mapped.change.services { addService(service, team: mapped.change.team) }
        let fingerprint = SourceLink.fingerprint(of: mapped.change)
        if stored.links[id]?.fingerprint != fingerprint || stored.links[id]?.meeting != mapped.meeting { batch.links[id] = (fingerprint, mapped.meeting) }
        guard let known = stored.changes[id] else {
            batch.document.changes.append(SubmittedChange(change: mapped.change, statedRoute: mapped.statedRoute, statedState: mapped.statedState))
            noteReadiness(of: mapped.change)
            addApproval(mapped, to: mapped.change, route: mapped.statedRoute ?? route(of: mapped.change), history: [])
            return
        }
        let synced = sync(known, to: mapped.change)
        if synced != known {
            batch.updates.append(synced)
            report.updated.append(MappingReport.Updated(change: id, fields: (Self.ownedFields + [Self.deployment]).filter { !$0.same(known, synced) }.map(\.name)))
            noteReadiness(of: synced)
        }
        if let deployedAt = known.deployedAt, let said = mapped.change.deployedAt, said != deployedAt {
            report.conflicts.append("\(id) deployedAt: the export says \(said.iso8601), Cabinet keeps \(deployedAt.iso8601)")
        }
        for field in Self.cabinetKeptFields where !field.same(known, mapped.change) {
            report.conflicts.append("\(id) \(field.name): the export says \(field.describe(mapped.change)), Cabinet keeps \(field.describe(known))")
        }
        addApproval(mapped, to: synced, route: known.route, history: stored.decisions[id] ?? [])
        // The state moves with Cabinet's own workflow after the first import; a disagreement is listed.
        let appended = batch.document.decisions.last { $0.change == id }
        let state = known.state.after(latestDecision: appended?.outcome)
        if let said = mapped.statedState, said != state {
            report.conflicts.append("\(id) state: the export says \(said.rawValue), Cabinet keeps \(state.rawValue)")
        }
    }

    /// Drops what an earlier record of the export made of change `id`.
    private mutating func forget(_ id: String) {
        batch.document.changes.removeAll { $0.change.id == id }
        batch.document.decisions.removeAll { $0.change == id }
        batch.updates.removeAll { $0.id == id }
        batch.links[id] = nil
        report.updated.removeAll { $0.change == id }
        report.keptLocal.removeAll { $0.change == id }
        report.notReady.removeAll { $0.change == id }
        report.conflicts.removeAll { $0.hasPrefix(id + " ") }
    }

    /// Adds one incident. A stored one takes the source's severity and resolution (a resolution
    /// Cabinet recorded is never cleared); its other differences are listed, Cabinet's record kept.
    mutating func add(_ incident: Incident, record: String) {
        if let known = stored.incidents[incident.id] {
            var synced = known
            synced.severity = incident.severity
            synced.resolvedAt = incident.resolvedAt ?? known.resolvedAt
            batch.incidentUpdates.removeAll { $0.id == incident.id }
            report.updatedIncidents.removeAll { $0.change == incident.id }
            if synced != known {
                batch.incidentUpdates.append(synced)
                let moved = [("severity", synced.severity != known.severity), ("resolvedAt", synced.resolvedAt != known.resolvedAt)]
                report.updatedIncidents.append(MappingReport.Updated(change: incident.id, fields: moved.filter(\.1).map(\.0)))
            }
            let kept = [("openedAt", known.openedAt != incident.openedAt), ("causedBy", known.causedBy != incident.causedBy),
                        ("services", known.services != incident.services), ("resolvedAt", incident.resolvedAt == nil && known.resolvedAt != nil)]
            for (field, differs) in kept where differs {
                report.conflicts.append("\(incident.id) \(field): the export differs from the stored incident; Cabinet keeps its record")
            }
            return
        }
        for service in incident.services { addService(service, team: system) }
        if let earlier = incidentIndex[incident.id] {
            report.skip(incident.id, "appears again at \(record): the later record is kept")
            batch.document.incidents[earlier] = incident
            return
        }
        incidentIndex[incident.id] = batch.document.incidents.count
        batch.document.incidents.append(incident)
    }

    /// The finished batch, with its counts.
    func finished() -> ImportBatch {
        var batch = batch
        batch.report.changes = batch.document.changes.count
        batch.report.decisions = batch.document.decisions.count
        batch.report.incidents = batch.document.incidents.count
        batch.report.services = batch.document.services.count
        return batch
    }

    private mutating func addService(_ name: String, team: String) {
        guard services[name] == nil else { return }
        let service = Service(name: name, team: team)
        services[name] = service
        batch.document.services.append(service)
    }

    private func route(of change: Change) -> Route {
        Routing.route(type: change.type, category: change.category, risk: change.risk, team: change.team,
                      services: change.services, serviceTeams: services.mapValues(\.team))
    }

    private mutating func noteReadiness(of change: Change) {
        // As of its submission: an export of past changes should not read as windows gone by.
        let problems = Readiness(change: change, now: change.submittedAt).problems
        if !problems.isEmpty { report.notReady.append(MappingReport.NotReady(change: change.id, problems: problems)) }
    }

    /// The source's approval as a decision: the first one, or one superseding the source's
    /// earlier decision when the approval changed; never one over a decision Cabinet recorded.
    private mutating func addApproval(_ mapped: MappedChange, to change: Change, route: Route, history: [Decision]) {
        guard let approval = mapped.approval else { return }
        guard route == .peer || route == .cab else {
            return report.skip(change.id, "its \(approval.outcome.rawValue) approval is not a decision: the \(route.rawValue) route has no board gate")
        }
        // The state wins: a change the source still has waiting for the board stays on the queue.
        if approval.outcome.approves, let said = mapped.statedState, Self.awaitingTheBoard.contains(said) {
            return report.skip(change.id, "its \(approval.outcome.rawValue) approval is not a decision yet: its state \(said.rawValue) says it still waits for the board")
        }
        let latest = history.last
        var decision = Decision(id: Decision.naturalID(change: change.id, at: approval.at, by: system), change: change.id,
                                outcome: approval.outcome, at: approval.at, by: system,
                                note: mapped.approvalNote ?? (approval.outcome == .rejected ? "rejected in \(system)" : nil))
        if let latest {
            if latest.id == decision.id || (latest.by == system && latest.outcome == decision.outcome) { return }
            guard latest.by == system else {
                return report.conflicts.append("\(change.id) approval: the export says \(approval.outcome.rawValue), Cabinet keeps \(latest.by)'s \(latest.outcome.rawValue) decision")
            }
            guard ChangeState.movedByDecisions.contains(change.state), decision.at >= latest.at else {
                return report.conflicts.append("\(change.id) approval: the export says \(approval.outcome.rawValue), but the change is \(change.state.rawValue); Cabinet keeps its record")
            }
            decision.supersedes = latest.id
        }
        batch.document.decisions.append(decision)
    }

    /// The states of a change the board has not passed yet, whatever its approval field says.
    static let awaitingTheBoard: [ChangeState] = [.new, .assess, .authorize]

    /// The fields the source owns: a re-import writes them over the stored change.
    static let ownedFields: [ChangeField] = [
        ChangeField("title", \.title), ChangeField("blastRadius", \.blastRadius), ChangeField("rollbackPlan", \.rollbackPlan),
        ChangeField("verification", \.verification), ChangeField("windowStart", \.windowStart), ChangeField("windowEnd", \.windowEnd),
        ChangeField("services", \.services),
    ]

    /// Fields set on the first import that Cabinet keeps afterwards (its routing depends on them).
    static let cabinetKeptFields: [ChangeField] = [
        ChangeField("owner", \.owner), ChangeField("team", \.team), ChangeField("type", \.type), ChangeField("risk", \.risk),
        ChangeField("category", \.category),
    ]

    /// When a change was deployed: the source's (a merge) fills it where Cabinet recorded none.
    static let deployment = ChangeField("deployedAt", \.deployedAt)

    /// `known` with the source's fields, field by field as its link says: a field not edited in
    /// Cabinet since the last import (or of a change imported before links existed) takes the
    /// source's value; one edited in Cabinet keeps the edit while the source left it as it was, and
    /// otherwise takes the source's, the local value it overwrites listed as a conflict.
    private mutating func sync(_ known: Change, to source: Change) -> Change {
        var synced = known
        synced.deployedAt = known.deployedAt ?? source.deployedAt
        let imported = stored.links[known.id].flatMap { SourceLink.digests($0.fingerprint) }
        let here = SourceLink.digests(of: known), there = SourceLink.digests(of: source)
        var kept: [String] = []
        for field in Self.ownedFields where !field.same(known, source) {
            if let imported, imported[field.name] != here[field.name] {
                guard imported[field.name] != there[field.name] else {
                    kept.append(field.name)
                    continue
                }
                report.conflicts.append("\(known.id) \(field.name): edited in Cabinet since the last import and changed at the source; "
                                        + "the source's \(field.describe(source)) overwrites Cabinet's \(field.describe(known))")
            }
            field.take(&synced, source)
        }
        if !kept.isEmpty { report.keptLocal.append(MappingReport.Updated(change: known.id, fields: kept)) }
        return synced
    }
}

/// One field of a change, compared, copied and described for the mapping report.
struct ChangeField: Sendable {
    let name: String
    let same: @Sendable (Change, Change) -> Bool
    /// Writes the field's value of the second change into the first.
    let take: @Sendable (inout Change, Change) -> Void
    let describe: @Sendable (Change) -> String

    init<Value: Equatable & Sendable>(_ name: String, _ path: WritableKeyPath<Change, Value> & Sendable) {
        self.name = name
        same = { $0[keyPath: path] == $1[keyPath: path] }
        take = { $0[keyPath: path] = $1[keyPath: path] }
        describe = { change in Self.describe(change[keyPath: path]) }
    }

    /// A value as the report shows it: a word as itself, a time in ISO 8601, a list comma-separated,
    /// nothing as `none`, a long text on one line cut at 60 characters.
    private static func describe(_ value: Any) -> String {
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional { return mirror.children.first.map { describe($0.value) } ?? "none" }
        switch value {
        case let time as Timestamp: return time.iso8601
        case let list as [String]: return list.isEmpty ? "none" : list.joined(separator: ", ")
        case let word as any RawRepresentable: return "\(word.rawValue)"
        case let text as String:
            let line = text.split(whereSeparator: \.isNewline).joined(separator: " ")
            return line.isEmpty ? "none" : line.count > 60 ? line.prefix(59) + "…" : line
        default: return "\(value)"
        }
    }
}
