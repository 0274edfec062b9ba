import Foundation

/// SplitMix64: a tiny, fast generator whose sequence depends on the seed alone, so `cab demo
/// --seed S` writes the same history on every machine.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// True with probability `p`.
    public mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &self) < p }

    public mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &self)] }

    /// One of `items`, drawn in proportion to its weight.
    public mutating func weighted<T>(_ items: [(T, Double)]) -> T {
        var roll = Double.random(in: 0..<items.reduce(0) { $0 + $1.1 }, using: &self)
        for (item, weight) in items {
            if roll < weight { return item }
            roll -= weight
        }
        return items[items.count - 1].0
    }

    /// A log-normal duration in milliseconds with the given median (hours) and spread.
    public mutating func logNormalMilliseconds(medianHours: Double, sigma: Double) -> Int64 {
        let u1 = Double.random(in: Double.ulpOfOne..<1, using: &self), u2 = Double.random(in: 0..<1, using: &self)
        let normal = (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
        return Int64(medianHours * exp(sigma * normal) * 3_600_000)
    }
}
