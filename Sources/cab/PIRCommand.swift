import ArgumentParser
import CabinetModel
import CabinetStore
import TerminalKit

struct PIRCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pir",
        abstract: "Record the post-implementation review of an emergency change.",
        discussion: "A review is recorded once and never edited. follow-up-required takes a --note saying what follows up.")

    @OptionGroup var store: StoreOptions
    @Argument(help: "The emergency change's id.") var id: String
    @Argument(help: "\(PIROutcome.allowedWords)") var outcome: String
    @Option(help: "What follows up; required with follow-up-required.") var note: String?
    @Option(help: "Who reviews; $CAB_USER or your login name by default.") var by: String?

    func run() throws {
        try guarded { () throws(CabinetError) in
            guard let outcome: PIROutcome = try word(outcome, option: "OUTCOME") else { return }
            let now = Timestamp.now()
            var review = PostImplementationReview(change: id, outcome: outcome, at: now, by: try actor(by, login: store.login),
                                                  note: try checkedText(note, flag: "--note"))
            if let breach = PIRRules.contentBreach(of: review) { throw .invalidArgument(name: "--\(breach.field)", problem: breach.problem) }
            let store = try store.open(.writing)
            // Reviewed at today's meeting when the change is on its agenda.
            let today = try store.boardSnapshot(on: now, now: now)
            if today.meeting != nil, (today.agenda + today.late).contains(where: { $0.change.id == id }) { review.meeting = today.day }
            try store.record(review, clocks: [], on: today.day)
            print("\(id): post-implementation review \(outcome.rawValue) by \(review.by) at \(now.iso8601)".inert)
        }
    }
}
