import CabinetModel
/// The store's side of `cab import --from SYSTEM`: what it holds of an export's records, and
/// the batch written in one transaction.
extension SQLStore {
    /// The stored changes (with their decisions and source links) and incidents among `ids`, and the whole service catalogue.
    public func storedRecords(ids: [String]) throws(CabinetError) -> StoredRecords {
        try reading { db in
            var stored = StoredRecords(services: Dictionary(uniqueKeysWithValues: try ServiceRows.fetchAll(db).map { ($0.name, $0) }))
            for chunk in Array(Set(ids)).sorted().chunked(500) {
                let arguments = chunk.map(SQLValue.text)
                for change in try ChangeRows.fetch(db, where: "id IN (\(placeholders(chunk.count)))", arguments: arguments) {
                    stored.changes[change.id] = change
                }
                for decision in try DecisionRows.fetch(db, where: "change_id IN (\(placeholders(chunk.count)))", arguments: arguments) {
                    stored.decisions[decision.change, default: []].append(decision)
                }
                for incident in try IncidentRows.fetch(db, where: "id IN (\(placeholders(chunk.count)))", arguments: arguments) {
                    stored.incidents[incident.id] = incident
                }
                for link in try SourceLinkRows.fetch(db, where: "change_id IN (\(placeholders(chunk.count)))", arguments) {
                    stored.links[link.change] = link
                }
            }
            return stored
        }
    }

    /// Writes an adapter's batch all-or-nothing: the new records through the interchange import,
    /// then the source's title, four fields, window, services and deployment over the stored
    /// changes it updates and the source's severity and resolution over its stored incidents (a
    /// chair's write), then each change's source link, stamped `now`. `source` names the files in errors.
    public func importBatch(_ batch: ImportBatch, source: String, now: Timestamp = Timestamp.now()) throws(CabinetError) -> ImportSummary {
        try writingInBulk { db in
            let summary = try importRecords(batch.document, source: source, now: now, db)
            if !batch.updates.isEmpty || !batch.incidentUpdates.isEmpty {
                let recorder = try recorder(db)
                try authorize(.editOthersChanges, by: recorder, db, refusal: .forbidden(
                    "the export updates \(batch.updates.count) stored changes and \(batch.incidentUpdates.count) stored incidents: only a chair can sync them"))
            }
            for change in batch.updates {
                if let start = change.windowStart, let end = change.windowEnd, end <= start {
                    throw CabinetError.invalidRecord(source: source, record: change.id, field: "windowEnd", problem: "\(end.iso8601) is not after the window start \(start.iso8601)")
                }
                try db.execute("""
                    UPDATE changes SET title = ?, blast_radius = ?, rollback_plan = ?, verification = ?, window_start = ?, window_end = ?, deployed_at = ?
                    WHERE id = ?
                    """, [.text(change.title), .text(change.blastRadius), .text(change.rollbackPlan), .text(change.verification),
                          SQLValue(change.windowStart), SQLValue(change.windowEnd), SQLValue(change.deployedAt), .text(change.id)])
                try db.execute("DELETE FROM change_services WHERE change_id = ?", [.text(change.id)])
                for (position, service) in change.services.enumerated() {
                    try db.execute("INSERT INTO change_services (change_id, position, service) VALUES (?, ?, ?)", [.text(change.id), SQLValue(position), .text(service)])
                }
            }
            for incident in batch.incidentUpdates {
                if let resolvedAt = incident.resolvedAt, resolvedAt < incident.openedAt {
                    throw CabinetError.invalidRecord(source: source, record: incident.id, field: "resolvedAt",
                                                     problem: "\(resolvedAt.iso8601) is before the incident opened (\(incident.openedAt.iso8601))")
                }
                try db.execute("UPDATE incidents SET severity = ?, resolved_at = ? WHERE id = ?",
                               [.text(incident.severity.rawValue), SQLValue(incident.resolvedAt), .text(incident.id)])
            }
            for (change, link) in batch.links.sorted(by: { $0.key < $1.key }) {
                try SourceLinkRows.write(db, SourceLink(change: change, system: batch.system, sourceID: batch.sourceID(of: change),
                                                        fingerprint: link.fingerprint, importedAt: now, meeting: link.meeting))
            }
            return summary
        }
    }
}
