import ArgumentParser
import CabinetModel
import CabinetStore
import TerminalKit
import Foundation

struct CardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "card",
        abstract: "A change's card as a message: the four fields, readiness, impact and risk, for a pull request comment or a channel.",
        discussion: "Markdown by default (--markdown); --slack prints Slack Block Kit JSON for a webhook or chat.postMessage. Stored text is escaped for each.")

    @OptionGroup var store: StoreOptions
    @Argument(help: "The change id.", completion: .changeIDs) var id: String
    @Flag(help: "Print Markdown (the default).") var markdown = false
    @Flag(help: "Print Slack Block Kit JSON.") var slack = false

    func run() throws {
        try guarded { () throws(CabinetError) in
            try oneFormat(["--markdown": markdown, "--slack": slack])
            let now = Timestamp.now()
            let (change, assessment, _) = try store.open(.reading).assessedChange(id, now: now)
            let card = ChangeCard(change, assessment: assessment, now: now)
            print(slack ? String(decoding: CardSlack.message(card).payload, as: UTF8.self) : CardMarkdown.render(card))
        }
    }
}
