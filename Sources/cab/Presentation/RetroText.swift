import CabinetModel
import CabinetStore
import TerminalKit

/// Blameless reviews as `cab retro list|show` print them.
public enum RetroText {
    /// The open (and, asked, closed) reviews, then the incidents of older history left without one; drawn inert.
    public static func list(_ reviews: [Review], notReviewed: [(incident: String, change: String)]) -> String {
        var lines: [String] = []
        if reviews.isEmpty {
            lines.append("No reviews.")
        } else {
            var table = TextTable(header: ["incident", "change", "opened", "state"])
            for review in reviews {
                table.add([review.incident, review.change, review.openedAt.day, review.closedAt.map { "closed \($0.day) by \(review.closedBy ?? "")" } ?? "open"])
            }
            let open = reviews.filter(\.isOpen).count
            lines.append("\(open) open, \(reviews.count - open) closed\n" + table.rendered)
        }
        if !notReviewed.isEmpty {
            let listed = notReviewed.map { "\($0.incident) (\($0.change))" }.joined(separator: ", ")
            lines.append("Not reviewed (older than \(Review.openingWindowDays) days when recorded): \(listed)".inert)
        }
        return lines.joined(separator: "\n")
    }

    /// The four fields as approved beside what happened, the reviewer's answers and the lessons; drawn inert.
    /// `approval` is the change's latest approving decision, whose stored risk score is the one the board saw.
    public static func show(
        _ review: Review, incident: Incident, change: Change, approval: Decision?, assessment: ChangeAssessment, lessons: [ActionItem]
    ) -> String {
        let computed = assessment.impact.affected
        let outside = incident.services.filter { !computed.contains($0) }
        func answer(_ value: Bool?) -> String { value.map { $0 ? "yes" : "no" } ?? "not answered" }
        var lines = [
            "Review of \(incident.id) (\(incident.severity.rawValue), opened \(incident.openedAt.iso8601)), blamed on \(change.id): \(change.title)",
            review.closedAt.map { "Closed \($0.iso8601) by \(review.closedBy ?? "")" } ?? "Open since \(review.openedAt.iso8601)",
            "",
            "Blast radius as approved: \(change.blastRadius)",
            "  computed impact: \(computed.isEmpty ? "none" : computed.joined(separator: ", "))",
            "  incident's services: \(incident.services.isEmpty ? "none" : incident.services.joined(separator: ", "))"
                + (outside.isEmpty ? " (all within the computed impact)" : "; outside the computed impact: \(outside.joined(separator: ", "))"),
            "Rollback as approved: \(change.rollbackPlan) (\(change.rollbackMinutes.map { "\($0) minutes" } ?? "no minutes stated"))",
            "  worked: \(answer(review.rollbackWorked)); minutes taken: \(review.rollbackMinutesTaken.map(String.init) ?? "not answered")"
                + overrun(taken: review.rollbackMinutesTaken, stated: change.rollbackMinutes),
            "Verification as approved: \(change.verification)",
            "  caught it: \(answer(review.verificationCaught))",
            "Risk as stated: \(change.risk.rawValue); " + scoreAtApproval(approval)
                + "; score now \(RiskText.percent(assessment.risk.probability))"
                + (assessment.risk.isOverThreshold ? ", over" : ", under") + " the \(RiskText.percent(assessment.risk.threshold)) threshold",
        ]
        if let note = review.note { lines.append("Note: \(note)") }
        lines.append(lessons.isEmpty ? "No lessons recorded (cab action add --kind lesson --incident \(incident.id) ...)." : "Lessons:")
        lines += lessons.map { "  " + ActionText.line($0) }
        return lines.map(\.inert).joined(separator: "\n")
    }

    /// The score the board saw, as stored with the approval, or why there is none.
    static func scoreAtApproval(_ approval: Decision?) -> String {
        guard let approval else { return "no approval recorded" }
        guard let score = approval.riskScore else { return "score at approval not stored (approved before scores were kept)" }
        return "score at approval \(RiskText.percent(score)) (\(approval.at.day), stored with the decision)"
    }

    /// ` (over the stated N minutes)` when the rollback took longer than the change said.
    static func overrun(taken: Int?, stated: Int?) -> String {
        guard let taken, let stated, taken > stated else { return "" }
        return " (over the stated \(stated) minutes)"
    }
}
