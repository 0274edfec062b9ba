import CabinetModel
/// The records around the decisions: meetings, conditions met, freezes, verifications,
/// announcements, action items, reviews, source links, calibrations, roles and settings. These sections are
/// small beside the changes: they are read whole first (a record that cannot be read is refused
/// before any that breaks a rule, as a reader of the whole document does), then each is checked
/// against what the store holds of its kind and written.
extension ImportSession {
    /// Imports the sections after the incidents; returns the roles to write.
    mutating func importRecords(storedRoles: [String: TeamRole]) throws -> [TeamMember] {
        let db = self.db, records = self.records
        let meetings = try records.all(InterchangeReader.meetings)
        let conditionsMet = try records.all(InterchangeReader.conditionsMet)
        let freezes = try records.all(InterchangeReader.freezes)
        let verifications = try records.all(InterchangeReader.verifications)
        let announcements = try records.all(InterchangeReader.announcements)
        let actionItems = try records.all(InterchangeReader.actionItems)
        let reviews = try records.all(InterchangeReader.reviews)
        let pirs = try records.all(InterchangeReader.pirs)
        let sourceLinks = try records.all(InterchangeReader.sourceLinks)
        let riskCalibrations = try records.all(InterchangeReader.riskCalibrations)
        let roles = try records.all(InterchangeReader.roles)
        let settings = try records.givenSettings()
        // The stored records these sections name, read for all of them at once (a query for
        // each 500 ids): they write no change, decision or incident.
        let namedChanges = meetings.flatMap { $0.items.map(\.change) } + verifications.map(\.change) + announcements.map(\.change)
            + actionItems.compactMap(\.change) + reviews.map(\.change) + sourceLinks.map(\.change)
        let storedChanges = Set(try ChangeRows.fetchAsRuled(db, ids: namedChanges).keys)
        let reviewedChanges = try ChangeRows.fetch(db, ids: pirs.map(\.change))
        let metOutcomes = try DecisionRows.outcomes(db, ids: conditionsMet.map(\.decision))
        let storedIncidents = Set(try IncidentRows.fetch(db, ids: actionItems.compactMap(\.incident) + reviews.map(\.incident)).keys)
        func noChange(_ id: String) -> String? {
            storedChanges.contains(id) || reviewedChanges[id] != nil ? nil : "no change '\(id)' in the document or the store"
        }
        let storedMeetings = Dictionary(uniqueKeysWithValues: try MeetingRows.fetchAll(db).map { ($0.date, $0) })
        let meetingDays = Set(storedMeetings.keys).union(meetings.map(\.date))
        for meeting in try newRecords(meetings, InterchangeReader.meetings, \Meeting.date, storedMeetings, fields: { meeting in
            [("chair", meeting.chair), ("itemMinutes", meeting.itemMinutes), ("startedAt", meeting.startedAt),
             ("agendaFrozenAt", meeting.agendaFrozenAt), ("endedAt", meeting.endedAt), ("attendees", meeting.attendees), ("agenda", meeting.items)]
        }, problem: { meeting in
            for item in meeting.items { if let missing = noChange(item.change) { return ("agenda", missing) } }
            return nil
        }) {
            try MeetingRows.insert(db, meeting)
            summary.meetings += 1
        }
        for met in try newRecords(conditionsMet, InterchangeReader.conditionsMet, \MetCondition.decision,
                                  Dictionary(uniqueKeysWithValues: try ConditionRows.fetchMet(db).map { ($0.decision, $0) }), label: "decision",
                                  fields: { [("by", $0.by), ("at", $0.at), ("note", $0.note)] }, problem: { met in
            guard let outcome = metOutcomes[met.decision] else {
                return ("decision", "no decision '\(met.decision)' in the document or the store")
            }
            return outcome == .approvedWithConditions ? nil : ("decision", "\(met.decision) is \(outcome.rawValue), not approved-with-conditions")
        }) {
            try ConditionRows.insertMet(db, decision: met.decision, by: met.by, at: met.at, note: met.note, recordedBy: recorder)
            summary.conditionsMet += 1
        }
        for freeze in try newRecords(freezes, InterchangeReader.freezes, \FreezeRecord.freeze.id,
                                     Dictionary(uniqueKeysWithValues: try FreezeRows.fetchRecords(db).map { ($0.freeze.id, $0) }), fields: { record in
            [("from", record.freeze.from), ("to", record.freeze.to), ("reason", record.freeze.reason), ("addedBy", record.freeze.addedBy),
             ("addedAt", record.addedAt)]
        }, problem: { _ in nil }) {
            try FreezeRows.insert(db, freeze, recordedBy: recorder)
            summary.freezes += 1
        }
        for verification in try newRecords(verifications, InterchangeReader.verifications, \Verification.id,
                                           Dictionary(uniqueKeysWithValues: try VerificationRows.fetch(db, where: "TRUE").map { ($0.id, $0) }), fields: { verification in
            [("change", verification.change), ("at", verification.at), ("by", verification.by), ("smoke", verification.smoke),
             ("errorRate", verification.errorRate), ("baselineErrorRate", verification.baselineErrorRate), ("p99Delta", verification.p99Delta),
             ("heldMinutes", verification.heldMinutes), ("requiredMinutes", verification.requiredMinutes)]
        }, problem: { noChange($0.change).map { ("change", $0) } }) {
            try VerificationRows.insert(db, verification, recordedBy: recorder)
            summary.verifications += 1
        }
        for announcement in try newRecords(announcements, InterchangeReader.announcements, \SentAnnouncement.id,
                                           Dictionary(uniqueKeysWithValues: try AnnouncementRows.fetchAll(db).map { ($0.id, $0) }), fields: {
            [("change", $0.change), ("at", $0.at), ("by", $0.by), ("webhook", $0.webhook), ("text", $0.text)]
        }, problem: { noChange($0.change).map { ("change", $0) } }) {
            try AnnouncementRows.insert(db, announcement, recordedBy: recorder)
            summary.announcements += 1
        }
        func noIncident(_ id: String) -> Bool { !storedIncidents.contains(id) }
        for item in try newRecords(actionItems, InterchangeReader.actionItems, \ActionItem.id,
                                   Dictionary(uniqueKeysWithValues: try ActionItemRows.fetch(db, where: "TRUE").map { ($0.id, $0) }), fields: { item in
            [("kind", item.kind), ("change", item.change), ("meeting", item.meeting), ("incident", item.incident), ("text", item.text),
             ("owner", item.owner), ("due", item.due), ("openedAt", item.openedAt), ("openedBy", item.openedBy), ("closedAt", item.closedAt),
             ("closedBy", item.closedBy), ("closeNote", item.closeNote)]
        }, problem: { item in
            if ActionItem.number(item.id) == nil { return ("id", "'\(item.id)' is not an action item id like ACT-1") }
            if let problem = ActionItemRows.problem(item) { return problem }
            if let change = item.change, let missing = noChange(change) { return ("change", missing) }
            if let day = item.meeting, !meetingDays.contains(day) { return ("meeting", "no meeting on \(day) in the document or the store") }
            if let incident = item.incident, noIncident(incident) { return ("incident", "no incident '\(incident)' in the document or the store") }
            return nil
        }) {
            try ActionItemRows.insert(db, item, recordedBy: recorder)
            summary.actionItems += 1
        }
        for review in try newRecords(reviews, InterchangeReader.reviews, \Review.incident,
                                     Dictionary(uniqueKeysWithValues: try ReviewRows.fetch(db, where: "TRUE").map { ($0.incident, $0) }), label: "incident",
                                     fields: { review in
            [("change", review.change), ("openedAt", review.openedAt), ("rollbackWorked", review.rollbackWorked),
             ("rollbackMinutesTaken", review.rollbackMinutesTaken), ("verificationCaught", review.verificationCaught), ("note", review.note),
             ("closedAt", review.closedAt), ("closedBy", review.closedBy)]
        }, problem: { review in
            if let problem = ReviewRows.problem(review) { return problem }
            if noIncident(review.incident) { return ("incident", "no incident '\(review.incident)' in the document or the store") }
            return noChange(review.change).map { ("change", $0) }
        }) {
            try ReviewRows.insert(db, review, recordedBy: recorder)
            summary.reviews += 1
        }
        try openReviews()
        for review in try newRecords(pirs, InterchangeReader.pirs, \PostImplementationReview.change,
                                     Dictionary(uniqueKeysWithValues: try PIRRows.fetch(db, where: "TRUE").map { ($0.change, $0) }), label: "change",
                                     fields: { review in
            [("outcome", review.outcome), ("at", review.at), ("by", review.by), ("meeting", review.meeting), ("note", review.note)]
        }, problem: { review in
            guard let change = reviewedChanges[review.change] else { return noChange(review.change).map { ("change", $0) } }
            if let day = review.meeting, !meetingDays.contains(day) { return ("meeting", "no meeting on \(day) in the document or the store") }
            return PIRRules.breach(of: review, on: change, existing: nil).map { ($0.field, $0.problem) }
        }) {
            try PIRRows.insert(db, review, recordedBy: recorder)
            summary.pirs += 1
        }
        for link in try newRecords(sourceLinks, InterchangeReader.sourceLinks, \SourceLink.change,
                                   Dictionary(uniqueKeysWithValues: try SourceLinkRows.fetch(db, where: "TRUE").map { ($0.change, $0) }), label: "change",
                                   fields: { link in
            [("system", link.system), ("sourceID", link.sourceID), ("fingerprint", link.fingerprint), ("importedAt", link.importedAt),
             ("meeting", link.meeting)]
        }, problem: { noChange($0.change).map { ("change", $0) } }) {
            try SourceLinkRows.insert(db, link)
            summary.sourceLinks += 1
        }
        for calibration in try newRecords(riskCalibrations, InterchangeReader.riskCalibrations, \RiskCalibration.id,
                                          Dictionary(uniqueKeysWithValues: try RiskRows.fetch(db).map { ($0.id, $0) }), fields: { calibration in
            [("calibratedAt", calibration.calibratedAt), ("since", calibration.since), ("until", calibration.until), ("changes", calibration.changes),
             ("incidents", calibration.incidents), ("brier", calibration.brier), ("defaultBrier", calibration.defaultBrier),
             ("intercept", calibration.model.intercept), ("features", [calibration.model.weights, calibration.means, calibration.deviations])]
        }, problem: { _ in nil }) {
            try RiskRows.insert(db, calibration)
            summary.riskCalibrations += 1
        }
        let stored = Dictionary(uniqueKeysWithValues: storedRoles.map { ($0.key, TeamMember(name: $0.key, role: $0.value)) })
        let newRoles = try newRecords(roles, InterchangeReader.roles, \TeamMember.name, stored, fields: { [("role", $0.role)] }, problem: { _ in nil })
        summary.roles = newRoles.count
        if let threshold = settings.riskThreshold {
            switch try RiskRows.threshold(db) {
            case nil:
                try RiskRows.setThreshold(db, threshold)
                summary.settings = 1
            case threshold: summary.unchanged += 1
            case let stored?:
                throw CabinetError.invalidRecord(source: source, record: "settings", field: "riskThreshold",
                                                 problem: "\(threshold) differs from the threshold already stored (\(stored))")
            }
        }
        return newRoles
    }

