import Foundation
import CabinetModel

/// Reads an interchange document, checking every record on its own (types, words, zones,
/// window order); duplicates and references are checked against the store by `ImportSession`.
/// `StreamedDocument` reads a file the same way, one record at a time.
public enum InterchangeReader {
    /// The sections of a document, in the order they are read and written.
    public static let sections = [
        "services", "changes", "decisions", "incidents", "meetings", "conditionsMet", "freezes", "verifications",
        "announcements", "actionItems", "reviews", "pirs", "sourceLinks", "riskCalibrations", "roles", "settings",
    ]

    public static func read(_ data: Data, source: String) throws(CabinetError) -> InterchangeDocument {
        guard case .object(let top) = try parse(data, source: source) else { throw notAnObject(source) }
        try checkSectionNames(top.keys, source: source)
        func records<T>(_ kind: String, _ read: (RecordFields) throws(CabinetError) -> T) throws(CabinetError) -> [T] {
            try section(top, kind, source).enumerated().map { index, value throws(CabinetError) in
                try RecordFields.read(value, source: source, kind: kind, index: index, read)
            }
        }
        var document = InterchangeDocument()
        document.services = try records("services", service)
        document.changes = try records("changes", change)
        document.decisions = try records("decisions", decision)
        document.incidents = try records("incidents", incident)
        document.meetings = try records("meetings", meeting)
        document.conditionsMet = try records("conditionsMet", metCondition)
        document.freezes = try records("freezes", freeze)
        document.verifications = try records("verifications", verification)
        document.announcements = try records("announcements", announcement)
        document.actionItems = try records("actionItems", actionItem)
        document.reviews = try records("reviews", review)
        document.pirs = try records("pirs", pir)
        document.sourceLinks = try records("sourceLinks", sourceLink)
        document.riskCalibrations = try records("riskCalibrations", calibration)
        document.roles = try records("roles", member)
        if let settings = top["settings"] {
            document.settings = try RecordFields.read(settings, source: source, kind: "settings", index: nil, self.settings)
        }
        return document
    }

    static func notAnObject(_ source: String) -> CabinetError {
        .unreadableInput(source: source, problem: "expected a JSON object with services, changes, decisions and incidents")
    }

    /// Refuses a section nobody reads, naming the nearest known one.
    static func checkSectionNames(_ names: some Collection<String>, source: String) throws(CabinetError) {
        if let unknown = names.sorted().first(where: { !sections.contains($0) }) {
            let hint = NearestWord.nearest(to: unknown, among: sections).map { "did you mean '\($0)'? " } ?? ""
            throw .unreadableInput(source: source, problem: "unknown section '\(unknown)' (\(hint)expected \(sections.joined(separator: ", ")))")
        }
    }

    /// A service catalogue (by `cab services import`): `{"services": [...]}` or the bare list.
    public static func readServices(_ data: Data, source: String) throws(CabinetError) -> [Service] {
        let list: [JSONValue]
        switch try parse(data, source: source) {
        case .object(let top):
            guard top.keys.allSatisfy({ $0 == "services" }) else {
                throw .unreadableInput(source: source, problem: "expected {\"services\": [...]} or a list of services")
            }
            list = try section(top, "services", source)
        case .array(let bare):
            list = bare
        default:
            throw .unreadableInput(source: source, problem: "expected {\"services\": [...]} or a list of services")
        }
        return try list.enumerated().map { index, value throws(CabinetError) in
            try RecordFields.read(value, source: source, kind: "services", index: index, service)
        }
    }

    /// One change given alone (by `cab change add`), from a file.
    public static func readChange(_ data: Data, source: String) throws(CabinetError) -> SubmittedChange {
        try readChange(try parse(data, source: source), source: source)
    }

    /// One change given alone, as fields (`cab change add` flags).
    public static func readChange(_ fields: JSONValue, source: String) throws(CabinetError) -> SubmittedChange {
        try RecordFields.read(fields, source: source, kind: "change", index: nil, change)
    }

    /// One incident given alone, as fields (`cab incident add` flags).
    public static func readIncident(_ fields: JSONValue, source: String) throws(CabinetError) -> Incident {
        try RecordFields.read(fields, source: source, kind: "incident", index: nil, incident)
    }

    private static func parse(_ data: Data, source: String) throws(CabinetError) -> JSONValue {
        do { return try JSONParser.parse(data) } catch {
            throw .unreadableInput(source: source, problem: "not valid JSON (\(error))")
        }
    }

    private static func section(_ top: [String: JSONValue], _ key: String, _ source: String) throws(CabinetError) -> [JSONValue] {
        guard let value = top[key] else { return [] }
        guard case .array(let list) = value else { throw .unreadableInput(source: source, problem: "'\(key)' must be a list") }
        return list
    }

