import Foundation

/// The logistic model behind the risk score: P(incident) = σ(intercept + Σ weight × feature).
/// The uncalibrated default is a reasoned guess; `cab risk calibrate` fits it on the history.
public struct RiskModel: Hashable, Sendable {
    public var intercept: Double
    /// One weight per `RiskFeature.allCases`, in log-odds per unit of the feature.
    public var weights: [Double]

    public init(intercept: Double, weights: [Double]) {
        self.intercept = intercept; self.weights = weights
    }

    /// About 1% for a small change to one service without history; migrations and config
    /// flags double the odds or so, wide blast radii and big diffs add more.
    public static let uncalibrated = RiskModel(intercept: -4.6, weights: [0.25, 0.35, 8.0, 0.7, 0.8])

    public func logOdds(_ values: some Collection<Double>) -> Double {
        var sum = intercept
        for (weight, value) in zip(weights, values) { sum += weight * value }
        return sum
    }

    public func probability(_ values: some Collection<Double>) -> Double { sigmoid(logOdds(values)) }

    /// The score of a change's features, with each part's contribution to the log-odds.
    public func score(_ features: RiskFeatures, threshold: Double) -> RiskScore {
        let parts = RiskFeature.allCases.enumerated().map { position, feature in
            RiskScore.Part(feature: feature, source: features.sources[position], value: features.values[position],
                           weight: weights[position], contribution: weights[position] * features.values[position])
        }
        return RiskScore(probability: probability(features.values), intercept: intercept, parts: parts, threshold: threshold)
    }
}

/// The logistic function, written so large |x| neither overflows nor loses the tail.
func sigmoid(_ x: Double) -> Double {
    x >= 0 ? 1 / (1 + exp(-x)) : exp(x) / (1 + exp(x))
}

/// A change's risk score: the probability that an incident follows, and why.
public struct RiskScore: Hashable, Sendable {
    public struct Part: Hashable, Sendable {
        public var feature: RiskFeature
        /// What the value was made from (`40 files`).
        public var source: String
        public var value: Double
        public var weight: Double
        /// weight × value, in log-odds.
        public var contribution: Double
    }

    public var probability: Double
    public var intercept: Double
    public var parts: [Part]
    /// Above this probability the change goes to the board and gets a review gate.
    public var threshold: Double

    public var logOdds: Double { parts.reduce(intercept) { $0 + $1.contribution } }
    public var isOverThreshold: Bool { probability > threshold }
}
