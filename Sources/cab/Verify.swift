import ArgumentParser
import CabinetModel
import CabinetStore
import TerminalKit
import Foundation

struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Record post-deployment verification against the release gates and say whether the release may be called stable.",
        discussion: """
            Gates: smoke tests pass; error rate under 0.1% (or at most the baseline); p99 latency up at most 20%; \
            held 15 minutes, or a 30-minute soak for a high-risk change (stated high, or a score over the threshold). \
            Rates are percentages: --error-rate 0.05 is 0.05%. A negative delta needs '=': --p99-delta=-5.
            """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The change id.", completion: .changeIDs) var id: String
    @Option(help: "\(SmokeResult.allowedWords)") var smoke: String
    @Option(help: ArgumentHelp("Errors after the deployment, in percent of requests.", valueName: "percent")) var errorRate: String?
    @Option(help: ArgumentHelp("Errors before it, when they were already above 0.1%.", valueName: "percent")) var baselineErrorRate: String?
    @Option(help: ArgumentHelp("Change of p99 latency, in percent (12 = 12% slower).", valueName: "percent")) var p99Delta: String?
    @Option(help: ArgumentHelp("How long the release held with these numbers.", valueName: "minutes")) var soakMinutes: Int?
    @Option(help: "Who verifies; $CAB_USER or your login name by default.") var by: String?

    func run() throws {
        try guarded { () throws(CabinetError) in
            guard let smoke: SmokeResult = try word(smoke, option: "--smoke") else { return }
            let by = try actor(by, login: store.login)
            let store = try store.open(.writing)
            let now = Timestamp.now()
            let (change, assessment, _) = try store.assessedChange(id, now: now)
            guard ![.new, .assess, .authorize, .canceled].contains(change.state) else {
                throw .refused("\(change.id) is \(change.state.rawValue), not deployed: verify a change after it ships")
            }
            if let soakMinutes, soakMinutes < 0 { throw .invalidArgument(name: "--soak-minutes", problem: "must be at least 0") }
            let highRisk = change.risk == .high || assessment.risk.isOverThreshold
            let verification = Verification(
                id: UUID().uuidString.lowercased(), change: change.id, at: now, by: by, smoke: smoke,
                errorRate: try percent(errorRate, option: "--error-rate", minimum: 0),
                baselineErrorRate: try percent(baselineErrorRate, option: "--baseline-error-rate", minimum: 0),
                p99Delta: try percent(p99Delta, option: "--p99-delta", minimum: -100), heldMinutes: soakMinutes,
                requiredMinutes: VerificationGate.requiredMinutes(highRisk: highRisk))
            try store.record(verification)
            print(output.json ? try JSONOutput.serialize(JSONOutput.object(verification: verification)) : VerificationText.render(verification))
        }
    }
}

/// A percentage option: `0.05` or `0.05%`.
func percent(_ text: String?, option: String, minimum: Double) throws(CabinetError) -> Double? {
    guard let text else { return nil }
    let digits = text.hasSuffix("%") ? String(text.dropLast()) : text
    guard let value = Double(digits), value.isFinite else { throw .invalidArgument(name: option, problem: "'\(text)' is not a percentage (like 0.05 or 0.05%)") }
    guard value >= minimum else { throw .invalidArgument(name: option, problem: "must be at least \(minimum)") }
    return value
}