    static func service(_ fields: RecordFields) throws(CabinetError) -> Service {
        Service(name: try fields.nonEmptyString("name"), team: try fields.nonEmptyString("team"), dependsOn: try fields.strings("dependsOn"))
    }

    static func change(_ fields: RecordFields) throws(CabinetError) -> SubmittedChange {
        let windowStart = try fields.optionalTimestamp("windowStart")
        let windowEnd = try fields.optionalTimestamp("windowEnd")
        if let windowStart, let windowEnd, windowEnd <= windowStart {
            throw fields.fail("windowEnd", "\(windowEnd.iso8601) is not after windowStart \(windowStart.iso8601)")
        }
        if (windowStart == nil) != (windowEnd == nil) {
            throw fields.fail(windowStart == nil ? "windowStart" : "windowEnd", "a window needs both windowStart and windowEnd")
        }
        let services = try fields.strings("services")
        guard !services.isEmpty else { throw fields.fail("services", "name at least one service the change touches") }
        let change = Change(
            id: try fields.nonEmptyString("id"),
            title: try fields.nonEmptyString("title"),
            owner: try fields.nonEmptyString("owner"),
            team: try fields.nonEmptyString("team"),
            type: try fields.word("type", as: ChangeType.self),
            category: try fields.word("category", as: ChangeCategory.self),
            risk: try fields.word("risk", as: Risk.self),
            route: .peer,
            services: services,
            filesChanged: try fields.optionalInt("filesChanged"),
            hasMigration: try fields.optionalBool("hasMigration"),
            blastRadius: try fields.optionalString("blastRadius", .long) ?? "",
            rollbackPlan: try fields.optionalString("rollbackPlan", .long) ?? "",
            rollbackMinutes: try fields.optionalInt("rollbackMinutes"),
            verification: try fields.optionalString("verification", .long) ?? "",
            windowStart: windowStart,
            windowEnd: windowEnd,
            submittedAt: try fields.timestamp("submittedAt"),
            state: .new,
            migrationChecklist: try fields.nested("migrationChecklist", migrationChecklist),
            touches: try fields.words("touches", as: ConfigArea.self),
            deployedAt: try fields.optionalTimestamp("deployedAt")
        )
        return SubmittedChange(
            change: change,
            statedRoute: try fields.optionalWord("route", as: Route.self),
            statedState: try fields.optionalWord("state", as: ChangeState.self))
    }

    static func migrationChecklist(_ fields: RecordFields) throws(CabinetError) -> MigrationChecklist {
        MigrationChecklist(
            exclusiveLockOnHighTrafficTable: try fields.optionalBool("exclusiveLockOnHighTrafficTable"),
            completesWithinLockTimeout: try fields.optionalBool("completesWithinLockTimeout"),
            testedOnProductionSizedData: try fields.optionalBool("testedOnProductionSizedData"),
            backwardCompatible: try fields.optionalBool("backwardCompatible"),
            testedRollbackMigration: try fields.optionalBool("testedRollbackMigration"),
            usesOnlineSchemaChange: try fields.optionalBool("usesOnlineSchemaChange"),
            expandContractPhase: try fields.optionalWord("expandContractPhase", as: ExpandContractPhase.self))
    }

    static func decision(_ fields: RecordFields) throws(CabinetError) -> Decision {
        let change = try fields.nonEmptyString("change")
        let outcome = try fields.word("outcome", as: Outcome.self)
        let at = try fields.timestamp("at")
        let by = try fields.nonEmptyString("by")
        // What a decision must say (a rejection's reason, an approval's conditions) is checked
        // with the other record rules, by the import plan.
        return Decision(
            id: try fields.optionalString("id") ?? Decision.naturalID(change: change, at: at, by: by),
            change: change, outcome: outcome, at: at, by: by, conditions: try fields.optionalString("conditions", .long),
            note: try fields.optionalString("note", .long), supersedes: try fields.optionalString("supersedes"),
            riskScore: try fields.optionalProbability("riskScore"))
    }

    static func incident(_ fields: RecordFields) throws(CabinetError) -> Incident {
        let causedBy = try fields.strings("causedBy")
        let openedAt = try fields.timestamp("openedAt")
        let resolvedAt = try fields.optionalTimestamp("resolvedAt")
        if let resolvedAt, resolvedAt < openedAt {
            throw fields.fail("resolvedAt", "\(resolvedAt.iso8601) is before openedAt \(openedAt.iso8601)")
        }
        return Incident(
            id: try fields.nonEmptyString("id"), openedAt: openedAt,
            severity: try fields.word("severity", as: Severity.self), causedBy: causedBy, services: try fields.strings("services"),
            resolvedAt: resolvedAt)
    }
}

