import ArgumentParser
import CabinetBoard
import CabinetKit

/// Options of every command that opens the board.
struct BoardFlags: ParsableArguments {
    @Option(help: "Who chairs (records decisions); $CAB_USER or your login name by default.") var by: String?
    @Option(help: "The on-call engineer, invited to the meeting.") var onCall: String?
    @Option(help: "Minutes per item when this board opens the meeting.") var itemMinutes = 3
    @Option(help: ArgumentHelp("A theme name (default, light, high-contrast, mono) or a theme file.", valueName: "name|path"))
    var theme: String?

    func options(presenter: Bool = false, changeID: String? = nil, login: String?) throws(CabinetError) -> BoardOptions {
        guard (1...30).contains(itemMinutes) else { throw .invalidArgument(name: "--item-minutes", problem: "between 1 and 30") }
        return BoardOptions(chair: try actor(by, login: login), onCall: onCall, itemMinutes: itemMinutes, theme: theme, presenter: presenter, changeID: changeID)
    }
}

struct Board: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Open the board on today's meeting (what `cab` alone does).")

    @OptionGroup var store: StoreOptions
    @OptionGroup var flags: BoardFlags

    func run() throws {
        try guardedExit { () throws(CabinetError) in BoardRuntime.run(store: try store.open(), options: try flags.options(login: store.login)) }
    }
}

struct Present: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Follow the meeting read-only: the current item's card and timer; with an id, that change's card.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var flags: BoardFlags
    @Argument(help: "A change to show (to rehearse before the meeting).") var id: String?

    func run() throws {
        try guardedExit { () throws(CabinetError) in
            let options = try flags.options(presenter: true, changeID: id, login: store.login)
            let store = try store.open()
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
