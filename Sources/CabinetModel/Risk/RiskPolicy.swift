/// How risk is judged right now: the latest calibration (or the uncalibrated default) and the
/// threshold above which a change goes to the board with a review gate.
public struct RiskPolicy: Hashable, Sendable {
    /// A probability of incident above 25% needs the board unless configured otherwise.
    public static let defaultThreshold = 0.25
    /// Weights older than this are stale.
    public static let maximumAgeDays: Int64 = 90

    public var threshold: Double
    public var calibration: RiskCalibration?

    public init(threshold: Double = RiskPolicy.defaultThreshold, calibration: RiskCalibration? = nil) {
        self.threshold = threshold; self.calibration = calibration
    }

    public var model: RiskModel { calibration?.model ?? .uncalibrated }

    /// Why the weights should not be trusted as they are, if they should not.
    public func ageWarning(now: Timestamp) -> String? {
        guard let calibration else { return "the risk weights are the uncalibrated defaults: run cab risk calibrate" }
        let days = (now.milliseconds - calibration.calibratedAt.milliseconds) / Timestamp.millisecondsPerDay
        guard days > RiskPolicy.maximumAgeDays else { return nil }
        return "the risk weights were calibrated \(days) days ago (over \(RiskPolicy.maximumAgeDays)): run cab risk calibrate"
    }
}

/// A stored fit: when, on which history, how well it predicts, and its weights and the
/// features' spread (to tell when new data has drifted away from it).
public struct RiskCalibration: Hashable, Sendable {
    public var id: String
    public var calibratedAt: Timestamp
    /// The history it learned from: deployed changes submitted in `[since, until)`.
    public var since: Timestamp?
    public var until: Timestamp
    public var changes: Int
    public var incidents: Int
    /// Out of sample: the Brier score on the newest changes held out of the fit judged on them.
    public var brier: Double
    /// The Brier score of the uncalibrated default on the same held-out changes.
    public var defaultBrier: Double
    public var model: RiskModel
    public var means: [Double]
    public var deviations: [Double]

    public init(
        id: String, calibratedAt: Timestamp, since: Timestamp?, until: Timestamp, changes: Int, incidents: Int,
        brier: Double, defaultBrier: Double, model: RiskModel, means: [Double], deviations: [Double]
    ) {
        self.id = id; self.calibratedAt = calibratedAt; self.since = since; self.until = until; self.changes = changes
        self.incidents = incidents; self.brier = brier; self.defaultBrier = defaultBrier; self.model = model
        self.means = means; self.deviations = deviations
    }
}
