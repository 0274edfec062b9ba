import ArgumentParser
import CabinetKit
import Foundation

/// Hidden: in-process timings of the risk work, for `scripts/bench`.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Time impact analysis and calibration in process (for scripts/bench).", shouldDisplay: false,
        subcommands: [ImpactBench.self, CalibrationBench.self])

    struct ImpactBench: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "impact", abstract: "Blast radius of one change on a big catalogue.")

        @Option var services = 10_000
        @Option var runs = 200

        func run() {
            let catalogue = SyntheticRisk.services(count: services, seed: 1)
            let (graph, build) = timed { ServiceGraph(catalogue) }
            // The root service is the worst case: every other service consumes it, directly or not.
            var times: [Double] = []
            var affected = 0
            for _ in 0..<runs {
                let (radius, seconds) = timed { graph.impact(of: [SyntheticRisk.name(0), SyntheticRisk.name(services / 2)]) }
                affected = radius.affected.count
                times.append(seconds)
            }
            times.sort()
            print(String(format: "impact services=%d affected=%d build_ms=%.3f median_ms=%.3f max_ms=%.3f",
                         services, affected, build * 1000, times[times.count / 2] * 1000, times[times.count - 1] * 1000))
        }
    }

    struct CalibrationBench: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "calibrate", abstract: "Logistic fit on synthetic changes.")

        @Option var changes = 1_000_000

        func run() throws {
            let truth = RiskModel(intercept: -4, weights: [0.3, 0.4, 5, 0.9, 0.7])
            let (samples, generation) = timed { SyntheticRisk.samples(count: changes, truth: truth, seed: 1) }
            let (report, fit) = timed {
                try? Calibrator.calibrate(samples, id: "bench", at: Timestamp(milliseconds: 0), since: nil, until: Timestamp(milliseconds: 0))
            }
            guard let report else { throw ExitCode(1) }
            print(String(format: "calibrate changes=%d generate_s=%.3f fit_s=%.3f iterations=%d brier=%.5f default_brier=%.5f",
                         changes, generation, fit, report.iterations, report.calibration.brier, report.calibration.defaultBrier))
        }
    }
}

/// The value of `body` and the seconds it took.
func timed<T>(_ body: () throws -> T) rethrows -> (T, Double) {
    let start = DispatchTime.now().uptimeNanoseconds
    let value = try body()
    return (value, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
}
