import Foundation
import CabinetModel
import CabinetStore
import TerminalKit

/// The `--json` forms of impact, risk, calibration, freezes and verification.
extension JSONOutput {
    public static func object(assessment a: ChangeAssessment, now: Timestamp) -> [String: Any] {
        [
            "impact": object(impact: a.impact, lastIncident: a.lastIncident, now: now),
            "risk": object(risk: a.risk),
            "conflicts": a.conflicts.map { conflict -> [String: Any] in
                ["change": conflict.other, "title": conflict.otherTitle, "reason": conflict.reason,
                 "overlapStart": conflict.overlapStart.iso8601, "overlapEnd": conflict.overlapEnd.iso8601]
            },
            "freezes": a.freezes.map(object(freeze:)),
            "mandatoryReview": a.mandatoryReview.map(\.rawValue),
            "gates": a.gates,
            "lessons": a.lessons.map { lesson -> [String: Any] in
                ["service": lesson.service, "incident": lesson.incident, "incidentOpenedAt": lesson.incidentOpenedAt.iso8601,
                 "lesson": lesson.lesson, "text": lesson.text, "line": lesson.line]
            },
        ]
    }

    public static func object(impact radius: BlastRadius, lastIncident: LastIncident?, now: Timestamp) -> [String: Any] {
        var object: [String: Any] = [
            "touched": radius.touched, "direct": radius.direct, "transitive": radius.transitive, "teams": radius.teams,
            "unknown": radius.unknown, "affected": radius.affected.count,
            "summary": radius.sentence(lastIncident: lastIncident, now: now),
        ]
        object["lastIncident"] = orNull(lastIncident.map { ["id": $0.id, "openedAt": $0.openedAt.iso8601, "daysAgo": $0.days(at: now)] })
        return object
    }

    public static func object(risk score: RiskScore) -> [String: Any] {
        [
            "score": score.probability, "threshold": score.threshold, "overThreshold": score.isOverThreshold,
            "intercept": score.intercept, "logOdds": score.logOdds,
            "parts": score.parts.map { part -> [String: Any] in
                ["feature": part.feature.rawValue, "from": part.source, "value": part.value, "weight": part.weight,
                 "contribution": part.contribution]
            },
        ]
    }

    public static func object(policy: RiskPolicy) -> [String: Any] {
        var object: [String: Any] = ["threshold": policy.threshold, "intercept": policy.model.intercept]
        object["weights"] = Dictionary(uniqueKeysWithValues: zip(RiskFeature.allCases.map(\.rawValue), policy.model.weights))
        object["calibration"] = orNull(policy.calibration.map { c -> [String: Any] in
            var calibration: [String: Any] = [
                "id": c.id, "calibratedAt": c.calibratedAt.iso8601, "until": c.until.iso8601, "changes": c.changes,
                "incidents": c.incidents, "brier": c.brier, "defaultBrier": c.defaultBrier,
            ]
            calibration["since"] = c.since?.iso8601
            return calibration
        })
        return object
    }

    public static func object(calibration report: CalibrationReport, warnings: [String]) -> [String: Any] {
        var object = self.object(policy: RiskPolicy(calibration: report.calibration))
        object.removeValue(forKey: "threshold")
        object["baseRateBrier"] = report.baseRateBrier
        object["iterations"] = report.iterations
        object["converged"] = report.converged
        object["heldOut"] = ["changes": report.heldOutChanges, "incidents": report.heldOutIncidents, "split": "newest by submission"]
        object["l2Strength"] = report.strength
        let rows = { (table: [ReliabilityRow]) in
            table.map { row -> [String: Any] in
                ["decile": row.decile, "changes": row.changes, "predicted": row.predicted, "observed": orNull(row.observed)]
            }
        }
        object["reliability"] = rows(report.reliability)
        object["defaultReliability"] = rows(report.defaultReliability)
        object["warnings"] = warnings
        return object
    }

    public static func object(freeze: Freeze) -> [String: Any] {
        ["id": freeze.id, "from": freeze.from.iso8601, "to": freeze.to.iso8601, "reason": freeze.reason, "addedBy": freeze.addedBy]
    }

    public static func object(verification v: Verification) -> [String: Any] {
        var object: [String: Any] = [
            "id": v.id, "change": v.change, "at": v.at.iso8601, "by": v.by, "smoke": v.smoke.rawValue,
            "requiredMinutes": v.requiredMinutes, "stable": v.isStable,
            "gates": v.gates.map { gate -> [String: Any] in
                ["name": gate.name, "passed": orNull(gate.passed), "detail": gate.detail]
            },
        ]
        object["errorRate"] = v.errorRate
        object["baselineErrorRate"] = v.baselineErrorRate
        object["p99Delta"] = v.p99Delta
        object["heldMinutes"] = v.heldMinutes
        return object
    }

    /// The value, or JSON `null` (kept in the output rather than dropped).
    static func orNull<T>(_ value: T?) -> Any { value.map { $0 as Any } ?? NSNull() }
}
