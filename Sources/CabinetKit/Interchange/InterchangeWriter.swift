import Foundation

/// Writes an interchange document as JSON that `InterchangeReader` reads back to the same records.
public enum InterchangeWriter {
    public static func write(_ document: InterchangeDocument) throws(CabinetError) -> Data {
        let root: [String: Any] = [
            "services": document.services.map(object),
            "changes": document.changes.map(object),
            "decisions": document.decisions.map(object),
            "incidents": document.incidents.map(object),
        ]
        do {
            return try JSONSerialization.data(withJSONObject: root, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        } catch {
            throw .refused("cannot write the document as JSON: \(error.localizedDescription)")
        }
    }

    public static func object(_ service: Service) -> [String: Any] {
        ["name": service.name, "team": service.team, "dependsOn": service.dependsOn]
    }

    public static func object(_ submitted: SubmittedChange) -> [String: Any] {
        let change = submitted.change
        var object: [String: Any] = [
            "id": change.id, "title": change.title, "owner": change.owner, "team": change.team,
            "type": change.type.rawValue, "category": change.category.rawValue, "risk": change.risk.rawValue,
            "route": change.route.rawValue, "services": change.services, "blastRadius": change.blastRadius,
            "rollbackPlan": change.rollbackPlan, "verification": change.verification,
            "submittedAt": change.submittedAt.iso8601, "state": change.state.rawValue,
        ]
        object["filesChanged"] = change.filesChanged
        object["hasMigration"] = change.hasMigration
        object["rollbackMinutes"] = change.rollbackMinutes
        object["windowStart"] = change.windowStart?.iso8601
        object["windowEnd"] = change.windowEnd?.iso8601
        object["migrationChecklist"] = change.migrationChecklist.map { checklistObject($0) }
        if !change.touches.isEmpty { object["touches"] = change.touches.map(\.rawValue) }
        return object
    }

    static func checklistObject(_ checklist: MigrationChecklist) -> [String: Any] {
        var object: [String: Any] = [:]
        object["exclusiveLockOnHighTrafficTable"] = checklist.exclusiveLockOnHighTrafficTable
        object["completesWithinLockTimeout"] = checklist.completesWithinLockTimeout
        object["testedOnProductionSizedData"] = checklist.testedOnProductionSizedData
        object["backwardCompatible"] = checklist.backwardCompatible
        object["testedRollbackMigration"] = checklist.testedRollbackMigration
        object["usesOnlineSchemaChange"] = checklist.usesOnlineSchemaChange
        object["expandContractPhase"] = checklist.expandContractPhase?.rawValue
        return object
    }

    public static func object(_ decision: Decision) -> [String: Any] {
        var object: [String: Any] = [
            "id": decision.id, "change": decision.change, "outcome": decision.outcome.rawValue,
            "at": decision.at.iso8601, "by": decision.by,
        ]
        object["conditions"] = decision.conditions
        object["note"] = decision.note
        object["supersedes"] = decision.supersedes
        return object
    }

    public static func object(_ incident: Incident) -> [String: Any] {
        ["id": incident.id, "openedAt": incident.openedAt.iso8601, "severity": incident.severity.rawValue,
         "causedBy": incident.causedBy, "services": incident.services]
    }
}
