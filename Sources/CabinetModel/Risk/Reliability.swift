/// A reliability table: samples in ten equal groups by predicted probability, each group's mean
/// prediction against the share that had an incident. A calibrated model has them close.
public struct ReliabilityRow: Hashable, Sendable {
    public var decile: Int
    public var changes: Int
    public var predicted: Double
    /// `nil` for an empty group (fewer than ten samples).
    public var observed: Double?

    public static func table(predictions: [Double], labels: [Bool]) -> [ReliabilityRow] {
        let order = predictions.indices.sorted { predictions[$0] < predictions[$1] }
        return (0..<10).map { decile in
            let group = order[order.count * decile / 10..<order.count * (decile + 1) / 10]
            guard !group.isEmpty else { return ReliabilityRow(decile: decile + 1, changes: 0, predicted: 0, observed: nil) }
            let predicted = group.reduce(0) { $0 + predictions[$1] } / Double(group.count)
            let observed = Double(group.filter { labels[$0] }.count) / Double(group.count)
            return ReliabilityRow(decile: decile + 1, changes: group.count, predicted: predicted, observed: observed)
        }
    }
}
