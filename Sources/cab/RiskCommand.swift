import ArgumentParser
import CabinetModel
import CabinetStore
import TerminalKit
import Foundation

struct RiskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "risk", abstract: "Score a change's risk, calibrate the weights on the history, set the threshold.",
        subcommands: [Show.self, Calibrate.self, Threshold.self], defaultSubcommand: Show.self)

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "A change's risk score with its parts; without an id, the weights, threshold and warnings.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The change id.", completion: .changeIDs) var id: String?

        func run() throws {
            try guarded { () throws(CabinetError) in
                let store = try store.open(.reading)
                let now = Timestamp.now()
                let policy = try store.riskPolicy()
                let warnings = try store.riskWarnings(policy: policy, now: now)
                guard let id else {
                    var object = JSONOutput.object(policy: policy)
                    object["warnings"] = warnings
                    return print(output.json ? try JSONOutput.serialize(object) : RiskText.policy(policy, warnings: warnings))
                }
                let (change, assessment, _) = try store.assessedChange(id, now: now)
                if output.json {
                    var object = JSONOutput.object(risk: assessment.risk)
                    object["change"] = change.id
                    object["warnings"] = warnings
                    object["gates"] = assessment.gates
                    return print(try JSONOutput.serialize(object))
                }
                print(RiskText.risk(change, assessment.risk, policy: policy, warnings: warnings))
            }
        }
    }

    struct Calibrate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "calibrate",
            abstract: "Fit the risk weights by logistic regression on deployed changes and whether an incident followed; store them.",
            discussion: "Changes deployed in the last \(Calibrator.settleDays) days are left out: their incidents may still come.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions
        @Option(help: ArgumentHelp("Learn from changes submitted at or after this (day or ISO time); all history by default.", valueName: "time"))
        var since: String?

        func run() throws {
            try guarded { () throws(CabinetError) in
                let store = try store.open(.writing)
                let now = Timestamp.now()
                let since = try since.map { text throws(CabinetError) in try instant(text, option: "--since") }
                let until = now.adding(days: -Calibrator.settleDays)
                if let since, since >= until {
                    throw .invalidArgument(name: "--since", problem: "\(since.iso8601) leaves no settled history (changes before \(until.iso8601))")
                }
                let previous = try store.riskPolicy()
                let drift = previous.calibration == nil ? [] : try store.riskWarnings(policy: previous, now: now)
                let report = try Calibrator.calibrate(try store.riskSamples(since: since, until: until, now: now),
                                                      id: UUID().uuidString.lowercased(), at: now, since: since, until: until)
                try store.saveCalibration(report.calibration)
                let notes = drift.map { "previous calibration: \($0)" }
                print(output.json ? try JSONOutput.serialize(JSONOutput.object(calibration: report, warnings: notes))
                    : CalibrationText.render(report, warnings: notes))
            }
        }
    }

    struct Threshold: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "threshold",
            abstract: "Show or set the risk score above which a change goes to the board with a review gate.")

        @OptionGroup var store: StoreOptions
        @Argument(help: "A probability between 0 and 1, like 0.25; leave out to show it.") var value: Double?

        func run() throws {
            try guarded { () throws(CabinetError) in
                let store = try store.open(value == nil ? .reading : .writing)
                if let value { try store.setRiskThreshold(value) }
                print("Risk threshold: \(RiskText.percent(try store.riskPolicy().threshold))")
            }
        }
    }
}