extension InterchangeReader {
    static func meeting(_ fields: RecordFields) throws(CabinetError) -> Meeting {
        let date = try fields.nonEmptyString("date")
        guard date.utf8.count == 10, (try? Timestamp(dayOrInstant: date)) != nil else {
            throw fields.fail("date", "'\(date)' is not a day like 2026-11-27")
        }
        let items = try fields.records("agenda") { item throws(CabinetError) in
            AgendaItem(change: try item.nonEmptyString("change"), position: try item.int("position"),
                       startedAt: try item.optionalTimestamp("startedAt"), pausedAt: try item.optionalTimestamp("pausedAt"),
                       pausedTotalMilliseconds: Int64(try item.optionalInt("pausedMilliseconds") ?? 0),
                       endedAt: try item.optionalTimestamp("endedAt"), addedReason: try item.optionalString("addedReason", .long),
                       addedBy: try item.optionalString("addedBy"), notes: try item.optionalString("notes", .long))
        }
        let attendees = try fields.records("attendees") { attendee throws(CabinetError) in
            Attendee(name: try attendee.nonEmptyString("name"), role: try attendee.word("role", as: AttendeeRole.self),
                     present: try attendee.optionalBool("present"), speaksFor: try attendee.optionalString("speaksFor"))
        }
        for (field, values) in [("agenda", items.map(\.change)), ("attendees", attendees.map(\.name))] {
            if let twice = values.first(where: { value in values.filter { $0 == value }.count > 1 }) { throw fields.fail(field, "names '\(twice)' twice") }
        }
        return Meeting(
            date: date, chair: try fields.nonEmptyString("chair"), itemMinutes: try fields.int("itemMinutes", minimum: 1),
            startedAt: try fields.optionalTimestamp("startedAt"), agendaFrozenAt: try fields.optionalTimestamp("agendaFrozenAt"),
            endedAt: try fields.optionalTimestamp("endedAt"), attendees: attendees, items: items)
    }

    static func metCondition(_ fields: RecordFields) throws(CabinetError) -> MetCondition {
        MetCondition(decision: try fields.nonEmptyString("decision"), by: try fields.nonEmptyString("by"), at: try fields.timestamp("at"),
                     note: try fields.optionalString("note", .long))
    }

    static func freeze(_ fields: RecordFields) throws(CabinetError) -> FreezeRecord {
        let id = try fields.nonEmptyString("id")
        guard let number = FreezeRows.number(id), number > 0, FreezeRows.id(number) == id else {
            throw fields.fail("id", "'\(id)' is not a freeze id like FRZ-1")
        }
        let from = try fields.timestamp("from"), to = try fields.timestamp("to")
        guard from < to else { throw fields.fail("to", "\(to.iso8601) is not after from \(from.iso8601)") }
        let freeze = Freeze(id: id, from: from, to: to, reason: try fields.nonEmptyString("reason", .long), addedBy: try fields.nonEmptyString("addedBy"))
        return FreezeRecord(freeze: freeze, addedAt: try fields.timestamp("addedAt"))
    }

    static func verification(_ fields: RecordFields) throws(CabinetError) -> Verification {
        Verification(
            id: try fields.nonEmptyString("id"), change: try fields.nonEmptyString("change"), at: try fields.timestamp("at"),
            by: try fields.nonEmptyString("by"), smoke: try fields.word("smoke", as: SmokeResult.self),
            errorRate: try fields.optionalNumber("errorRate"), baselineErrorRate: try fields.optionalNumber("baselineErrorRate"),
            p99Delta: try fields.optionalNumber("p99Delta"), heldMinutes: try fields.optionalInt("heldMinutes"),
            requiredMinutes: try fields.int("requiredMinutes"))
    }

    static func announcement(_ fields: RecordFields) throws(CabinetError) -> SentAnnouncement {
        SentAnnouncement(id: try fields.nonEmptyString("id"), change: try fields.nonEmptyString("change"), at: try fields.timestamp("at"),
                     by: try fields.nonEmptyString("by"), webhook: try fields.nonEmptyString("webhook", .long),
                     text: try fields.string("text", .long))
    }

    static func actionItem(_ fields: RecordFields) throws(CabinetError) -> ActionItem {
        ActionItem(id: try fields.nonEmptyString("id"), kind: try fields.word("kind", as: ActionItem.Kind.self),
                   change: try fields.optionalString("change"), meeting: try fields.optionalString("meeting"),
                   incident: try fields.optionalString("incident"), text: try fields.nonEmptyString("text", .long),
                   owner: try fields.nonEmptyString("owner"), due: try fields.optionalString("due"), openedAt: try fields.timestamp("openedAt"),
                   openedBy: try fields.nonEmptyString("openedBy"), closedAt: try fields.optionalTimestamp("closedAt"),
                   closedBy: try fields.optionalString("closedBy"), closeNote: try fields.optionalString("closeNote", .long))
    }

