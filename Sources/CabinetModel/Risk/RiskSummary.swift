import Foundation

/// A change's assessment in a few lines (impact, teams, score with its parts, flags), shared by
/// `cab change show` and the board's card; each draws the lines inert where it shows them.
public enum RiskSummary {
    public static func lines(_ assessment: ChangeAssessment, now: Timestamp) -> [String] {
        fields(assessment, now: now).map { ($0.label + ":").padding(toLength: 16, withPad: " ", startingAt: 0) + $0.value }
    }

    /// The same summary as labelled values (`Impact`, `Teams`, `Risk score`, `Flag`), for a
    /// target that lays labels out itself (a Markdown list, a Slack message).
    public static func fields(_ assessment: ChangeAssessment, now: Timestamp) -> [(label: String, value: String)] {
        let parts = assessment.risk.parts.filter { $0.contribution != 0 }
            .map { "\($0.feature.label) \($0.source) \(signed($0.contribution))" }
        var fields = [
            (label: "Impact", value: assessment.impact.sentence(lastIncident: assessment.lastIncident, now: now)),
            (label: "Teams", value: assessment.impact.teams.joined(separator: ", ")),
            (label: "Risk score", value: "\(FigureText.percent(assessment.risk.probability)) (threshold \(FigureText.percent(assessment.risk.threshold)))"
                + (parts.isEmpty ? "" : ": " + parts.joined(separator: ", "))),
        ]
        fields += assessment.flags.map { (label: "Flag", value: $0) }
        return fields
    }

    /// `+0.42`: a contribution to the score, signed.
    public static func signed(_ value: Double) -> String { String(format: "%+.2f", value) }
}
