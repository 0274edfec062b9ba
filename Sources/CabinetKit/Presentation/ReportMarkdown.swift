/// `cab report --markdown`: the report as a Markdown page, ready to paste into a wiki or chat.
public enum ReportMarkdown {
    public static func render(_ figures: Figures) -> String {
        let board = figures.board, latency = board.approvalLatency
        var lines = [
            "## CAB effectiveness, \(figures.period.since.day) to \(figures.period.until.day)",
            "",
            "**\(figures.verdict.line)**",
            "",
            "| figure | value | target |",
            "| --- | ---: | --- |",
            "| changes submitted | \(figures.submitted) | |",
            "| reached the board | \(FigureText.percent(figures.cabShare)) | under 10% |",
            "| board reviews | \(board.reviewed) | |",
            "| pass-through | \(FigureText.percent(board.passThroughRate)) | at most 95% |",
            "| approved with conditions | \(FigureText.percent(board.modifiedRate)) | |",
            "| rejected | \(FigureText.percent(board.rejectedRate)) | |",
            "| deferred | \(FigureText.percent(board.deferredRate)) | |",
            "| incidents caused by approved changes | \(board.incidentCount) (\(FigureText.percent(board.incidentRate)), \(figures.incidentTrend.rawValue)) | trending to zero |",
            "| approval latency, median / p90 | \(FigureText.hours(latency.medianHours)) / \(FigureText.hours(latency.p90Hours)) | under 4 h |",
            "| approved within 4 h | \(FigureText.percent(latency.under4hShare)) | |",
            "",
            "| route | changes | incidents per approved change | median approval |",
            "| --- | ---: | ---: | ---: |",
        ]
        for row in figures.byRoute {
            lines.append("| \(row.route.rawValue) | \(row.submitted) | \(FigureText.percent(row.figures.incidentRate)) | \(FigureText.hours(row.figures.approvalLatency.medianHours)) |")
        }
        return lines.joined(separator: "\n")
    }
}
