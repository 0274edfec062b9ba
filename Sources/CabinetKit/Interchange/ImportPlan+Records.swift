/// The plan for the records around the decisions: meetings, conditions met, freezes,
/// verifications, announcements, calibrations, roles and settings, checked as the changes are.
extension ImportPlan {
    mutating func planRecords(
        _ document: InterchangeDocument, source: String, existing: Existing, changes: [String: Change], decisions: [String: Decision],
        seen: inout Seen
    ) throws(CabinetError) {
        func noChange(_ id: String) -> String? { changes[id] == nil ? "no change '\(id)' in the document or the store" : nil }
        meetings = try newRecords(document.meetings, "meetings", \Meeting.date, existing.meetings, source, &seen, differing: "chair, times, attendees or agenda") {
            meeting throws(CabinetError) in meeting.items.lazy.compactMap { noChange($0.change) }.first.map { ("agenda", $0) }
        }
        conditionsMet = try newRecords(document.conditionsMet, "conditionsMet", \MetCondition.decision, existing.conditionsMet, source, &seen,
                                       label: "decision", differing: "by, at or note") { met throws(CabinetError) in
            guard let decision = decisions[met.decision] else { return ("decision", "no decision '\(met.decision)' in the document or the store") }
            return decision.outcome == .approvedWithConditions ? nil : ("decision", "\(met.decision) is \(decision.outcome.rawValue), not approved-with-conditions")
        }
        freezes = try newRecords(document.freezes, "freezes", \FreezeRecord.freeze.id, existing.freezes, source, &seen, differing: "from, to, reason or added") { _ in nil }
        verifications = try newRecords(document.verifications, "verifications", \Verification.id, existing.verifications, source, &seen,
                                       differing: "change, at, by or measurements") { noChange($0.change).map { ("change", $0) } }
        announcements = try newRecords(document.announcements, "announcements", \SentAnnouncement.id, existing.announcements, source, &seen,
                                       differing: "change, at, by, webhook or text") { noChange($0.change).map { ("change", $0) } }
        riskCalibrations = try newRecords(document.riskCalibrations, "riskCalibrations", \RiskCalibration.id, existing.riskCalibrations, source, &seen,
                                          differing: "period, scores or weights") { _ in nil }
        let storedRoles = Dictionary(uniqueKeysWithValues: existing.roles.map { ($0.key, TeamMember(name: $0.key, role: $0.value)) })
        roles = try newRecords(document.roles, "roles", \TeamMember.name, storedRoles, source, &seen, differing: "role") { _ in nil }
        if let threshold = document.settings.riskThreshold {
            switch existing.riskThreshold {
            case nil: riskThreshold = threshold
            case threshold: summary.unchanged += 1
            case let stored?:
                throw .invalidRecord(source: source, record: "settings", field: "riskThreshold", problem: "\(threshold) differs from the threshold already stored (\(stored))")
            }
        }
        summary.meetings = meetings.count
        summary.conditionsMet = conditionsMet.count
        summary.freezes = freezes.count
        summary.verifications = verifications.count
        summary.announcements = announcements.count
        summary.riskCalibrations = riskCalibrations.count
        summary.roles = roles.count
        summary.settings = riskThreshold == nil ? 0 : 1
    }

    /// The records of `list` to add: each checked by `problem` (a field and what is wrong with it),
    /// one already stored or earlier in the document under its id skipped when equal and
    /// refused when not.
    private mutating func newRecords<Record: Equatable>(
        _ list: [Record], _ kind: String, _ id: KeyPath<Record, String>, _ known: [String: Record], _ source: String, _ seen: inout Seen,
        label: String = "id", differing: String,
        problem: (Record) throws(CabinetError) -> (field: String, problem: String)?
    ) throws(CabinetError) -> [Record] {
        var held = known
        var added: [Record] = []
        for (index, record) in list.enumerated() {
            let key = record[keyPath: id]
            let name = "\(kind)[\(index)] (\(label) \(key))"
            if let (field, problem) = try problem(record) { throw .invalidRecord(source: source, record: name, field: field, problem: problem) }
            if let stored = held[key] {
                guard stored == record else { throw seen.conflict(source, name, kind: kind, id: key, field: differing) }
                summary.unchanged += 1
                continue
            }
            seen.note(kind: kind, id: key, index: index)
            held[key] = record
            added.append(record)
        }
        return added
    }
}
