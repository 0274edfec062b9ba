import Foundation

/// Made-up worlds of known shape for benchmarks and tests: big service catalogues, and change
/// histories whose incidents follow a known model (so a fit can be checked against the truth).
public enum SyntheticRisk {
    /// `count` services in a layered graph: service `i` depends on up to three services before
    /// it, so the first ones have thousands of transitive consumers.
    public static func services(count: Int, seed: UInt64) -> [Service] {
        var random = SeededRandom(seed: seed)
        return (0..<count).map { index in
            let dependencies = index == 0 ? [] : (0..<Int.random(in: 1...3, using: &random)).map { _ in Int.random(in: 0..<index, using: &random) }
            return Service(name: name(index), team: "team-\(index % 40)", dependsOn: Array(Set(dependencies)).sorted().map(name))
        }
    }

    public static func name(_ index: Int) -> String { "svc-\(zeroPadded(index, width: 5))" }

    /// `count` changes with features spread like a real history's, each followed by an incident
    /// with the probability `truth` gives it.
    public static func samples(count: Int, truth: RiskModel, seed: UInt64) -> RiskSamples {
        var random = SeededRandom(seed: seed)
        var samples = RiskSamples()
        samples.features.reserveCapacity(count * RiskSamples.dimension)
        samples.labels.reserveCapacity(count)
        for _ in 0..<count {
            let values = [
                log2(1 + Double(Int.random(in: 1...200, using: &random))),
                log2(1 + Double(Int.random(in: 1...30, using: &random))),
                Double.random(in: 0..<0.3, using: &random),
                random.chance(0.15) ? 1 : 0,
                random.weighted([(0.0, 0.8), (1.0, 0.12), (2.0, 0.06), (3.0, 0.02)]),
            ]
            samples.append(values, incident: random.chance(truth.probability(values)))
        }
        return samples
    }
}
