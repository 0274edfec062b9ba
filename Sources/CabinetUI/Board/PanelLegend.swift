import CabinetModel
import TerminalKit

/// What each figure of the effectiveness panel counts and how the verdict judges it, for the help
/// overlay over the panel; the bands are read from `Verdict`'s constants, so they cannot drift.
enum PanelLegend {
    static func lines() -> [String] {
        let percent = { (share: Double) in FigureText.percent(share) }
        let hours = { (value: Double) in "\(Int(value)) h" }
        return [
            "Verdict: each axis ok, warning or failing; healthy only when none fails",
            "  value   pass-through: warning over \(percent(Verdict.passThroughWarningRate)), failing over \(percent(Verdict.rubberStampRate))",
            "  safety  incident rate vs peer review (95% intervals) and its trend",
            "  speed   mean approval: warning over \(hours(Verdict.latencyTargetHours)), failing over \(hours(Verdict.latencyFailingHours))",
            "  not judged below \(Verdict.minimumReviews) reviews or \(Verdict.minimumApprovals) approvals",
            "Reviewed      changes whose first board decision is in the period",
            "Approved      changes approved in the period, some after a deferral",
            "              so reviewed and approved count different changes",
            "Pass-through  of reviewed, approved as they stood at first decision",
            "Incidents     linked to approved changes; rate: share of approved with one",
            "CAB share     of all changes submitted, those routed to the board",
            "Mean approval submission to approval, over the approved changes",
            "Sparklines    one mark per ISO week, latest right, scaled low to high",
        ]
    }
}
