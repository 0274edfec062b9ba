import CabinetModel
import CabinetStore
import TerminalKit
/// Open conditions as text or JSON.
public enum ConditionText {
    public static func render(_ conditions: [Condition]) -> String {
        guard !conditions.isEmpty else { return "No open conditions." }
        var table = TextTable(header: ["change", "title", "owner", "approved", "by", "conditions"])
        for condition in conditions {
            table.add([condition.decision.change, condition.changeTitle.truncated(to: 36), condition.owner, condition.decision.at.iso8601,
                       condition.decision.by, condition.decision.conditions ?? ""])
        }
        return "\(conditions.count) open condition\(conditions.count == 1 ? "" : "s")\n" + table.rendered
    }

    public static func object(_ condition: Condition) -> [String: Any] {
        var object: [String: Any] = ["change": condition.decision.change, "title": condition.changeTitle, "owner": condition.owner,
                                     "decision": InterchangeWriter.object(condition.decision), "open": condition.isOpen]
        object["metBy"] = condition.metBy
        object["metAt"] = condition.metAt?.iso8601
        object["metNote"] = condition.metNote
        return object
    }
}
