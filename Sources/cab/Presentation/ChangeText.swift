import CabinetModel
import CabinetStore
import TerminalKit
/// The readable form of `cab change show`: the four fields, readiness, strategy, what automation
/// found (impact, risk score, flags) and history. Every line is drawn inert.
public enum ChangeText {
    public static func render(
        _ change: Change, decisions: [Decision], incidents: [Incident], now: Timestamp, assessment: ChangeAssessment? = nil
    ) -> String {
        let readiness = Readiness(change: change, now: now)
        var lines = [
            "\(change.id)  \(change.title)",
            "owner \(change.owner) (\(change.team))  ·  \(change.type.rawValue) · \(change.category.rawValue) · \(change.risk.rawValue) risk  ·  route \(change.route.rawValue)  ·  \(change.state.rawValue)",
            "services: \(change.services.joined(separator: ", "))",
            "submitted \(change.submittedAt.iso8601)" + (change.deployment.map {
                ", deployed \($0.at.iso8601)" + ($0.isEstimated ? " (estimated: its window start)" : "")
            } ?? ""),
            "strategy: \(DeploymentStrategy.suggested(category: change.category, risk: change.risk))",
            "",
            "Blast radius:   \(change.blastRadius.isBlank ? "—" : change.blastRadius)",
            "Rollback plan:  \(change.rollbackPlan.isBlank ? "—" : change.rollbackPlan)  (\(change.rollbackMinutes.map { "\($0) min" } ?? "time not stated"))",
            "Verification:   \(change.verification.isBlank ? "—" : change.verification)",
            "Window:         \(change.windowStart.map(\.iso8601) ?? "—") → \(change.windowEnd.map(\.iso8601) ?? "—")",
            "",
            readiness.isReady ? "Ready for the board." : "Not ready: " + readiness.problems.joined(separator: "; "),
        ].map(\.inert)
        if let assessment {
            lines.append("")
            lines += RiskText.summary(assessment, now: now)
            lines += assessment.lessons.map { ("Lesson:         " + $0.line).inert }
        }
        if !decisions.isEmpty {
            lines.append("")
            lines.append("Decisions:")
            for decision in decisions {
                var line = "  \(decision.at.iso8601)  \(decision.outcome.rawValue) by \(decision.by)"
                if let conditions = decision.conditions { line += " — conditions: \(conditions)" }
                if let note = decision.note { line += " — \(note)" }
                if let supersedes = decision.supersedes { line += " (supersedes \(supersedes))" }
                lines.append(line.inert)
            }
        }
        if !incidents.isEmpty {
            lines.append("")
            lines.append(("Incidents caused: " + incidents.map { "\($0.id) (\($0.severity.rawValue), \($0.openedAt.iso8601))" }.joined(separator: ", ")).inert)
        }
        return lines.joined(separator: "\n")
    }
}
