import ArgumentParser
import CabinetModel
import CabinetStore
import TerminalKit

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "report", abstract: "Report whether the board adds value: pass-through, incidents, approval latency.")

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
            let store = try store.open(.reading)
            let figures = try store.figures(for: period)
            if csv { return print(ReportCSV.render(figures)) }
            let log = try store.decisionLog()
            print(output.json ? try JSONOutput.encode(ReportWithLog(figures: figures, decisionLog: log))
                : (markdown ? ReportMarkdown.render(figures) : ReportText.render(figures)) + "\n\n" + log.line)
        }
    }
}

/// The report's JSON: the figures, and the decision log's head that pins the record they were drawn from.
private struct ReportWithLog: Encodable {
    var figures: Figures
    var decisionLog: DecisionChain.Head

    private enum Keys: String, CodingKey { case decisionLog }

    func encode(to encoder: any Encoder) throws {
        try figures.encode(to: encoder)
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(decisionLog, forKey: .decisionLog)
    }
}
