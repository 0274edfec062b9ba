import ArgumentParser
import CabinetBoard
import CabinetModel
import CabinetStore
import TerminalKit
import CabinetPostgres
import Foundation

/// Options of every command that opens the board.
struct BoardFlags: ParsableArguments {
    @Option(help: "Who chairs (records decisions); $CAB_USER or your login name by default.") var by: String?
    @Option(help: "The on-call engineer, invited to the meeting.") var onCall: String?
    @Option(help: "Minutes per item when this board opens the meeting.") var itemMinutes = 3
    @Option(help: ArgumentHelp("A theme name (default, light, high-contrast, mono) or a theme file.", valueName: "name|path"), completion: .themes)
    var theme: String?

    func options(presenter: Bool = false, changeID: String? = nil, login: String?) throws(CabinetError) -> BoardOptions {
        guard (1...30).contains(itemMinutes) else { throw .invalidArgument(name: "--item-minutes", problem: "between 1 and 30") }
        return BoardOptions(chair: try actor(by, login: login), onCall: onCall, itemMinutes: itemMinutes, theme: theme, presenter: presenter, changeID: changeID)
    }
}

/// Where the chair's board publishes the minutes once the meeting has ended (`P`).
struct MinutesPublishing: ParsableArguments {
    @Option(help: ArgumentHelp("Where P writes the minutes' Markdown once the meeting has ended; the current folder by default.",
                               valueName: "folder"))
    var minutesDir = "."
    @Option(help: ArgumentHelp("A webhook P may post the minutes to, when you say yes; else $CAB_MINUTES_WEBHOOK, else none.", valueName: "url"))
    var minutesWebhook: String?

    /// The minutes as `cab minutes --markdown` prints them, to a file and, when asked, to the webhook.
    var publisher: MinutesPublisher {
        let webhook = minutesWebhook ?? ProcessInfo.processInfo.environment["CAB_MINUTES_WEBHOOK"].flatMap { $0.isEmpty ? nil : $0 }
        return MinutesPublisher(directory: minutesDir, webhook: webhook, markdown: MinutesText.markdown) { markdown, webhook throws(CabinetError) in
            try Webhook.post(Webhook.slackPayload(markdown), to: webhook)
        }
    }
}

struct Board: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "board",
        abstract: "Open the board on today's meeting (what `cab` alone does).")

    @OptionGroup var store: StoreOptions
    @OptionGroup var flags: BoardFlags
    @OptionGroup var publishing: MinutesPublishing

    func run() throws {
        try guardedExit { () throws(CabinetError) in
            let address = try StoreLocation.address(option: store.db)
            if case .file(let path) = address, !FileManager.default.fileExists(atPath: path) { try offerToCreate(path) }
            return BoardRuntime.run(store: try address.open(.writing), options: try flags.options(login: store.login),
                                    publisher: publishing.publisher)
        }
    }


    /// The board on a file that is not there asks before setting up an empty store: a typo in
    /// `--db` must not quietly become a new, empty database.
    private func offerToCreate(_ path: String) throws(CabinetError) {
        guard isatty(STDIN_FILENO) == 1 else { throw .storeMissing(path: path) }
        FileHandle.standardOutput.write(Data("No Cabinet database at \(path).\nSet up an empty one there? [y/N] ".utf8))
        guard readLine()?.trimmingCharacters(in: .whitespaces).lowercased() == "y" else { throw .storeMissing(path: path) }
    }
}

struct Present: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "present",
        abstract: "Follow the meeting read-only: the current item's card and timer; with an id, that change's card.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var flags: BoardFlags
    @Argument(help: "A change to show (to rehearse before the meeting).", completion: .changeIDs) var id: String?

    func run() throws {
        try guardedExit { () throws(CabinetError) in
            let options = try flags.options(presenter: true, changeID: id, login: store.login)
            let store = try store.open(.reading)
            if let id, try store.change(id: id) == nil { throw .notFound(kind: "change", id: id) }
            return BoardRuntime.run(store: store, options: options)
        }
    }
}

/// Runs a command that may hand the terminal to the board, and exits with the board's status
/// (128 + signal when a signal ended it); errors are reported as by `guarded`.
func guardedExit(_ body: () throws(CabinetError) -> Int32) throws {
    var status: Int32 = 0
    try guarded { () throws(CabinetError) in status = try body() }
    if status != 0 { throw ExitCode(status) }
}
