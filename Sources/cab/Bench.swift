import ArgumentParser
import CabinetBoard
import CabinetModel
import CabinetStore
import TerminalKit
import Foundation

/// Hidden: in-process timings of the risk work and the board, for `scripts/bench` and `scripts/bench-board`.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Time impact analysis, calibration and the board's frames in process (for scripts/bench, scripts/bench-board).",
        shouldDisplay: false,
        subcommands: [ImpactBench.self, CalibrationBench.self, RenderBench.self])

    struct RenderBench: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "render", abstract: "Render + diff of board frames, the timer moving each frame.",
            discussion: "Without --db, the default demo (2,000 changes, seed 1) at 2026-11-27 09:05 UTC, written to a temporary file.")

        @Option var frames = 1000
        @Option var width = 200
        @Option var height = 60
        @Option(help: "queue or card.") var screen = RenderBenchmark.Screen.queue
        @Option(help: ArgumentHelp("Today's board of this database instead of the fixture.", valueName: "path")) var db: String?

        func run() throws {
            var benchmark: RenderBenchmark?
            let (_, load) = try timed {
                try guarded { () throws(CabinetError) in
                    if let db {
                        benchmark = try RenderBenchmark(store: try SQLiteStore(path: db), now: .now())
                    } else {
                        benchmark = try RenderBenchmark.demo(in: NSTemporaryDirectory())
                    }
                }
            }
            guard let benchmark else { throw ExitCode(1) }
            let result = benchmark.run(frames: frames, width: width, height: height, screen: screen)
            print(String(format: "render screen=%@ size=%dx%d frames=%d rows=%d load_ms=%.1f median_ms=%.3f p99_ms=%.3f max_ms=%.3f changed_cells_per_frame=%.0f",
                         screen.rawValue, width, height, frames, benchmark.snapshot.agenda.count + benchmark.snapshot.late.count, load * 1000,
                         result.median, result.p99, result.milliseconds.last ?? .nan, Double(result.changedCells) / Double(max(1, frames))))
        }
    }

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

extension RenderBenchmark.Screen: ExpressibleByArgument {}

/// The value of `body` and the seconds it took.
func timed<T>(_ body: () throws -> T) rethrows -> (T, Double) {
    let start = DispatchTime.now().uptimeNanoseconds
    let value = try body()
    return (value, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
}
