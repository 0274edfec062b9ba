/// Changes as the model sees them: features in rows (`RiskFeature.allCases` order) and whether
/// an incident followed, oldest submission first (as the store reads them).
public struct RiskSamples: Sendable {
    public static let dimension = RiskFeature.allCases.count

    /// Row-major: `features[i * dimension + j]`.
    public var features: [Double] = []
    public var labels: [Bool] = []

    public init() {}

    public var count: Int { labels.count }
    public var incidents: Int { labels.reduce(0) { $0 + ($1 ? 1 : 0) } }

    public mutating func append(_ values: [Double], incident: Bool) {
        features.append(contentsOf: values)
        labels.append(incident)
    }

    public func values(at index: Int) -> ArraySlice<Double> {
        features[index * Self.dimension..<(index + 1) * Self.dimension]
    }

    /// The samples at `range`, in order.
    public func slice(_ range: Range<Int>) -> RiskSamples {
        var part = RiskSamples()
        part.features = Array(features[range.lowerBound * Self.dimension..<range.upperBound * Self.dimension])
        part.labels = Array(labels[range])
        return part
    }

    /// The older samples and the newest `share` of them (at least one of each when there are two).
    public func split(holdingOut share: Double) -> (older: RiskSamples, newer: RiskSamples) {
        let cut = count < 2 ? count : min(max(1, count - Int((Double(count) * share).rounded())), count - 1)
        return (slice(0..<cut), slice(cut..<count))
    }

    /// A logistic fit of these samples with L2 strength `ridge`.
    public func fit(ridge: Double) -> LogisticRegression.Fit {
        LogisticRegression(features: features, labels: labels, dimension: Self.dimension, ridge: ridge).fit()
    }

    /// The model's predicted probability for each sample.
    public func predictions(of model: RiskModel) -> [Double] {
        (0..<count).map { model.probability(values(at: $0)) }
    }

    /// The mean squared gap between predicted probability and outcome (0 is perfect).
    public static func brier(_ predictions: [Double], _ labels: [Bool]) -> Double {
        guard !labels.isEmpty else { return 0 }
        var sum = 0.0
        for (p, label) in zip(predictions, labels) { let gap = p - (label ? 1 : 0); sum += gap * gap }
        return sum / Double(labels.count)
    }
}
