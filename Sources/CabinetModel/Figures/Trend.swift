/// Which way a weekly series is heading: the sign of its least-squares slope over the last
/// weeks, with changes smaller than `tolerance` per week counted as flat.
public enum Trend: String, Sendable, Encodable {
    case up, flat, down

    /// Weeks a trend looks back over.
    public static let window = 4

    /// `nil` entries (weeks without data) are skipped; fewer than two points is flat.
    public init(_ series: [Double?], tolerance: Double = 0.001) {
        let points = series.suffix(Trend.window).enumerated().compactMap { index, value in value.map { (Double(index), $0) } }
        guard points.count >= 2 else { self = .flat; return }
        let meanX = points.map(\.0).reduce(0, +) / Double(points.count)
        let meanY = points.map(\.1).reduce(0, +) / Double(points.count)
        let covariance = points.map { ($0.0 - meanX) * ($0.1 - meanY) }.reduce(0, +)
        let variance = points.map { ($0.0 - meanX) * ($0.0 - meanX) }.reduce(0, +)
        let slope = covariance / variance
        self = slope > tolerance ? .up : slope < -tolerance ? .down : .flat
    }
}
