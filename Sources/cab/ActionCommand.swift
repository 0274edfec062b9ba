import ArgumentParser
import CabinetModel
import CabinetStore
import TerminalKit

/// `cab actions`: what people owe after the board spoke, open first by due day.
struct Actions: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "actions", abstract: "List the open action items and lessons (with --all, the closed ones too).")

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions
    @Flag(help: "Include the closed items.") var all = false

    func run() throws {
        try guarded { () throws(CabinetError) in
            let items = try store.open(.reading).actionItems(includingClosed: all)
            print(output.json ? try JSONOutput.serialize(items.map(InterchangeWriter.object)) : ActionText.render(items, now: Timestamp.now()))
        }
    }
}

/// `cab action add|close`.
struct ActionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "action", abstract: "Record an action item or a lesson, and close it when done.", subcommands: [Add.self, Close.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Record an action item (or, with --kind lesson, a review's lesson).")

        @OptionGroup var store: StoreOptions
        @Option(help: "What is to be done.") var text: String
        @Option(help: "Who does it.") var owner: String
        @Option(help: ArgumentHelp("The day it is due (YYYY-MM-DD).", valueName: "day")) var due: String?
        @Option(help: "The change it is about.") var change: String?
        @Option(help: ArgumentHelp("The meeting it was raised in (its day, YYYY-MM-DD).", valueName: "day")) var meeting: String?
        @Option(help: "The incident whose review it learns from.") var incident: String?
        @Option(help: "\(ActionItem.Kind.allowedWords)") var kind: String = ActionItem.Kind.action.rawValue
        @Option(help: "Who records it; $CAB_USER or your login name by default.") var by: String?

        func run() throws {
            try guarded { () throws(CabinetError) in
                guard let kind: ActionItem.Kind = try word(kind, option: "--kind") else { return }
                let item = ActionItem(kind: kind, change: change, meeting: meeting, incident: incident, text: text, owner: owner, due: due,
                                      openedAt: Timestamp.now(), openedBy: try actor(by, login: store.login))
                let added = try store.open(.writing).addActionItem(item)
                print("Recorded \(ActionText.line(added))")
            }
        }
    }

    struct Close: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "close", abstract: "Close an action item: who closed it and when are kept.")

        @OptionGroup var store: StoreOptions
        @Argument(help: "The item's id (ACT-n).") var id: String
        @Option(help: "How it was done.") var note: String?
        @Option(help: "Who closes it; $CAB_USER or your login name by default.") var by: String?

        func run() throws {
            try guarded { () throws(CabinetError) in
                let closed = try store.open(.writing).closeActionItem(
                    id: id, by: try actor(by, login: store.login), at: Timestamp.now(), note: try checkedText(note, flag: "--note"))
                print("Closed \(ActionText.line(closed))")
            }
        }
    }
}
