/// How approval latencies spread: counts per bucket of hours, for the panel's small histogram.
public struct LatencyHistogram: Hashable, Sendable {
    /// Upper edges of the buckets, in hours; the last bucket has no upper edge.
    public static let edgesHours: [Double] = [1, 2, 4, 8, 24, 48]

    /// One count per bucket: ≤1 h, 1–2 h, 2–4 h, 4–8 h, 8–24 h, 24–48 h, over 48 h.
    public let counts: [Int]

    public init(milliseconds: [Int64]) {
        var counts = Array(repeating: 0, count: LatencyHistogram.edgesHours.count + 1)
        for latency in milliseconds {
            let hours = Double(latency) / 3_600_000
            counts[LatencyHistogram.edgesHours.firstIndex { hours <= $0 } ?? LatencyHistogram.edgesHours.count] += 1
        }
        self.counts = counts
    }

    /// Bucket labels in order: `≤1h`, `≤2h`, … `>48h`.
    public static var labels: [String] {
        edgesHours.map { "≤\(Int($0))h" } + [">\(Int(edgesHours.last ?? 0))h"]
    }
}
