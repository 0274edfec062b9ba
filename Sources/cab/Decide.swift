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

    func run() throws {
        try guarded { () throws(CabinetError) in
            guard let outcome: Outcome = try word(outcome, option: "OUTCOME") else { return }
            let conditions = try checkedText(conditions, flag: "--conditions"), note = try checkedText(note, flag: "--note")
            let name = try actor(by, login: store.login)
            var decision = Decision(id: UUID().uuidString.lowercased(), change: id, outcome: outcome, at: Timestamp.now(), by: name,
                                    conditions: conditions, note: note)
            // The store checks every rule again; what a flag got wrong is named by its flag first.
            if let breach = RecordRules.contentBreach(of: decision) { throw .invalidArgument(name: "--\(breach.field)", problem: breach.problem) }
            let store = try store.open(.writing)
            if supersede {
                guard let latest = try store.decisions(forChange: id).last else { throw .refused("\(id) has no decision to supersede") }
                decision.supersedes = latest.id
            }
            do throws(CabinetError) { try store.record(decision) } catch { throw inAnotherName(error, by: by, name: name, login: self.store.login) }
            print("\(id): \(outcome.rawValue) by \(decision.by) at \(decision.at.iso8601)".inert)
        }
    }
}
