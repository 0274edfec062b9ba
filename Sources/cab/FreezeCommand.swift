import ArgumentParser
import CabinetModel
import CabinetStore
import TerminalKit

struct FreezeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "freeze", abstract: "Freeze (blackout) windows: changes whose window falls in one are flagged.",
        subcommands: [Add.self, List.self, Remove.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a freeze window [from, to).")

        @OptionGroup var store: StoreOptions
        @Option(help: ArgumentHelp("Start (day or ISO time with zone).", valueName: "time")) var from: String
        @Option(help: ArgumentHelp("End, exclusive (day or ISO time with zone).", valueName: "time")) var to: String
        @Option(help: "Why nothing should deploy then.") var reason: String
        @Option(help: "Who adds it; $CAB_USER or your login name by default.") var by: String?

        func run() throws {
            try guarded { () throws(CabinetError) in
                let freeze = try store.open(.writing).addFreeze(
                    from: try instant(from, option: "--from"), to: try instant(to, option: "--to"), reason: try FieldText.long.checked(reason, flag: "--reason"),
                    by: try actor(by, login: store.login),
                    at: Timestamp.now())
                print("Added \(freeze.id): \(freeze.from.iso8601) → \(freeze.to.iso8601) (\(freeze.reason))".inert)
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the freeze windows.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            try guarded { () throws(CabinetError) in
                let freezes = try store.open(.reading).freezes()
                print(output.json ? try JSONOutput.serialize(freezes.map(JSONOutput.object(freeze:))) : FreezeText.render(freezes))
            }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove a freeze window.")

        @OptionGroup var store: StoreOptions
        @Argument(help: "The freeze id, like FRZ-1.") var id: String

        func run() throws {
            try guarded { () throws(CabinetError) in
                let freeze = try store.open(.writing).removeFreeze(id: id)
                print("Removed \(freeze.id): \(freeze.from.iso8601) → \(freeze.to.iso8601) (\(freeze.reason))".inert)
            }
        }
    }
}
