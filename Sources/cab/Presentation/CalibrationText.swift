import Foundation
import CabinetModel
import CabinetStore
import TerminalKit

/// The readable form of `cab risk calibrate`: how well the fit predicts the held-out changes
/// (Brier scores and the reliability table by decile, beside the default's), and the weights
/// next to the defaults.
public enum CalibrationText {
    public static func render(_ report: CalibrationReport, warnings: [String]) -> String {
        let c = report.calibration
        let period = "\(c.since.map(\.day) ?? "the beginning") → \(c.until.day)"
        let share = FigureText.percent(Double(report.heldOutIncidents) / Double(max(report.heldOutChanges, 1)))
        var lines = [
            "Calibrated on \(c.changes) deployed changes submitted \(period): \(c.incidents) followed by an incident (\(FigureText.percent(Double(c.incidents) / Double(c.changes))))",
            "Judged out of sample: fitted on the older \(c.changes - report.heldOutChanges), scored on the newest \(report.heldOutChanges) (\(report.heldOutIncidents) with an incident, \(share)); L2 strength \(strength(report.strength)), chosen on the older changes",
            "Brier score on the held-out changes \(Calibrator.score(c.brier))  (uncalibrated default \(Calibrator.score(c.defaultBrier)), always the older changes' rate \(Calibrator.score(report.baseRateBrier)); lower is better)",
            "",
            "Reliability on the held-out changes, by decile of predicted risk (each model's own deciles)",
        ]
        var reliability = TextTable(header: ["decile", "changes", "predicted", "observed", "default predicted", "default observed"],
                                    rightAligned: [0, 1, 2, 3, 4, 5])
        for (row, fallback) in zip(report.reliability, report.defaultReliability) {
            reliability.add(["\(row.decile)", "\(row.changes)", FigureText.percent(row.predicted), FigureText.percent(row.observed),
                             FigureText.percent(fallback.predicted), FigureText.percent(fallback.observed)])
        }
        lines.append(reliability.rendered)
        lines += ["", "Weights (log-odds per unit), fitted on all \(c.changes) changes"]
        var weights = TextTable(header: ["feature", "weight", "default"], rightAligned: [1, 2])
        weights.add(["intercept", String(format: "%.3f", c.model.intercept), String(format: "%.3f", RiskModel.uncalibrated.intercept)])
        for (position, feature) in RiskFeature.allCases.enumerated() {
            weights.add([feature.rawValue, String(format: "%.3f", c.model.weights[position]), String(format: "%.3f", RiskModel.uncalibrated.weights[position])])
        }
        lines.append(weights.rendered)
        lines.append("")
        lines.append("Stored as calibration \(c.id)\(report.converged ? "" : " (the fit did not converge in \(report.iterations) iterations)").")
        lines += warnings.map { "warning: \($0)".inert }
        return lines.joined(separator: "\n")
    }

    /// An L2 strength as printed: `0.3`, `10`.
    static func strength(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
