import ArgumentParser
import CabinetModel
import CabinetStore
import TerminalKit
import CabinetPostgres
import Foundation

struct Decide: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decide",
        abstract: "Record the board's decision on a change.",
        discussion: "Decisions are never edited. To correct one, record a new decision with --supersede.")

    @OptionGroup var store: StoreOptions
    @Argument(help: "The change id.", completion: .changeIDs) var id: String
    @Argument(help: "\(Outcome.allowedWords)", completion: .outcomes) var outcome: String
    @Option(help: "Required with approved-with-conditions.") var conditions: String?
    @Option(help: "A note; the reason is required with rejected.") var note: String?
    @Option(help: "Who decides; $CAB_USER or your login name by default.") var by: String?
    @Flag(help: "Correct the change's latest decision with this one.") var supersede = false
    @Option(help: "Approve a change that is not ready anyway: why (recorded in the decision's note and the minutes).") var override: String?

    func run() throws {
        try guarded { () throws(CabinetError) in
            guard let outcome: Outcome = try word(outcome, option: "OUTCOME") else { return }
            let conditions = try checkedText(conditions, flag: "--conditions"), note = try checkedText(note, flag: "--note")
            let override = try checkedText(override, flag: "--override")
            if override != nil, !outcome.approves { throw .invalidArgument(name: "--override", problem: "only an approval overrides readiness") }
            if override?.isBlank == true { throw .invalidArgument(name: "--override", problem: "empty: say why the change is approved although it is not ready") }
            let name = try actor(by, login: store.login)
            let notes = [note, override.map(Readiness.overrideNote)].compactMap { $0 }
            var decision = Decision(id: UUID().uuidString.lowercased(), change: id, outcome: outcome, at: Timestamp.now(), by: name,
                                    conditions: conditions, note: notes.isEmpty ? nil : notes.joined(separator: "; "))
            // The store checks every rule again; what a flag got wrong is named by its flag first.
            if let breach = RecordRules.contentBreach(of: decision) { throw .invalidArgument(name: "--\(breach.field)", problem: breach.problem) }
            let store = try store.open(.writing)
            // As on the board: approving a change that is not ready takes a reason that goes in the minutes.
            if outcome.approves, override == nil, let change = try store.change(id: id) {
                let readiness = Readiness(change: change, now: decision.at)
                if !readiness.isReady {
                    throw .refused("\(id) is not ready (\(readiness.problems.joined(separator: "; "))): approve it with --override REASON, "
                                   + "which goes in the minutes, or defer it")
                }
            }
            if supersede {
                guard let latest = try store.decisions(forChange: id).last else { throw .refused("\(id) has no decision to supersede") }
                decision.supersedes = latest.id
            }
            do throws(CabinetError) { try store.record(decision) } catch { throw inAnotherName(error, by: by, name: name, login: self.store.login) }
            print("\(id): \(outcome.rawValue) by \(decision.by) at \(decision.at.iso8601)".inert)
        }
    }
}
