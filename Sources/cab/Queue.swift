import ArgumentParser
import CabinetModel
import CabinetStore
import TerminalKit

struct Queue: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "queue", abstract: "Show the CAB agenda for a day, with the readiness of each item.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    @Option(name: .long, help: ArgumentHelp("The day (YYYY-MM-DD, UTC); today by default.", valueName: "date"))
    var date: String?

    func run() throws {
        try guarded { () throws(CabinetError) in
            let now = Timestamp.now()
            let day = try date.map { text throws(CabinetError) in try instant(text, option: "--date") } ?? now
            let entries = try store.open(.reading).queue(on: day, now: now)
            print(output.json ? try JSONOutput.serialize(JSONOutput.object(queue: entries, day: day.day, now: now)) : QueueText.render(entries, day: day.day))
        }
    }
}
