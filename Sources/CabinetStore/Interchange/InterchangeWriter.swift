import Foundation
import CabinetModel

/// Writes an interchange document as JSON that `InterchangeReader` reads back to the same records.
public enum InterchangeWriter {
    public static func write(_ document: InterchangeDocument) throws(CabinetError) -> Data {
        var root: [String: Any] = [
            "services": document.services.map(object),
            "changes": document.changes.map(object),
            "decisions": document.decisions.map(object),
            "incidents": document.incidents.map(object),
            "meetings": document.meetings.map(object),
            "conditionsMet": document.conditionsMet.map(object),
            "freezes": document.freezes.map(object),
            "verifications": document.verifications.map(object),
            "announcements": document.announcements.map(object),
            "actionItems": document.actionItems.map(object),
            "reviews": document.reviews.map(object),
            "pirs": document.pirs.map(object),
            "sourceLinks": document.sourceLinks.map(object),
            "riskCalibrations": document.riskCalibrations.map(object),
            "roles": document.roles.map { ["name": $0.name, "role": $0.role.rawValue] },
        ]
        if let threshold = document.settings.riskThreshold { root["settings"] = ["riskThreshold": threshold] }
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
        object["deployedAt"] = change.deployedAt?.iso8601
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
        object["riskScore"] = decision.riskScore
        return object
    }

    public static func object(_ incident: Incident) -> [String: Any] {
        var object: [String: Any] = ["id": incident.id, "openedAt": incident.openedAt.iso8601, "severity": incident.severity.rawValue,
                                     "causedBy": incident.causedBy, "services": incident.services]
        object["resolvedAt"] = incident.resolvedAt?.iso8601
        return object
    }

    /// An attendee: name, role, once attendance was taken whether present, and the team they speak for.
    public static func object(_ attendee: Attendee) -> [String: Any] {
        var object: [String: Any] = ["name": attendee.name, "role": attendee.role.rawValue]
        object["present"] = attendee.present
        object["speaksFor"] = attendee.speaksFor
        return object
    }

    public static func object(_ meeting: Meeting) -> [String: Any] {
        var object: [String: Any] = [
            "date": meeting.date, "chair": meeting.chair, "itemMinutes": meeting.itemMinutes,
            "attendees": meeting.attendees.map { Self.object($0) },
            "agenda": meeting.items.map { item -> [String: Any] in
                var object: [String: Any] = ["change": item.change, "position": item.position, "pausedMilliseconds": item.pausedTotalMilliseconds]
                object["startedAt"] = item.startedAt?.iso8601
                object["pausedAt"] = item.pausedAt?.iso8601
                object["endedAt"] = item.endedAt?.iso8601
                object["addedReason"] = item.addedReason
                object["addedBy"] = item.addedBy
                object["notes"] = item.notes
                return object
            },
        ]
        object["startedAt"] = meeting.startedAt?.iso8601
        object["agendaFrozenAt"] = meeting.agendaFrozenAt?.iso8601
        object["endedAt"] = meeting.endedAt?.iso8601
        return object
    }

    public static func object(_ met: MetCondition) -> [String: Any] {
        var object: [String: Any] = ["decision": met.decision, "by": met.by, "at": met.at.iso8601]
        object["note"] = met.note
        return object
    }

    public static func object(_ record: FreezeRecord) -> [String: Any] {
        let freeze = record.freeze
        return ["id": freeze.id, "from": freeze.from.iso8601, "to": freeze.to.iso8601, "reason": freeze.reason,
                "addedBy": freeze.addedBy, "addedAt": record.addedAt.iso8601]
    }

    public static func object(_ verification: Verification) -> [String: Any] {
        var object: [String: Any] = [
            "id": verification.id, "change": verification.change, "at": verification.at.iso8601, "by": verification.by,
            "smoke": verification.smoke.rawValue, "requiredMinutes": verification.requiredMinutes,
        ]
        object["errorRate"] = verification.errorRate
        object["baselineErrorRate"] = verification.baselineErrorRate
        object["p99Delta"] = verification.p99Delta
        object["heldMinutes"] = verification.heldMinutes
        return object
    }

    public static func object(_ announcement: SentAnnouncement) -> [String: Any] {
        ["id": announcement.id, "change": announcement.change, "at": announcement.at.iso8601, "by": announcement.by,
         "webhook": announcement.webhook, "text": announcement.text]
    }

    public static func object(_ item: ActionItem) -> [String: Any] {
        var object: [String: Any] = [
            "id": item.id, "kind": item.kind.rawValue, "text": item.text, "owner": item.owner,
            "openedAt": item.openedAt.iso8601, "openedBy": item.openedBy,
        ]
        object["change"] = item.change
        object["meeting"] = item.meeting
        object["incident"] = item.incident
        object["due"] = item.due
        object["closedAt"] = item.closedAt?.iso8601
        object["closedBy"] = item.closedBy
        object["closeNote"] = item.closeNote
        return object
    }

    public static func object(_ review: Review) -> [String: Any] {
        var object: [String: Any] = ["incident": review.incident, "change": review.change, "openedAt": review.openedAt.iso8601]
        object["rollbackWorked"] = review.rollbackWorked
        object["rollbackMinutesTaken"] = review.rollbackMinutesTaken
        object["verificationCaught"] = review.verificationCaught
        object["note"] = review.note
        object["closedAt"] = review.closedAt?.iso8601
        object["closedBy"] = review.closedBy
        return object
    }

    public static func object(_ review: PostImplementationReview) -> [String: Any] {
        var object: [String: Any] = ["change": review.change, "outcome": review.outcome.rawValue, "at": review.at.iso8601, "by": review.by]
        object["meeting"] = review.meeting
        object["note"] = review.note
        return object
    }

    public static func object(_ link: SourceLink) -> [String: Any] {
        var object: [String: Any] = ["change": link.change, "system": link.system, "sourceID": link.sourceID, "fingerprint": link.fingerprint,
                                     "importedAt": link.importedAt.iso8601]
        object["meeting"] = link.meeting
        return object
    }

    public static func object(_ calibration: RiskCalibration) -> [String: Any] {
        var object: [String: Any] = [
            "id": calibration.id, "calibratedAt": calibration.calibratedAt.iso8601, "until": calibration.until.iso8601,
            "changes": calibration.changes, "incidents": calibration.incidents, "brier": calibration.brier,
            "defaultBrier": calibration.defaultBrier, "intercept": calibration.model.intercept,
            "features": RiskFeature.allCases.enumerated().map { position, feature -> [String: Any] in
                ["feature": feature.rawValue, "weight": calibration.model.weights[position], "mean": calibration.means[position],
                 "sd": calibration.deviations[position]]
            },
        ]
        object["since"] = calibration.since?.iso8601
        return object
    }
}
