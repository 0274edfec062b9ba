import ArgumentParser
import CabinetKit

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Report whether the board adds value: pass-through, incidents, approval latency.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    @OptionGroup var range: PeriodOptions

    @Flag(name: .long, help: "Print Markdown, ready to paste into a wiki or chat.")
    var markdown = false

    @Flag(name: .long, help: "Print the board's weekly series as CSV.")
    var csv = false

    @Flag(name: .long, help: "Print the SQL aggregates for the period instead (for the sqlite3 command line).")
    var sql = false

    func run() throws {
        try guarded { () throws(CabinetError) in
            try oneFormat(["--json": output.json, "--markdown": markdown, "--csv": csv, "--sql": sql])
            let period = try range.period(now: Timestamp.now())
            if sql { return print(FigureQueries.script(for: period)) }
            let figures = try store.open(.reading).figures(for: period)
            print(output.json ? try JSONOutput.encode(figures)
                : markdown ? ReportMarkdown.render(figures) : csv ? ReportCSV.render(figures) : ReportText.render(figures))
        }
    }
}
