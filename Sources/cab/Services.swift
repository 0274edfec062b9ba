import ArgumentParser
import CabinetModel
import CabinetStore
import TerminalKit

struct Services: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "services",
        abstract: "The service catalogue: services, owning teams and dependencies.", subcommands: [Import.self, List.self])

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Import services (JSON: {\"services\": [...]} or a list), all or nothing.",
            discussion: "Unknown dependencies, dependency cycles and a service named twice are refused and nothing is written.")

        @OptionGroup var store: StoreOptions
        @Argument(help: "The JSON file.") var file: String

        func run() throws {
            try guarded { () throws(CabinetError) in
                let services = try InterchangeReader.readServices(try readInput(file), source: file)
                let summary = try store.open(.writing).importDocument(InterchangeDocument(services: services), source: file)
                print("Imported \(file): \(summary.services) services (\(summary.unchanged) already stored)".inert)
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the services with their teams and dependencies.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            try guarded { () throws(CabinetError) in
                let services = try store.open(.reading).services()
                if output.json { return print(try JSONOutput.serialize(services.map(InterchangeWriter.object))) }
                var table = TextTable(header: ["service", "team", "depends on"])
                for service in services { table.add([service.name, service.team, service.dependsOn.joined(separator: ", ")]) }
                print(services.isEmpty ? "No services." : table.rendered)
            }
        }
    }
}
