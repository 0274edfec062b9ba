import CabinetModel
import CabinetStore
import TerminalKit
/// `cab report --markdown`: the report as a Markdown page, ready to paste into a wiki or chat;
/// every cell is escaped by `MarkdownText`.
public enum ReportMarkdown {
    public static func render(_ figures: Figures) -> String {
        let board = figures.board, latency = board.approvalLatency
        var lines = [
            "## CAB effectiveness, \(figures.period.since.day) to \(figures.period.until.day)",
            "",
            "**Verdict: \(MarkdownText.escaped(figures.verdict.headline))**",
            "",
            figures.verdict.reasons.map { "- " + MarkdownText.escaped($0) }.joined(separator: "\n"),
            "",
            MarkdownText.row(["figure", "value", "target"]),
            MarkdownText.row(["---", "---:", "---"]),
            MarkdownText.row(["changes submitted", "\(figures.submitted)", ""]),
            MarkdownText.row(["reached the board", FigureText.percent(figures.cabShare), "under 10%"]),
            MarkdownText.row(["board reviews", "\(board.reviewed)", ""]),
            MarkdownText.row(["pass-through", FigureText.percent(board.passThroughRate), "at most 95%"]),
            MarkdownText.row(["approved with conditions", FigureText.percent(board.modifiedRate), ""]),
            MarkdownText.row(["rejected", FigureText.percent(board.rejectedRate), ""]),
            MarkdownText.row(["deferred", FigureText.percent(board.deferredRate), ""]),
            MarkdownText.row(["incidents caused by approved changes",
                              "\(board.incidentCount) (\(FigureText.percent(board.incidentRate)), \(figures.incidentTrend.rawValue))", "trending to zero"]),
            MarkdownText.row(["approval latency, mean / median / p90",
                              "\(FigureText.hours(latency.meanHours)) / \(FigureText.hours(latency.medianHours)) / \(FigureText.hours(latency.p90Hours))",
                              "mean under 4 h"]),
            MarkdownText.row(["approved within 4 h", FigureText.percent(latency.under4hShare), ""]),
            "",
            MarkdownText.row(["route", "changes", "incidents per approved change", "median approval"]),
            MarkdownText.row(["---", "---:", "---:", "---:"]),
        ]
        for row in figures.byRoute {
            lines.append(MarkdownText.row([row.route.rawValue, "\(row.submitted)", FigureText.percent(row.figures.incidentRate),
                                           FigureText.hours(row.figures.approvalLatency.medianHours)]))
        }
        return lines.joined(separator: "\n")
    }
}
