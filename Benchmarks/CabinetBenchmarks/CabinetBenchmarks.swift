import Benchmark
import CabinetModel

/// Cabinet's in-process micro-benchmarks: a board frame (render + diff), the blast radius of a
/// change on a large catalogue, and the logistic fit of a risk calibration.
/// Run: `CAB_BENCHMARKS=1 swift package benchmark` (see the README's Benchmarks section).
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident],
        timeUnits: .microseconds, maxDuration: .seconds(5), maxIterations: 10_000)

    for screen in [BoardFrames.Screen.queue, .card] {
        Benchmark("render + diff, \(screen.rawValue), 200×60, demo of 2,000 changes") { benchmark, frames in
            var frames = frames
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations { blackHole(frames.next()) }
        } setup: {
            try BoardFrames.demo(screen: screen, width: 200, height: 60)
        }
    }

    Benchmark("impact of one change on 10,000 services") { benchmark, graph in
        let touched = [SyntheticRisk.name(0), SyntheticRisk.name(5000)]
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations { blackHole(graph.impact(of: touched)) }
    } setup: {
        ServiceGraph(SyntheticRisk.services(count: 10_000, seed: 1))
    }

    Benchmark("logistic fit, 100,000 synthetic changes", configuration: .init(maxDuration: .seconds(20), maxIterations: 20)) { benchmark, samples in
        let regression = LogisticRegression(features: samples.features, labels: samples.labels, dimension: RiskSamples.dimension)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations { blackHole(regression.fit()) }
    } setup: {
        SyntheticRisk.samples(count: 100_000, truth: RiskModel(intercept: -4, weights: [0.3, 0.4, 5, 0.9, 0.7]), seed: 1)
    }
}
