/// Submission-to-approval latency of the approved changes of a period: mean, median, p90 and
/// the share within the four-hour target. All `nil` when nothing was approved.
public struct ApprovalLatency: Hashable, Sendable, Encodable {
    public static let targetMilliseconds: Int64 = 4 * 3_600_000

    public let meanHours: Double?
    public let medianHours: Double?
    public let p90Hours: Double?
    public let under4hShare: Double?

    /// - Parameter milliseconds: one latency per approved change, in any order.
    public init(milliseconds: [Int64]) {
        guard !milliseconds.isEmpty else {
            meanHours = nil; medianHours = nil; p90Hours = nil; under4hShare = nil
            return
        }
        let sorted = milliseconds.sorted()
        let hours = sorted.map { Double($0) / 3_600_000 }
        meanHours = Double(sorted.reduce(0, +)) / Double(sorted.count) / 3_600_000
        medianHours = ApprovalLatency.percentile(0.5, ofSorted: hours)
        p90Hours = ApprovalLatency.percentile(0.9, ofSorted: hours)
        let within = sorted.prefix { $0 <= ApprovalLatency.targetMilliseconds }.count
        under4hShare = Double(within) / Double(sorted.count)
    }

    /// Linear interpolation between closest ranks (numpy's default): rank h = (n−1)·p.
    public static func percentile(_ p: Double, ofSorted values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let h = Double(values.count - 1) * p
        let lower = Int(h.rounded(.down))
        let upper = min(lower + 1, values.count - 1)
        return values[lower] + (h - Double(lower)) * (values[upper] - values[lower])
    }

    enum CodingKeys: String, CodingKey { case meanHours, medianHours, p90Hours, under4hShare }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(meanHours, forKey: .meanHours)
        try container.encode(medianHours, forKey: .medianHours)
        try container.encode(p90Hours, forKey: .p90Hours)
        try container.encode(under4hShare, forKey: .under4hShare)
    }
}
