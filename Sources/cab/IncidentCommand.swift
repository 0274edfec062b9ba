import ArgumentParser
import CabinetModel
import CabinetStore
import TerminalKit

struct IncidentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "incident", abstract: "Record incidents.", subcommands: [Add.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Record an incident and the changes that caused it.")

        @OptionGroup var store: StoreOptions
        @Option var id: String
        @Option(help: "\(Severity.allowedWords)") var severity: String
        @Option(name: .customLong("caused-by"), help: "A change that caused it (repeat).") var causedBy: [String] = []
        @Option(name: .customLong("service"), help: "An affected service (repeat).") var services: [String] = []
        @Option(help: "ISO 8601 with zone; now by default.") var openedAt: String?
        @Option(help: "When service was restored (ISO 8601 with zone), if it was.") var resolvedAt: String?

        func run() throws {
            try guarded { () throws(CabinetError) in
                var object: [String: JSONValue] = [
                    "id": .string(id), "severity": .string(severity), "causedBy": JSONValue(causedBy), "services": JSONValue(services),
                    "openedAt": .string(openedAt ?? Timestamp.now().iso8601),
                ]
                if let resolvedAt { object["resolvedAt"] = .string(resolvedAt) }
                let incident: Incident
                do throws(CabinetError) { incident = try InterchangeReader.readIncident(.object(object), source: "cab incident add") } catch {
                    throw ChangeFlags.named(error)
                }
                let summary = try store.open(.writing).importDocument(InterchangeDocument(incidents: [incident]), source: "cab incident add")
                print("\(summary.incidents == 1 ? "Recorded" : "Already recorded") \(incident.id), caused by \(causedBy.isEmpty ? "no known change" : causedBy.joined(separator: ", "))".inert)
            }
        }
    }
}