    /// The records of `list` to add: each checked by `problem` (a field and what is wrong with
    /// it); one already stored, or earlier in the document, under its id is skipped when its
    /// `fields` are equal and refused naming the first that is not.
    private mutating func newRecords<Record>(
        _ list: [Record], _ section: InterchangeSection<Record>, _ id: KeyPath<Record, String>, _ known: [String: Record],
        label: String = "id", fields: (Record) -> [(String, AnyHashable?)], problem: (Record) throws -> (field: String, problem: String)?
    ) throws -> [Record] {
        var held = known
        var firstSeen: [String: Int] = [:]
        var added: [Record] = []
        for (index, record) in list.enumerated() {
            let key = record[keyPath: id]
            let name = "\(section.name)[\(index)] (\(label) \(key))"
            if let (field, problem) = try problem(record) {
                throw CabinetError.invalidRecord(source: source, record: name, field: field, problem: problem)
            }
            if let stored = held[key] {
                if let differing = zip(fields(stored), fields(record)).first(where: { $0.0.1 != $0.1.1 })?.0.0 {
                    throw conflict(name, kind: section.name, field: differing, earlier: firstSeen[key])
                }
                summary.unchanged += 1
                continue
            }
            firstSeen[key] = index
            held[key] = record
            added.append(record)
        }
        return added
    }
}
