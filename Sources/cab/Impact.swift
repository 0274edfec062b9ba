import ArgumentParser
import CabinetModel
import CabinetStore
import TerminalKit

struct Impact: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "impact",
        abstract: "Show a change's blast radius: touched services, direct and transitive consumers, teams, last incident.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The change id.", completion: .changeIDs) var id: String

    func run() throws {
        try guarded { () throws(CabinetError) in
            let now = Timestamp.now()
            let (change, assessment, context) = try store.open(.reading).assessedChange(id, now: now)
            if output.json {
                var object = JSONOutput.object(impact: assessment.impact, lastIncident: assessment.lastIncident, now: now)
                object["change"] = change.id
                return print(try JSONOutput.serialize(object))
            }
            print(RiskText.impact(change, assessment, graph: context.graph, now: now))
        }
    }
}
