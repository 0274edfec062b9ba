import Foundation
import CabinetModel
import CabinetStore
import TerminalKit

/// The readable form of `cab risk calibrate`: how well the fit predicts (Brier scores), the
/// reliability table by decile, and the weights next to the defaults.
public enum CalibrationText {
    public static func render(_ report: CalibrationReport, warnings: [String]) -> String {
        let c = report.calibration
        let period = "\(c.since.map(\.day) ?? "the beginning") → \(c.until.day)"
        var lines = [
            "Calibrated on \(c.changes) deployed changes submitted \(period): \(c.incidents) followed by an incident (\(FigureText.percent(Double(c.incidents) / Double(c.changes))))",
            "Brier score \(String(format: "%.4f", c.brier))  (uncalibrated default \(String(format: "%.4f", c.defaultBrier)), always the base rate \(String(format: "%.4f", report.baseRateBrier)); lower is better)",
            "",
            "Reliability by decile of predicted risk",
        ]
        var reliability = TextTable(header: ["decile", "changes", "predicted", "observed"], rightAligned: [0, 1, 2, 3])
        for row in report.reliability {
            reliability.add(["\(row.decile)", "\(row.changes)", FigureText.percent(row.predicted), FigureText.percent(row.observed)])
        }
        lines.append(reliability.rendered)
        lines += ["", "Weights (log-odds per unit)"]
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
}
