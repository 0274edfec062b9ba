import ArgumentParser
import CabinetModel
import CabinetStore
import TerminalKit
import Foundation

struct ChangeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "change", abstract: "Submit, show and list changes.", subcommands: [Add.self, FromPR.self, Edit.self, Show.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Submit a change, from flags or from a JSON file holding one change in the interchange format.")

        @OptionGroup var store: StoreOptions
        @Option(name: .long, help: ArgumentHelp("A JSON file with one change object (the other flags are then ignored).", valueName: "file"))
        var file: String?
        @Option var id: String?
        @Option var title: String?
        @Option(help: "The owner; --by, $CAB_USER or your login name by default.") var owner: String?
        @Option var team: String?
        @Option(help: "\(ChangeType.allowedWords)") var type: String?
        @Option(help: "\(ChangeCategory.allowedWords)") var category: String?
        @Option(help: "\(Risk.allowedWords)") var risk: String?
        @Option(help: "Leave out to route by the rules: \(Route.allowedWords)") var route: String?
        @Option(name: .customLong("service"), help: "A service the change touches (repeat).") var services: [String] = []
        @Option var filesChanged: Int?
        @Option(name: .customLong("touches"), help: "Config it touches that needs mandatory review (repeat): \(ConfigArea.allowedWords)")
        var touches: [String] = []
        @Flag var hasMigration = false
        @OptionGroup var fields: FourFieldOptions
        @Option var rollbackMinutes: Int?
        @Option(help: "ISO 8601 with zone; now by default.") var submittedAt: String?
        @Option(help: "When it reached production (ISO 8601 with zone), for an emergency that shipped first.") var deployedAt: String?
        @Option var by: String?

        func run() throws {
            try guarded { () throws(CabinetError) in
                let submitted: SubmittedChange
                if let file {
                    submitted = try InterchangeReader.readChange(try readInput(file), source: file)
                } else {
                    let missing = [("--title", title), ("--team", team), ("--type", type), ("--category", category), ("--risk", risk)]
                        .filter { $0.1?.isBlank ?? true }.map(\.0) + (services.isEmpty ? ["--service"] : [])
                    if !missing.isEmpty {
                        throw .invalidArgument(name: missing.joined(separator: ", "), problem: "required (cab change add --help says what each takes)")
                    }
                    let submitter: String
                    if let owner { submitter = owner } else { submitter = try actor(by, login: store.login) }
                    var object: [String: JSONValue] = [
                        "owner": .string(submitter), "services": JSONValue(services), "hasMigration": .bool(hasMigration),
                        "touches": JSONValue(touches), "submittedAt": .string(submittedAt ?? Timestamp.now().iso8601),
                    ]
                    var id = self.id
                    if id == nil { id = try store.open(.writing).nextChangeID() }
                    let texts = ["id": id, "title": title, "team": team, "type": type, "category": category, "risk": risk, "route": route,
                                 "blastRadius": fields.blastRadius, "rollbackPlan": fields.rollbackPlan, "verification": fields.verification,
                                 "windowStart": fields.windowStart, "windowEnd": fields.windowEnd, "deployedAt": deployedAt]
                    for case let (key, text?) in texts { object[key] = .string(text) }
                    for case let (key, number?) in ["filesChanged": filesChanged, "rollbackMinutes": rollbackMinutes] {
                        object[key] = .number(Double(number))
                    }
                    do throws(CabinetError) { submitted = try InterchangeReader.readChange(.object(object), source: "cab change add") } catch {
                        throw ChangeFlags.named(error)
                    }
                }
                let store = try store.open(.writing)
                let summary = try store.importDocument(InterchangeDocument(changes: [submitted]), source: file ?? "cab change add")
                guard let change = try store.change(id: submitted.change.id) else { throw .notFound(kind: "change", id: submitted.change.id) }
                let readiness = Readiness(change: change, now: Timestamp.now())
                print(("\(summary.changes == 1 ? "Submitted" : "Already submitted") \(change.id): route \(change.route.rawValue), state \(change.state.rawValue), "
                    + (readiness.isReady ? "ready" : "not ready: \(readiness.problems.joined(separator: "; "))")).inert)
            }
        }
    }

    struct FromPR: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "from-pr",
            abstract: "Submit one pull request (the saved output of gh pr view --json number,title,author,createdAt,mergedAt,files,labels,reviews,url) "
                + "as a change, and print its route and risk score.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var github: GitHubOptions
        @Argument(help: "The saved gh pr view --json output.") var file: String

        func run() throws {
            try guarded { () throws(CabinetError) in
                let export = try github.export([(file, Array(try readInput(file)))])
                guard export.ids.count == 1, let id = export.ids.first else {
                    throw .unreadableInput(source: file, problem: "holds \(export.ids.count) pull requests with a number and url: from-pr submits one (cab import --from github takes a list)")
                }
                let (batch, summary, store) = try SourceSync.run(store, ids: [id], source: file) { stored throws(CabinetError) in try export.batch(stored: stored) }
                let now = Timestamp.now()
                let (change, assessment, _) = try store.assessedChange(id, now: now)
                let readiness = Readiness(change: change, now: now)
                let verb = summary.changes == 1 ? "Submitted" : batch.report.updated.isEmpty ? "Already submitted" : "Updated"
                print(("\(verb) \(change.id): route \(change.route.rawValue), state \(change.state.rawValue), risk score \(RiskText.percent(assessment.risk.probability))"
                    + " (the board from \(RiskText.percent(assessment.risk.threshold)))"
                    + (change.touches.isEmpty ? "" : ", touches \(change.touches.map(\.rawValue).joined(separator: ", "))") + ", "
                    + (readiness.isReady ? "ready" : "not ready: \(readiness.problems.joined(separator: "; "))")).inert)
            }
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit",
            abstract: "Edit the four fields of a change: only its owner (or a chair) may.")

        @OptionGroup var store: StoreOptions
        @Argument(help: "The change id.", completion: .changeIDs) var id: String
        @OptionGroup var fields: FourFieldOptions
        @Option(help: "Who edits; $CAB_USER or your login name by default.") var by: String?

        func run() throws {
            try guarded { () throws(CabinetError) in
                let edit = ChangeEdit(
                    blastRadius: try checkedText(fields.blastRadius, flag: "--blast-radius"),
                    rollbackPlan: try checkedText(fields.rollbackPlan, flag: "--rollback-plan"),
                    verification: try checkedText(fields.verification, flag: "--verification"),
                    windowStart: try fields.windowStart.map { text throws(CabinetError) in try instant(text, option: "--window-start") },
                    windowEnd: try fields.windowEnd.map { text throws(CabinetError) in try instant(text, option: "--window-end") })
                let change = try store.open(.writing).editChange(id, edit, by: try actor(by, login: store.login))
                let readiness = Readiness(change: change, now: Timestamp.now())
                print(("Edited \(change.id): " + (readiness.isReady ? "ready" : "not ready: \(readiness.problems.joined(separator: "; "))")).inert)
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a change: the four fields, readiness, strategy, impact, risk score, flags, decisions, incidents.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The change id.", completion: .changeIDs) var id: String

        func run() throws {
            try guarded { () throws(CabinetError) in
                let store = try store.open(.reading)
                let now = Timestamp.now()
                let (change, assessment, _) = try store.assessedChange(id, now: now)
                let decisions = try store.decisions(forChange: id), incidents = try store.incidents(causedBy: id)
                print(output.json
                    ? try JSONOutput.serialize(JSONOutput.object(change: change, decisions: decisions, incidents: incidents, now: now, assessment: assessment))
                    : ChangeText.render(change, decisions: decisions, incidents: incidents, now: now, assessment: assessment))
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List changes, newest first.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "\(Route.allowedWords)") var route: String?
        @Option(help: "\(ChangeState.allowedWords)") var state: String?
        @Option(help: "Submitted at or after (day or ISO time).") var since: String?
        @Option(help: "At most this many (0 for all).") var limit = 50

        func run() throws {
            try guarded { () throws(CabinetError) in
                let filter = ChangeFilter(
                    route: try word(route, option: "--route"), state: try word(state, option: "--state"),
                    submittedSince: try since.map { text throws(CabinetError) in try instant(text, option: "--since") },
                    limit: limit > 0 ? limit : nil)
                let changes = try store.open(.reading).changes(matching: filter)
                if output.json {
                    return print(try JSONOutput.serialize(changes.map {
                        InterchangeWriter.object(SubmittedChange(change: $0, statedRoute: $0.route, statedState: $0.state))
                    }))
                }
                var table = TextTable(header: ["id", "submitted", "route", "state", "type", "risk", "owner", "title"])
                for change in changes {
                    table.add([change.id, change.submittedAt.iso8601, change.route.rawValue, change.state.rawValue, change.type.rawValue,
                               change.risk.rawValue, change.owner, change.title.truncated(to: 50)])
                }
                print(changes.isEmpty ? "No changes match." : table.rendered)
            }
        }
    }
}

/// A vocabulary word given as an option, or `nil` when left out.
func word<V: Vocabulary>(_ text: String?, option: String) throws(CabinetError) -> V? {
    guard let text else { return nil }
    guard let value = V(rawValue: text) else { throw .invalidArgument(name: option, problem: "unknown value '\(text)' (one of: \(V.allowedWords))") }
    return value
}

/// The bytes of an input file, or a one-line error naming it.
func readInput(_ path: String) throws(CabinetError) -> Data {
    guard let data = FileManager.default.contents(atPath: path) else {
        throw .unreadableInput(source: path, problem: "cannot read the file (missing, a folder, or not permitted)")
    }
    return data
}

/// The four fields every change must articulate, as options of `change add` and `change edit`.
struct FourFieldOptions: ParsableArguments {
    @Option var blastRadius: String?
    @Option var rollbackPlan: String?
    @Option var verification: String?
    @Option(help: "ISO 8601 with zone.") var windowStart: String?
    @Option(help: "ISO 8601 with zone.") var windowEnd: String?
}

/// The flags of `cab change add`, named in its errors instead of the interchange's fields.
enum ChangeFlags {
    /// `error` about a field of the change read from flags, as the flag that gave it.
    static func named(_ error: CabinetError) -> CabinetError {
        guard case let .invalidRecord(_, _, field, problem) = error else { return error }
        let flag = switch field {
        case "services": "--service"
        default: "--" + field.reduce(into: "") { kebab, character in
            kebab += character.isUppercase ? "-" + character.lowercased() : String(character)
        }
        }
        return .invalidArgument(name: flag, problem: problem)
    }
}
