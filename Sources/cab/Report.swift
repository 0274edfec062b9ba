import ArgumentParser
import CabinetKit

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Report whether the board adds value: pass-through, incidents, approval latency.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    @Option(name: .long, help: ArgumentHelp("Start of the period, inclusive (day or ISO time); 30 days ago by default.", valueName: "time"))
    var since: String?

    @Option(name: .long, help: ArgumentHelp("End of the period, exclusive; now by default.", valueName: "time"))
    var until: String?

    @Flag(name: .long, help: "Print Markdown, ready to paste into a wiki or chat.")
    var markdown = false

    @Flag(name: .long, help: "Print the board's weekly series as CSV.")
    var csv = false

    @Flag(name: .long, help: "Print the SQL aggregates for the period instead (for the sqlite3 command line).")
    var sql = false

    func run() throws {
        try guarded { () throws(CabinetError) in
            let now = Timestamp.now()
            let end = try until.map { text throws(CabinetError) in try instant(text, option: "--until") } ?? now
            let start = try since.map { text throws(CabinetError) in try instant(text, option: "--since") } ?? end.adding(days: -30)
            let period = try Period(since: start, until: end)
            if sql { return print(FigureQueries.script(for: period)) }
            let figures = try store.open().figures(for: period)
            print(output.json ? try JSONOutput.encode(figures)
                : markdown ? ReportMarkdown.render(figures) : csv ? ReportCSV.render(figures) : ReportText.render(figures))
        }
    }
}
