import ArgumentParser
import CabinetModel
import CabinetStore
import TerminalKit

struct Minutes: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "minutes", abstract: "Print the minutes of a meeting: attendance, each item's time and decision.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions
    @Option(help: ArgumentHelp("The meeting's day (YYYY-MM-DD, UTC); today by default.", valueName: "date")) var date: String?
    @Flag(help: "Print Markdown.") var markdown = false

    func run() throws {
        try guarded { () throws(CabinetError) in
            try oneFormat(["--json": output.json, "--markdown": markdown])
            let now = Timestamp.now()
            let day = try date.map { text throws(CabinetError) in try instant(text, option: "--date") } ?? now
            let store = try store.open(.reading)
            guard let minutes = try store.minutes(on: day, now: now) else {
                throw .notFound(kind: "meeting on", id: day.day)
            }
            // The chain's head pins the log as it is now: `cab audit --expect` checks it later.
            let log = try store.decisionLog()
            if output.json {
                var object = MinutesText.object(minutes)
                object["decisionLog"] = ["count": log.count, "lastHash": log.hash]
                return print(try JSONOutput.serialize(object))
            }
            print((markdown ? MinutesText.markdown(minutes) : MinutesText.render(minutes)) + "\n\n" + log.line)
        }
    }
}

struct Conditions: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "conditions", abstract: "List the open conditions of changes approved with conditions.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try guarded { () throws(CabinetError) in
            let open = try store.open(.reading).openConditions()
            if output.json { return print(try JSONOutput.serialize(open.map(ConditionText.object))) }
            print(ConditionText.render(open))
        }
    }
}

struct ConditionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "condition", abstract: "Close conditions.", subcommands: [Met.self])

    struct Met: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "met", abstract: "Record that a change's conditions were met (who and when are kept).")

        @OptionGroup var store: StoreOptions
        @Argument(help: "The change id.", completion: .changeIDs) var id: String
        @Option(help: "How they were met.") var note: String?
        @Option(help: "Who; $CAB_USER or your login name by default.") var by: String?

        func run() throws {
            try guarded { () throws(CabinetError) in
                let met = try store.open(.writing).meetCondition(change: id, by: try actor(by, login: store.login), at: Timestamp.now(),
                                                                note: try checkedText(note, flag: "--note"))
                print("\(id): conditions met (\(met.decision.conditions ?? "")), recorded by \(met.metBy ?? "") at \(met.metAt?.iso8601 ?? "")".inert)
            }
        }
    }
}
