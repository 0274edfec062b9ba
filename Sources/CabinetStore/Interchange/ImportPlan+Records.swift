import CabinetModel
/// The plan for the records around the decisions: meetings, conditions met, freezes,
/// verifications, announcements, calibrations, roles and settings, checked as the changes are.
extension ImportPlan {
    mutating func planRecords(
        _ document: InterchangeDocument, source: String, existing: Existing, changes: [String: Change], decisions: [String: Decision],
        seen: inout Seen
    ) throws(CabinetError) {
        func noChange(_ id: String) -> String? { changes[id] == nil ? "no change '\(id)' in the document or the store" : nil }
        meetings = try newRecords(document.meetings, "meetings", \Meeting.date, existing.meetings, source, &seen, fields: { meeting in
            [("chair", meeting.chair), ("itemMinutes", meeting.itemMinutes), ("startedAt", meeting.startedAt),
             ("agendaFrozenAt", meeting.agendaFrozenAt), ("endedAt", meeting.endedAt), ("attendees", meeting.attendees), ("agenda", meeting.items)]
        }) { meeting in meeting.items.lazy.compactMap { noChange($0.change) }.first.map { ("agenda", $0) } }
        conditionsMet = try newRecords(document.conditionsMet, "conditionsMet", \MetCondition.decision, existing.conditionsMet, source, &seen,
                                       label: "decision", fields: { [("by", $0.by), ("at", $0.at), ("note", $0.note)] }) { met in
            guard let decision = decisions[met.decision] else { return ("decision", "no decision '\(met.decision)' in the document or the store") }
            return decision.outcome == .approvedWithConditions ? nil : ("decision", "\(met.decision) is \(decision.outcome.rawValue), not approved-with-conditions")
        }
        freezes = try newRecords(document.freezes, "freezes", \FreezeRecord.freeze.id, existing.freezes, source, &seen, fields: { record in
            [("from", record.freeze.from), ("to", record.freeze.to), ("reason", record.freeze.reason), ("addedBy", record.freeze.addedBy),
             ("addedAt", record.addedAt)]
        }) { _ in nil }
        verifications = try newRecords(document.verifications, "verifications", \Verification.id, existing.verifications, source, &seen, fields: { verification in
            [("change", verification.change), ("at", verification.at), ("by", verification.by), ("smoke", verification.smoke),
             ("errorRate", verification.errorRate), ("baselineErrorRate", verification.baselineErrorRate), ("p99Delta", verification.p99Delta),
             ("heldMinutes", verification.heldMinutes), ("requiredMinutes", verification.requiredMinutes)]
        }) { noChange($0.change).map { ("change", $0) } }
        announcements = try newRecords(document.announcements, "announcements", \SentAnnouncement.id, existing.announcements, source, &seen, fields: {
            [("change", $0.change), ("at", $0.at), ("by", $0.by), ("webhook", $0.webhook), ("text", $0.text)]
        }) { noChange($0.change).map { ("change", $0) } }
        let meetingDays = Set(existing.meetings.keys).union(document.meetings.map(\.date))
        let incidentIDs = Set(existing.incidents.keys).union(document.incidents.map(\.id))
        actionItems = try newRecords(document.actionItems, "actionItems", \ActionItem.id, existing.actionItems, source, &seen, fields: { item in
            [("kind", item.kind), ("change", item.change), ("meeting", item.meeting), ("incident", item.incident), ("text", item.text),
             ("owner", item.owner), ("due", item.due), ("openedAt", item.openedAt), ("openedBy", item.openedBy), ("closedAt", item.closedAt),
             ("closedBy", item.closedBy), ("closeNote", item.closeNote)]
        }) { item in
            if ActionItem.number(item.id) == nil { return ("id", "'\(item.id)' is not an action item id like ACT-1") }
            if let problem = ActionItemRows.problem(item) { return problem }
            if let change = item.change, let missing = noChange(change) { return ("change", missing) }
            if let day = item.meeting, !meetingDays.contains(day) { return ("meeting", "no meeting on \(day) in the document or the store") }
            if let incident = item.incident, !incidentIDs.contains(incident) { return ("incident", "no incident '\(incident)' in the document or the store") }
            return nil
        }
        reviews = try newRecords(document.reviews, "reviews", \Review.incident, existing.reviews, source, &seen, label: "incident", fields: { review in
            [("change", review.change), ("openedAt", review.openedAt), ("rollbackWorked", review.rollbackWorked),
             ("rollbackMinutesTaken", review.rollbackMinutesTaken), ("verificationCaught", review.verificationCaught), ("note", review.note),
             ("closedAt", review.closedAt), ("closedBy", review.closedBy)]
        }) { review in
            if let problem = ReviewRows.problem(review) { return problem }
            if !incidentIDs.contains(review.incident) { return ("incident", "no incident '\(review.incident)' in the document or the store") }
            return noChange(review.change).map { ("change", $0) }
        }
        pirs = try newRecords(document.pirs, "pirs", \PostImplementationReview.change, existing.pirs, source, &seen, label: "change", fields: { review in
            [("outcome", review.outcome), ("at", review.at), ("by", review.by), ("meeting", review.meeting), ("note", review.note)]
        }) { review in
            guard let change = changes[review.change] else { return noChange(review.change).map { ("change", $0) } }
            if let day = review.meeting, !meetingDays.contains(day) { return ("meeting", "no meeting on \(day) in the document or the store") }
            return PIRRules.breach(of: review, on: change, existing: nil).map { ($0.field, $0.problem) }
        }
        sourceLinks = try newRecords(document.sourceLinks, "sourceLinks", \SourceLink.change, existing.sourceLinks, source, &seen, label: "change", fields: { link in
            [("system", link.system), ("sourceID", link.sourceID), ("fingerprint", link.fingerprint), ("importedAt", link.importedAt),
             ("meeting", link.meeting)]
        }) { noChange($0.change).map { ("change", $0) } }
        riskCalibrations = try newRecords(document.riskCalibrations, "riskCalibrations", \RiskCalibration.id, existing.riskCalibrations, source, &seen,
                                          fields: { calibration in
            [("calibratedAt", calibration.calibratedAt), ("since", calibration.since), ("until", calibration.until), ("changes", calibration.changes),
             ("incidents", calibration.incidents), ("brier", calibration.brier), ("defaultBrier", calibration.defaultBrier),
             ("intercept", calibration.model.intercept), ("features", [calibration.model.weights, calibration.means, calibration.deviations])]
        }) { _ in nil }
        let storedRoles = Dictionary(uniqueKeysWithValues: existing.roles.map { ($0.key, TeamMember(name: $0.key, role: $0.value)) })
        roles = try newRecords(document.roles, "roles", \TeamMember.name, storedRoles, source, &seen, fields: { [("role", $0.role)] }) { _ in nil }
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
        summary.actionItems = actionItems.count
        summary.reviews = reviews.count
        summary.pirs = pirs.count
        summary.sourceLinks = sourceLinks.count
        summary.riskCalibrations = riskCalibrations.count
        summary.roles = roles.count
        summary.settings = riskThreshold == nil ? 0 : 1
    }

    /// The records of `list` to add: each checked by `problem` (a field and what is wrong with
    /// it); one already stored, or earlier in the document, under its id is skipped when its
    /// `fields` are equal and refused naming the first that is not.
    private mutating func newRecords<Record>(
        _ list: [Record], _ kind: String, _ id: KeyPath<Record, String>, _ known: [String: Record], _ source: String, _ seen: inout Seen,
        label: String = "id", fields: (Record) -> [(String, AnyHashable?)], problem: (Record) -> (field: String, problem: String)?
    ) throws(CabinetError) -> [Record] {
        var held = known
        var added: [Record] = []
        for (index, record) in list.enumerated() {
            let key = record[keyPath: id]
            let name = "\(kind)[\(index)] (\(label) \(key))"
            if let (field, problem) = problem(record) { throw .invalidRecord(source: source, record: name, field: field, problem: problem) }
            if let stored = held[key] {
                if let differing = zip(fields(stored), fields(record)).first(where: { $0.0.1 != $0.1.1 })?.0.0 {
                    throw seen.conflict(source, name, kind: kind, id: key, field: differing)
                }
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
