import ArgumentParser
import CabinetKit
import Foundation

struct Decide: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Record the board's decision on a change.",
        discussion: "Decisions are never edited. To correct one, record a new decision with --supersede.")

    @OptionGroup var store: StoreOptions
    @Argument(help: "The change id.") var id: String
    @Argument(help: "\(Outcome.allowedWords)") var outcome: String
    @Option(help: "Required with approved-with-conditions.") var conditions: String?
    @Option(help: "A note; the reason is required with rejected.") var note: String?
    @Option(help: "Who decides; $CAB_USER or your login name by default.") var by: String?
    @Flag(help: "Correct the change's latest decision with this one.") var supersede = false

    func run() throws {
        try guarded { () throws(CabinetError) in
            guard let outcome: Outcome = try word(outcome, option: "OUTCOME") else { return }
            let conditions = try checkedText(conditions, flag: "--conditions"), note = try checkedText(note, flag: "--note")
            if outcome == .approvedWithConditions, conditions?.allSatisfy(\.isWhitespace) ?? true {
                throw .invalidArgument(name: "--conditions", problem: "required with approved-with-conditions")
            }
            if outcome == .rejected, note?.allSatisfy(\.isWhitespace) ?? true {
                throw .invalidArgument(name: "--note", problem: "a rejection needs its reason")
            }
            let by = try actor(by, login: store.login)
            let store = try store.open()
            let superseded = supersede ? try store.decisions(forChange: id).last?.id : nil
            if supersede, superseded == nil { throw .refused("\(id) has no decision to supersede") }
            let decision = Decision(id: UUID().uuidString.lowercased(), change: id, outcome: outcome, at: Timestamp.now(), by: by,
                                    conditions: conditions, note: note, supersedes: superseded)
            try store.record(decision)
            print("\(id): \(outcome.rawValue) by \(decision.by) at \(decision.at.iso8601)")
        }
    }
}
