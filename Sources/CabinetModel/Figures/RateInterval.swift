/// A 95% confidence interval on a rate (or on the difference of two rates), as fractions.
public struct RateInterval: Hashable, Sendable, Encodable {
    public let low: Double
    public let high: Double

    /// The normal quantile of a two-sided 95% interval, z = Φ⁻¹(0.975).
    public static let z95 = 1.959963984540054

    public init(low: Double, high: Double) { self.low = low; self.high = high }

    /// Wilson's score interval for `successes` of `trials` (Wilson 1927; method 3 of Newcombe 1998a):
    /// with p = r/n, (2np + z² ± z·√(z² + 4np(1−p))) / (2(n + z²)). `nil` when there are no trials.
    public static func wilson(_ successes: Int, of trials: Int, z: Double = z95) -> RateInterval? {
        guard trials > 0 else { return nil }
        let n = Double(trials), p = Double(successes) / n
        let centre = 2 * n * p + z * z
        let spread = z * (z * z + 4 * n * p * (1 - p)).squareRoot()
        let denominator = 2 * (n + z * z)
        return RateInterval(low: max(0, (centre - spread) / denominator), high: min(1, (centre + spread) / denominator))
    }

    /// Newcombe's hybrid score interval for p₁ − p₂ (method 10 of Newcombe 1998, Stat Med 17:873–890):
    /// with (l₁, u₁) and (l₂, u₂) the Wilson intervals of each rate, the difference d = p₁ − p₂ runs
    /// from d − √((p₁ − l₁)² + (u₂ − p₂)²) to d + √((u₁ − p₁)² + (p₂ − l₂)²). `nil` when a group is empty.
    public static func newcombe(_ successes1: Int, of trials1: Int, minus successes2: Int, of trials2: Int,
                                z: Double = z95) -> RateInterval? {
        guard let first = wilson(successes1, of: trials1, z: z), let second = wilson(successes2, of: trials2, z: z) else { return nil }
        let p1 = Double(successes1) / Double(trials1), p2 = Double(successes2) / Double(trials2)
        let difference = p1 - p2
        let below = ((p1 - first.low) * (p1 - first.low) + (second.high - p2) * (second.high - p2)).squareRoot()
        let above = ((first.high - p1) * (first.high - p1) + (p2 - second.low) * (p2 - second.low)).squareRoot()
        return RateInterval(low: difference - below, high: difference + above)
    }

    /// Whether the interval lies wholly above `value`.
    public func isAbove(_ value: Double) -> Bool { low > value }

    /// Whether the interval lies wholly below `value`.
    public func isBelow(_ value: Double) -> Bool { high < value }
}
