import Foundation

/// Whether changes deployed since a calibration still look like the ones it learned from: a
/// feature whose mean moved by more than half a standard deviation, or an incident rate more
/// than three standard errors from what the model predicts.
public enum RiskDrift {
    /// Fewer recent changes than this say nothing either way.
    public static let minimumChanges = 50

    public static func warnings(since calibration: RiskCalibration, recent: RiskSamples) -> [String] {
        guard recent.count >= minimumChanges else { return [] }
        var warnings: [String] = []
        let n = Double(recent.count)
        for (position, feature) in RiskFeature.allCases.enumerated() {
            let deviation = calibration.deviations[position]
            guard deviation > 0 else { continue }
            let mean = (0..<recent.count).reduce(0) { $0 + recent.features[$1 * RiskSamples.dimension + position] } / n
            let before = calibration.means[position]
            if abs(mean - before) > 0.5 * deviation {
                warnings.append("the data drifted since calibration: \(feature.label) averages \(String(format: "%.2f", mean)), was \(String(format: "%.2f", before))")
            }
        }
        let predicted = recent.predictions(of: calibration.model).reduce(0, +) / n
        let observed = Double(recent.incidents) / n
        if abs(observed - predicted) > 3 * (predicted * (1 - predicted) / n).squareRoot() {
            warnings.append("the data drifted since calibration: \(FigureText.percent(observed)) of \(recent.count) recent changes had an incident, the model predicts \(FigureText.percent(predicted))")
        }
        return warnings
    }
}
