import ArgumentParser
import CabinetModel
import CabinetStore
import TerminalKit

/// `cab retro list|show|close`: the blameless reviews of incidents caused by approved changes.
struct RetroCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retro", abstract: "Review incidents caused by changes the board approved, and close the reviews.",
        subcommands: [List.self, Show.self, Close.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the open reviews (with --all, the closed ones too) and the incidents not reviewed.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions
        @Flag(help: "Include the closed reviews.") var all = false

        func run() throws {
            try guarded { () throws(CabinetError) in
                let opened = try store.open(.reading)
                let reviews = try opened.reviews(includingClosed: all)
                let notReviewed = try opened.incidentsNotReviewed()
                if output.json {
                    return print(try JSONOutput.serialize([
                        "reviews": reviews.map(InterchangeWriter.object),
                        "notReviewed": notReviewed.map { ["incident": $0.incident, "change": $0.change] },
                    ] as [String: Any]))
                }
                print(RetroText.list(reviews, notReviewed: notReviewed))
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a review: the change's four fields as approved beside what happened, and its lessons.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The incident's id.") var incident: String

        func run() throws {
            try guarded { () throws(CabinetError) in
                let opened = try store.open(.reading)
                guard let review = try opened.review(incident: incident) else { throw .notFound(kind: "review of incident", id: incident) }
                guard let found = try opened.incident(id: incident) else { throw .notFound(kind: "incident", id: incident) }
                let (change, assessment, _) = try opened.assessedChange(review.change, now: Timestamp.now())
                let lessons = try opened.actionItems(includingClosed: true).filter { $0.incident == incident && $0.kind == .lesson }
                let approval = try opened.decisions(forChange: change.id).last { $0.outcome.approves }
                if output.json {
                    var object = InterchangeWriter.object(review)
                    object["incidentServices"] = found.services
                    object["computedImpact"] = assessment.impact.affected
                    var approved: [String: Any] = [
                        "blastRadius": change.blastRadius, "rollbackPlan": change.rollbackPlan, "verification": change.verification,
                        "risk": change.risk.rawValue, "riskScore": JSONOutput.orNull(approval?.riskScore),
                        "riskScoreNow": assessment.risk.probability,
                    ]
                    approved["rollbackMinutes"] = change.rollbackMinutes
                    object["approved"] = approved
                    object["lessons"] = lessons.map(InterchangeWriter.object)
                    return print(try JSONOutput.serialize(object))
                }
                print(RetroText.show(review, incident: found, change: change, approval: approval, assessment: assessment,
                                    lessons: lessons))
            }
        }
    }

    struct Close: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "close", abstract: "Record the review's answers and close it.")

        @OptionGroup var store: StoreOptions
        @Argument(help: "The incident's id.") var incident: String
        @Option(name: .customLong("rollback-worked"), help: "Did the rollback work: yes or no.") var rollbackWorked: String
        @Option(name: .customLong("rollback-minutes"), help: "How many minutes the rollback took.") var rollbackMinutes: Int?
        @Option(name: .customLong("verification-caught"), help: "Did the verification criteria catch it: yes or no.") var verificationCaught: String
        @Option(help: "What was learned, in a sentence.") var note: String?
        @Option(help: "Who closes it; $CAB_USER or your login name by default.") var by: String?

        func run() throws {
            try guarded { () throws(CabinetError) in
                let answers = Review(incident: incident, change: "", openedAt: Timestamp.now(),
                                     rollbackWorked: try yesOrNo(rollbackWorked, option: "--rollback-worked"), rollbackMinutesTaken: rollbackMinutes,
                                     verificationCaught: try yesOrNo(verificationCaught, option: "--verification-caught"),
                                     note: try checkedText(note, flag: "--note"))
                let closed = try store.open(.writing).closeReview(answers, by: try actor(by, login: store.login), at: Timestamp.now())
                print("Closed the review of \(closed.incident) (\(closed.change))".inert)
            }
        }

        func yesOrNo(_ text: String, option: String) throws(CabinetError) -> Bool {
            switch text {
            case "yes": return true
            case "no": return false
            default: throw .invalidArgument(name: option, problem: "'\(text)' is neither yes nor no")
            }
        }
    }
}
