import ArgumentParser
import CabinetModel
import CabinetStore
import TerminalKit
import Foundation

struct Notify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notify",
        abstract: "Announce a deployed change: title and link, who deployed it, verification status, rollback command.",
        discussion: "Printed by default; with --webhook, posted as Slack-compatible JSON and recorded once the server accepts it.")

    @OptionGroup var store: StoreOptions
    @Argument(help: "The change id.", completion: .changeIDs) var id: String
    @Option(help: ArgumentHelp("Post the announcement here (http or https).", valueName: "url")) var webhook: String?
    @Option(help: ArgumentHelp("Where to read about the change (pull request, ticket).", valueName: "url")) var link: String?
    @Option(help: "Who deployed it; the change's owner by default.") var deployedBy: String?
    @Option(help: "The command that rolls it back; the change's rollback plan by default.") var rollbackCommand: String?
    @Option(help: "Who announces; $CAB_USER or your login name by default.") var by: String?

    func run() throws {
        try guarded { () throws(CabinetError) in
            let by = try actor(by, login: store.login)
            let store = try store.open(.writing)
            guard let change = try store.change(id: id) else { throw .notFound(kind: "change", id: id) }
            let announcement = Announcement(change: change, deployedBy: deployedBy ?? change.owner, link: link,
                                            verification: try store.verifications(forChange: id).last, rollback: try checkedText(rollbackCommand, flag: "--rollback-command"))
            guard let webhook else { return print(announcement.text) }
            try Webhook.post(announcement.slackPayload, to: webhook)
            try store.recordAnnouncement(id: UUID().uuidString.lowercased(), change: change.id, at: Timestamp.now(), by: by,
                                         webhook: webhook, text: announcement.text)
            print("Announced \(change.id) to \(webhook)".inert)
        }
    }
}
