import Foundation
import CabinetModel
import CabinetStore
import TerminalKit

/// The `--json` form of every read command: sorted keys, ISO times, `null` kept, and nothing a
/// terminal would act on (see `escapingControls`).
public enum JSONOutput {
    public static func encode(_ value: some Encodable) throws(CabinetError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do { return escapingControls(String(decoding: try encoder.encode(value), as: UTF8.self)) } catch {
            throw .refused("cannot write JSON: \(error)")
        }
    }

    public static func serialize(_ object: Any) throws(CabinetError) -> String {
        do {
            let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
            return escapingControls(String(decoding: data, as: UTF8.self))
        } catch {
            throw .refused("cannot write JSON: \(error.localizedDescription)")
        }
    }

    /// `json` with every character the board draws as a placeholder (C1 controls, DEL, line
    /// separators, bidi overrides; the serializer already escapes C0) written as a `\uXXXX`
    /// escape: the same text to a JSON reader, inert on a terminal.
    static func escapingControls(_ json: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            if scalar != "\n", InertText.placeholder(for: scalar) != nil {
                result.append(contentsOf: String(format: "\\u%04x", scalar.value).unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// A change with its readiness, strategy, decisions, incidents and, when given, its assessment.
    public static func object(
        change: Change, decisions: [Decision], incidents: [Incident], now: Timestamp, assessment: ChangeAssessment? = nil
    ) -> [String: Any] {
        var object = InterchangeWriter.object(SubmittedChange(change: change, statedRoute: change.route, statedState: change.state))
        let readiness = Readiness(change: change, now: now)
        object["readiness"] = readinessObject(readiness)
        object["strategy"] = DeploymentStrategy.suggested(category: change.category, risk: change.risk)
        object["decisions"] = decisions.map(InterchangeWriter.object)
        object["incidents"] = incidents.map(\.id)
        object["assessment"] = assessment.map { self.object(assessment: $0, now: now) }
        return object
    }

    static func readinessObject(_ readiness: Readiness) -> [String: Any] {
        ["ready": readiness.isReady, "blastRadius": readiness.blastRadius, "rollbackPlan": readiness.rollbackPlan,
         "verification": readiness.verification, "window": readiness.window, "problems": readiness.problems]
    }

    public static func object(queue entries: [QueueEntry], day: String, now: Timestamp) -> [String: Any] {
        ["date": day, "items": entries.map { entry -> [String: Any] in
            var item: [String: Any] = [
                "id": entry.change.id, "title": entry.change.title, "owner": entry.change.owner,
                "category": entry.change.category.rawValue, "risk": entry.change.risk.rawValue, "route": entry.change.route.rawValue,
                "strategy": entry.strategy, "readiness": readinessObject(entry.readiness), "kind": entry.kind.rawValue,
            ]
            if entry.kind == .pir, let deployment = entry.change.deployment {
                item["deployedAt"] = deployment.at.iso8601
                item["deploymentEstimated"] = deployment.isEstimated
                item["pir"] = entry.pir.map(InterchangeWriter.object)
            }
            item["windowStart"] = entry.change.windowStart?.iso8601
            item["windowEnd"] = entry.change.windowEnd?.iso8601
            item["decision"] = entry.latestDecision.map(InterchangeWriter.object)
            item["riskScore"] = entry.assessment?.risk.probability
            item["assessment"] = entry.assessment.map { object(assessment: $0, now: now) }
            return item
        }]
    }
}
