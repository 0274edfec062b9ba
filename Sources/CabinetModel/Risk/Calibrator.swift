import Foundation

/// `cab risk calibrate`: fits the weights on deployed changes and whether an incident followed,
/// and says how well the fit predicts changes it has not seen, against the uncalibrated default.
public struct CalibrationReport: Hashable, Sendable {
    /// The stored model, fitted on all the history; its Brier scores are the held-out ones.
    public var calibration: RiskCalibration
    /// The newest changes, held out of the fit that is judged on them.
    public var heldOutChanges: Int
    public var heldOutIncidents: Int
    /// The L2 strength chosen on the older changes and used for the stored fit.
    public var strength: Double
    /// Held-out changes by decile of the calibrated model's prediction.
    public var reliability: [ReliabilityRow]
    /// The same held-out changes by decile of the default's prediction.
    public var defaultReliability: [ReliabilityRow]
    /// The Brier score on the held-out changes of always predicting the older changes' incident rate.
    public var baseRateBrier: Double
    public var iterations: Int
    public var converged: Bool
}

/// Fits the risk weights so they do not fool themselves: judged out of sample (fitted on the
/// older changes, scored on the newest), regularized with L2 whose strength is chosen on the
/// older changes alone, and refused when they do not beat the default or rest on too few incidents.
public enum Calibrator {
    /// Fewer deployed changes than this teach the model nothing worth storing.
    public static let minimumChanges = 100
    /// Changes deployed within this many days may still cause their incident: they are left out.
    public static let settleDays: Int64 = 7
    /// The rule for enough incidents: at least this many per fitted weight, the intercept counted.
    public static let incidentsPerWeight = 10
    /// The intercept and one weight per feature.
    public static let fittedWeights = RiskSamples.dimension + 1
    /// The newest share of the changes (by submission) held out to judge a fit; the same share of
    /// the older changes is held out again to choose the L2 strength.
    public static let heldOutShare = 0.3
    /// The L2 strengths tried (on standardized weights), strongest first: a tie keeps the stronger.
    public static let strengths: [Double] = [100, 10, 1, 0.1, 0.01]

    public static var minimumIncidents: Int { incidentsPerWeight * fittedWeights }

    public static func calibrate(
        _ samples: RiskSamples, id: String, at time: Timestamp, since: Timestamp?, until: Timestamp
    ) throws(CabinetError) -> CalibrationReport {
        let incidents = samples.incidents
        guard samples.count >= minimumChanges else {
            throw .refused("cannot calibrate: \(samples.count) deployed changes in the period (at least \(minimumChanges) needed)")
        }
        guard incidents >= minimumIncidents else {
            let missing = minimumIncidents - incidents
            throw .refused("cannot calibrate: \(incidents) incident\(incidents == 1 ? "" : "s") among \(samples.count) deployed changes; "
                + "\(fittedWeights) weights need at least \(minimumIncidents) (\(incidentsPerWeight) per weight): "
                + "\(missing) more incident\(missing == 1 ? "" : "s") needed")
        }
        guard incidents < samples.count else {
            throw .refused("cannot calibrate: every deployed change in the period was followed by an incident")
        }
        let (older, newer) = samples.split(holdingOut: heldOutShare)
        let strength = chooseStrength(on: older)
        let judged = older.fit(ridge: strength).model
        let predictions = newer.predictions(of: judged)
        let defaultPredictions = newer.predictions(of: .uncalibrated)
        let brier = RiskSamples.brier(predictions, newer.labels)
        let defaultBrier = RiskSamples.brier(defaultPredictions, newer.labels)
        guard brier < defaultBrier else {
            throw .refused("cannot store the calibration: on the \(newer.count) newest deployed changes (\(newer.incidents) with an incident) "
                + "its Brier score \(score(brier)) is not better than the default weights' \(score(defaultBrier)); the weights stay as they are")
        }
        let fit = samples.fit(ridge: strength)
        let rate = Double(older.incidents) / Double(older.count)
        let calibration = RiskCalibration(
            id: id, calibratedAt: time, since: since, until: until, changes: samples.count, incidents: incidents,
            brier: brier, defaultBrier: defaultBrier, model: fit.model, means: fit.means, deviations: fit.deviations)
        return CalibrationReport(
            calibration: calibration, heldOutChanges: newer.count, heldOutIncidents: newer.incidents, strength: strength,
            reliability: ReliabilityRow.table(predictions: predictions, labels: newer.labels),
            defaultReliability: ReliabilityRow.table(predictions: defaultPredictions, labels: newer.labels),
            baseRateBrier: RiskSamples.brier(Array(repeating: rate, count: newer.count), newer.labels),
            iterations: fit.iterations, converged: fit.converged)
    }

    /// The strength whose fit on the older part of `training` best predicts (by Brier score)
    /// its newest part; the strongest of equals.
    static func chooseStrength(on training: RiskSamples) -> Double {
        let (fitting, validating) = training.split(holdingOut: heldOutShare)
        var best = (strength: strengths[0], brier: Double.infinity)
        for strength in strengths {
            let brier = RiskSamples.brier(validating.predictions(of: fitting.fit(ridge: strength).model), validating.labels)
            if brier < best.brier - 1e-12 { best = (strength, brier) }
        }
        return best.strength
    }

    /// A Brier score as printed: four decimals.
    public static func score(_ brier: Double) -> String { String(format: "%.4f", brier) }
}
