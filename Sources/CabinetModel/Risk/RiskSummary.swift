import Foundation

/// A change's assessment in a few lines (impact, teams, score with its parts, flags), shared by
/// `cab change show` and the board's card; each draws the lines inert where it shows them.
public enum RiskSummary {
    public static func lines(_ assessment: ChangeAssessment, now: Timestamp) -> [String] {
        let parts = assessment.risk.parts.filter { $0.contribution != 0 }
            .map { "\($0.feature.label) \($0.source) \(signed($0.contribution))" }
        var lines = [
            "Impact:         " + assessment.impact.sentence(lastIncident: assessment.lastIncident, now: now),
            "Teams:          " + assessment.impact.teams.joined(separator: ", "),
            "Risk score:     \(FigureText.percent(assessment.risk.probability)) (threshold \(FigureText.percent(assessment.risk.threshold)))"
                + (parts.isEmpty ? "" : ": " + parts.joined(separator: ", ")),
        ]
        lines += assessment.flags.map { "Flag:           " + $0 }
        return lines
    }

    /// `+0.42`: a contribution to the score, signed.
    public static func signed(_ value: Double) -> String { String(format: "%+.2f", value) }
}
