import ArgumentParser
import CabinetBoard
import CabinetKit

struct Panel: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Open the board on the effectiveness panel: pass-through, incidents, approval latency, routes and the verdict.",
        discussion: "Without --since/--until the panel shows the last 30 days, and 1, 2, 3 switch to 7, 30, 90 days. Esc goes to the agenda.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var flags: BoardFlags

    @Option(name: .long, help: ArgumentHelp("Start of the period, inclusive (day or ISO time); 30 days before --until by default.", valueName: "time"))
    var since: String?

    @Option(name: .long, help: ArgumentHelp("End of the period, exclusive; now by default.", valueName: "time"))
    var until: String?

    func run() throws {
        var status: Int32 = 0
        try guarded { () throws(CabinetError) in
            var options = try flags.options()
            options.startScreen = .panel
            options.panelPeriod = try period()
            status = BoardRuntime.run(store: try store.open(), options: options)
        }
        if status != 0 { throw ExitCode(status) }
    }

    /// The fixed period of `--since`/`--until`, or nil for the panel's own choice.
    private func period() throws(CabinetError) -> Period? {
        guard since != nil || until != nil else { return nil }
        let end = try until.map { text throws(CabinetError) in try instant(text, option: "--until") } ?? Timestamp.now()
        let start = try since.map { text throws(CabinetError) in try instant(text, option: "--since") } ?? end.adding(days: -30)
        return try Period(since: start, until: end)
    }
}
