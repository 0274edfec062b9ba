/// `cab risk calibrate`: fits the weights on deployed changes and whether an incident followed,
/// and says how well the fit predicts against the uncalibrated default.
public struct CalibrationReport: Hashable, Sendable {
    public var calibration: RiskCalibration
    public var reliability: [ReliabilityRow]
    /// The Brier score of always predicting the history's incident rate: the bar to beat.
    public var baseRateBrier: Double
    public var iterations: Int
    public var converged: Bool
}

public enum Calibrator {
    /// Fewer deployed changes than this teach the model nothing worth storing.
    public static let minimumChanges = 100
    /// Changes deployed within this many days may still cause their incident: they are left out.
    public static let settleDays: Int64 = 7

    public static func calibrate(
        _ samples: RiskSamples, id: String, at time: Timestamp, since: Timestamp?, until: Timestamp
    ) throws(CabinetError) -> CalibrationReport {
        let incidents = samples.incidents
        guard samples.count >= minimumChanges else {
            throw .refused("cannot calibrate: \(samples.count) deployed changes in the period (at least \(minimumChanges) needed)")
        }
        guard incidents > 0, incidents < samples.count else {
            throw .refused("cannot calibrate: \(incidents == 0 ? "no" : "every") deployed change in the period was followed by an incident")
        }
        let fit = LogisticRegression(features: samples.features, labels: samples.labels, dimension: RiskSamples.dimension).fit()
        let predictions = samples.predictions(of: fit.model)
        let rate = Double(incidents) / Double(samples.count)
        let calibration = RiskCalibration(
            id: id, calibratedAt: time, since: since, until: until, changes: samples.count, incidents: incidents,
            brier: RiskSamples.brier(predictions, samples.labels),
            defaultBrier: RiskSamples.brier(samples.predictions(of: .uncalibrated), samples.labels),
            model: fit.model, means: fit.means, deviations: fit.deviations)
        return CalibrationReport(
            calibration: calibration, reliability: ReliabilityRow.table(predictions: predictions, labels: samples.labels),
            baseRateBrier: rate * (1 - rate), iterations: fit.iterations, converged: fit.converged)
    }
}
