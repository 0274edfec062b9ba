import ArgumentParser
import CabinetBoard
import CabinetModel
import CabinetStore
import TerminalKit

struct Panel: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "panel",
        abstract: "Open the board on the effectiveness panel: pass-through, incidents, approval latency, routes and the verdict.",
        discussion: "Without --since/--until the panel shows the last 30 days, and 1, 2, 3 switch to 7, 30, 90 days. The panel is read-only: Esc or q quits (`cab` opens the board).")

    @OptionGroup var store: StoreOptions
    @OptionGroup var flags: BoardFlags

    @OptionGroup var period: PeriodOptions

    func run() throws {
        try guardedExit { () throws(CabinetError) in
            var options = try flags.options(login: store.login)
            options.startScreen = .panel
            // Without --since/--until the panel keeps its own choice of the last days.
            options.panelPeriod = period.isGiven ? try period.period(now: Timestamp.now()) : nil
            return BoardRuntime.run(store: try store.open(.reading), options: options)
        }
    }
}
