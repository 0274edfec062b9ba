import Foundation

/// Reads an interchange document, checking every record on its own (types, words, zones,
/// window order); duplicates and references are checked against the store by `ImportPlan`.
public enum InterchangeReader {
    public static func read(_ data: Data, source: String) throws(CabinetError) -> InterchangeDocument {
        guard case .object(let top) = try parse(data, source: source) else {
            throw .unreadableInput(source: source, problem: "expected a JSON object with services, changes, decisions and incidents")
        }
        let known: Set<String> = ["services", "changes", "decisions", "incidents"]
        if let unknown = top.keys.sorted().first(where: { !known.contains($0) }) {
            throw .unreadableInput(source: source, problem: "unknown section '\(unknown)' (expected services, changes, decisions, incidents)")
        }
        var document = InterchangeDocument()
        document.services = try section(top, "services", source).enumerated().map { index, value throws(CabinetError) in
            try service(RecordFields(value, source: source, kind: "services", index: index))
        }
        document.changes = try section(top, "changes", source).enumerated().map { index, value throws(CabinetError) in
            try change(RecordFields(value, source: source, kind: "changes", index: index))
        }
        document.decisions = try section(top, "decisions", source).enumerated().map { index, value throws(CabinetError) in
            try decision(RecordFields(value, source: source, kind: "decisions", index: index))
        }
        document.incidents = try section(top, "incidents", source).enumerated().map { index, value throws(CabinetError) in
            try incident(RecordFields(value, source: source, kind: "incidents", index: index))
        }
        return document
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
            try service(RecordFields(value, source: source, kind: "services", index: index))
        }
    }

    /// One change given alone (by `cab change add`), from a file.
    public static func readChange(_ data: Data, source: String) throws(CabinetError) -> SubmittedChange {
        try readChange(try parse(data, source: source), source: source)
    }

    /// One change given alone, as fields (`cab change add` flags).
    public static func readChange(_ fields: JSONValue, source: String) throws(CabinetError) -> SubmittedChange {
        try change(RecordFields(fields, source: source, kind: "change", index: nil))
    }

    /// One incident given alone, as fields (`cab incident add` flags).
    public static func readIncident(_ fields: JSONValue, source: String) throws(CabinetError) -> Incident {
        try incident(RecordFields(fields, source: source, kind: "incident", index: nil))
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
            blastRadius: try fields.optionalString("blastRadius") ?? "",
            rollbackPlan: try fields.optionalString("rollbackPlan") ?? "",
            rollbackMinutes: try fields.optionalInt("rollbackMinutes"),
            verification: try fields.optionalString("verification") ?? "",
            windowStart: windowStart,
            windowEnd: windowEnd,
            submittedAt: try fields.timestamp("submittedAt"),
            state: .new,
            migrationChecklist: try fields.nested("migrationChecklist").map(migrationChecklist),
            touches: try fields.words("touches", as: ConfigArea.self)
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
        let conditions = try fields.optionalString("conditions")
        if outcome == .approvedWithConditions, conditions?.isBlank ?? true {
            throw fields.fail("conditions", "required for approved-with-conditions")
        }
        return Decision(
            id: try fields.optionalString("id") ?? Decision.naturalID(change: change, at: at, by: by),
            change: change, outcome: outcome, at: at, by: by, conditions: conditions,
            note: try fields.optionalString("note"), supersedes: try fields.optionalString("supersedes"))
    }

    static func incident(_ fields: RecordFields) throws(CabinetError) -> Incident {
        let causedBy = try fields.strings("causedBy")
        return Incident(
            id: try fields.nonEmptyString("id"), openedAt: try fields.timestamp("openedAt"),
            severity: try fields.word("severity", as: Severity.self), causedBy: causedBy, services: try fields.strings("services"))
    }
}

extension Decision {
    /// The id of a decision a document states without one: the same decision always gets the
    /// same id, so importing it twice records it once.
    public static func naturalID(change: String, at: Timestamp, by: String) -> String {
        "\(change)@\(at.iso8601)/\(by)"
    }
}
