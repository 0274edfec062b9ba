import CabinetModel
import CabinetStore
import TerminalKit
/// The readable form of `cab queue`: the day's agenda with the readiness of the four fields,
/// each item's risk score, and what automation flagged (conflicts, freezes, review gates);
/// stored text is drawn inert.
public enum QueueText {
    public static func render(_ entries: [QueueEntry], day: String) -> String {
        guard !entries.isEmpty else { return "CAB queue \(day): nothing for the board." }
        var table = TextTable(header: ["#", "id", "title", "owner", "category", "risk", "score", "strategy", "B R V W", "window", "status"], rightAligned: [0, 6])
        for (index, entry) in entries.enumerated() {
            let r = entry.readiness
            let marks = [r.blastRadius, r.rollbackPlan, r.verification, r.window].map { $0 ? "✓" : "✗" }.joined(separator: " ")
            let window = entry.change.windowStart.map { $0.iso8601.prefix(16).replacingOccurrences(of: "T", with: " ") + "Z" } ?? "not set"
            let status = ItemStatus(entry, day: day).text + (entry.kind == .pir && entry.change.deployment?.isEstimated == true ? " (deployed ~est.)" : "")
            table.add(["\(index + 1)", entry.change.id, entry.change.title.truncated(to: 40), entry.change.owner, entry.change.category.rawValue,
                       entry.change.risk.rawValue, entry.assessment.map { RiskText.percent($0.risk.probability) } ?? "—", entry.strategy, marks,
                       window, status])
        }
        var lines = ["CAB queue \(day): \(entries.count) item\(entries.count == 1 ? "" : "s")  (B blast radius, R rollback, V verification, W window)", table.rendered]
        let problems = entries.filter { ItemStatus($0, day: day) == .notReady }
        if !problems.isEmpty {
            lines.append("")
            lines.append("Not ready:")
            for entry in problems { lines.append("  \(entry.change.id): \(entry.readiness.problems.joined(separator: "; "))".inert) }
        }
        let returning = entries.compactMap { entry in entry.deferral(before: day).map { (entry.change.id, $0) } }
        if !returning.isEmpty {
            lines.append("")
            lines.append("Back from a deferral:")
            for (id, earlier) in returning {
                lines.append("  \(id): deferred on \(earlier.decision.at.day): \(earlier.reason)".inert)
            }
        }
        let flagged = entries.filter { !($0.assessment?.flags.isEmpty ?? true) }
        if !flagged.isEmpty {
            lines.append("")
            lines.append("Flagged:")
            for entry in flagged {
                for (index, flag) in (entry.assessment?.flags ?? []).enumerated() {
                    let id = entry.change.id.inert
                    lines.append("  \(index == 0 ? id : String(repeating: " ", count: TextWidth.width(of: id)))  \(flag.inert)")
                }
            }
        }
        return lines.joined(separator: "\n")
    }
}
