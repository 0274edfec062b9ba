import ArgumentParser
import CabinetBoard
import CabinetModel
import CabinetStore
import TerminalKit
import Foundation

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Write a deterministic demo history into a demo database and open the board on it.",
        discussion: "The demo database is never your real one: by default it is demo.sqlite beside it, and an existing file is replaced only if an earlier demo wrote it.")

    @Option(name: .long, help: ArgumentHelp("The demo database file.", valueName: "path"))
    var db: String?

    @Option(name: .long, help: "How many changes the history holds.")
    var changes = 2000

    @Option(name: .long, help: "The seed: the same seed and clock give the same history.")
    var seed: UInt64 = 1

    @Flag(name: .long, help: "Only write the database; print one line.")
    var quiet = false

    @Flag(name: .customLong("print"), help: "Print today's queue and the report instead of opening the board (the default when not on a terminal).")
    var printOnly = false

    @OptionGroup var board: BoardFlags
    @OptionGroup var publishing: MinutesPublishing

    func run() throws {
        try guardedExit { () throws(CabinetError) in
            guard changes >= DemoHistory.minimumChanges else {
                throw .invalidArgument(name: "--changes", problem: "at least \(DemoHistory.minimumChanges) (the last meeting and today's queue)")
            }
            let path: String
            switch try db.map({ option throws(CabinetError) in try StoreLocation.address(option: option) }) {
            case .file(let file)?: path = file
            case .postgres?: throw .invalidArgument(name: "--db", problem: "the demo writes an SQLite file, not a shared database (copy it there with cab store copy)")
            case nil: path = StoreLocation.dataDirectory() + "/demo.sqlite"
            }
            guard path != StoreLocation.path(option: nil) else {
                throw .refused("\(path) is your real Cabinet database; the demo writes elsewhere (try --db /tmp/demo.sqlite)")
            }
            let now = Timestamp.now()
            let store = try SQLiteStore.writeDemo(DemoHistory(changeCount: changes, seed: seed, now: now), at: path)
            print("Demo database: \(path) (\(changes) changes, seed \(seed))".inert)
            guard !quiet else { return 0 }
            if !printOnly, isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 {
                return BoardRuntime.run(store: store, options: try board.options(login: nil), publisher: publishing.publisher)
            }
            print("")
            print(QueueText.render(try store.queue(on: now, now: now), day: now.day))
            print("")
            print(ReportText.render(try store.figures(for: Period(lastDays: 30, endingAt: now))))
            return 0
        }
    }
}