    static func review(_ fields: RecordFields) throws(CabinetError) -> Review {
        Review(incident: try fields.nonEmptyString("incident"), change: try fields.nonEmptyString("change"), openedAt: try fields.timestamp("openedAt"),
               rollbackWorked: try fields.optionalBool("rollbackWorked"), rollbackMinutesTaken: try fields.optionalInt("rollbackMinutesTaken"),
               verificationCaught: try fields.optionalBool("verificationCaught"), note: try fields.optionalString("note", .long),
               closedAt: try fields.optionalTimestamp("closedAt"), closedBy: try fields.optionalString("closedBy"))
    }

    /// A source link: its fingerprint holds a digest per field a source owns (`SourceLink.fingerprint`).
    static func sourceLink(_ fields: RecordFields) throws(CabinetError) -> SourceLink {
        let fingerprint = try fields.nonEmptyString("fingerprint")
        guard SourceLink.digests(fingerprint) != nil else {
            let expected = SourceLink.fields.map { "\($0.name)=<16 hex digits>" }.joined(separator: ";")
            throw fields.fail("fingerprint", "'\(fingerprint)' is not a source fingerprint (\(expected))")
        }
        let meeting = try fields.optionalString("meeting")
        if let meeting, meeting.utf8.count != 10 || (try? Timestamp(dayOrInstant: meeting)) == nil {
            throw fields.fail("meeting", "'\(meeting)' is not a day like 2026-11-27")
        }
        return SourceLink(change: try fields.nonEmptyString("change"), system: try fields.nonEmptyString("system"),
                          sourceID: try fields.nonEmptyString("sourceID"), fingerprint: fingerprint, importedAt: try fields.timestamp("importedAt"),
                          meeting: meeting)
    }

    static func pir(_ fields: RecordFields) throws(CabinetError) -> PostImplementationReview {
        let meeting = try fields.optionalString("meeting")
        if let meeting, meeting.utf8.count != 10 || (try? Timestamp(dayOrInstant: meeting)) == nil {
            throw fields.fail("meeting", "'\(meeting)' is not a day like 2026-11-27")
        }
        return PostImplementationReview(
            change: try fields.nonEmptyString("change"), outcome: try fields.word("outcome", as: PIROutcome.self), at: try fields.timestamp("at"),
            by: try fields.nonEmptyString("by"), meeting: meeting, note: try fields.optionalString("note", .long))
    }

    /// A calibration with one weight, mean and deviation per risk feature (and the intercept).
    static func calibration(_ fields: RecordFields) throws(CabinetError) -> RiskCalibration {
        var weights = Array(repeating: 0.0, count: RiskSamples.dimension)
        var means = weights, deviations = weights
        var named: Set<RiskFeature> = []
        let features = try fields.records("features") { feature throws(CabinetError) in
            (feature: try feature.word("feature", as: RiskFeature.self), weight: try feature.number("weight"),
             mean: try feature.number("mean"), sd: try feature.number("sd"))
        }
        for entry in features {
            guard named.insert(entry.feature).inserted, let position = RiskFeature.allCases.firstIndex(of: entry.feature) else {
                throw fields.fail("features", "names '\(entry.feature.rawValue)' twice")
            }
            weights[position] = entry.weight; means[position] = entry.mean; deviations[position] = entry.sd
        }
        if let missing = RiskFeature.allCases.first(where: { !named.contains($0) }) {
            throw fields.fail("features", "has no weight for '\(missing.rawValue)'")
        }
        return RiskCalibration(
            id: try fields.nonEmptyString("id"), calibratedAt: try fields.timestamp("calibratedAt"), since: try fields.optionalTimestamp("since"),
            until: try fields.timestamp("until"), changes: try fields.int("changes"), incidents: try fields.int("incidents"),
            brier: try fields.number("brier"), defaultBrier: try fields.number("defaultBrier"),
            model: RiskModel(intercept: try fields.number("intercept"), weights: weights), means: means, deviations: deviations)
    }

    static func member(_ fields: RecordFields) throws(CabinetError) -> TeamMember {
        TeamMember(name: try fields.nonEmptyString("name"), role: try fields.word("role", as: TeamRole.self))
    }

    static func settings(_ fields: RecordFields) throws(CabinetError) -> InterchangeSettings {
        let threshold = try fields.optionalNumber("riskThreshold")
        if let threshold, !(threshold > 0 && threshold < 1) { throw fields.fail("riskThreshold", "a probability between 0 and 1, like 0.25") }
        return InterchangeSettings(riskThreshold: threshold)
    }
}
