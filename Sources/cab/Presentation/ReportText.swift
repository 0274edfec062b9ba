import CabinetModel
import CabinetStore
import TerminalKit
/// The readable form of `cab report`: the board's figures with their targets, then by route
/// and by week.
public enum ReportText {
    public static func render(_ figures: Figures) -> String {
        let board = figures.board
        var lines = [
            "Cabinet report  \(figures.period.since.iso8601) → \(figures.period.until.iso8601)",
            "",
            verdictBlock(figures.verdict),
            "",
            "Board (route cab)",
            "  submitted (all routes)   \(figures.submitted)",
            "  CAB share                \(FigureText.percent(figures.cabShare))   goal under 10%",
            "  reviewed                 \(board.reviewed)",
            "  pass-through rate        \(FigureText.percent(board.passThroughRate))   over 95% means the board changes nothing",
            "  approved with conditions \(FigureText.percent(board.modifiedRate))",
            "  rejected                 \(FigureText.percent(board.rejectedRate))",
            "  deferred                 \(FigureText.percent(board.deferredRate))",
            "  approved                 \(board.approved)",
            "  incidents caused         \(board.incidentCount)   rate \(FigureText.percent(board.incidentRate))   trend \(figures.incidentTrend.rawValue)   goal: trending to zero",
            "  approval latency         mean \(FigureText.hours(board.approvalLatency.meanHours)), median \(FigureText.hours(board.approvalLatency.medianHours)), p90 \(FigureText.hours(board.approvalLatency.p90Hours))   goal: mean under 4 h",
            "  approved within 4 h      \(FigureText.percent(board.approvalLatency.under4hShare))",
            "  close and learn (now)    \(figures.followUps.line)",
            "",
            "By route",
        ]
        var routes = TextTable(header: ["route", "submitted", "share", "reviewed", "pass", "approved", "incidents", "inc. rate", "median", "p90", "≤4h"],
                               rightAligned: Set(1...10))
        for row in figures.byRoute {
            let f = row.figures
            routes.add([row.route.rawValue, "\(row.submitted)", FigureText.percent(row.share), "\(f.reviewed)", FigureText.percent(f.passThroughRate),
                        "\(f.approved)", "\(f.incidentCount)", FigureText.percent(f.incidentRate), FigureText.hours(f.approvalLatency.medianHours),
                        FigureText.hours(f.approvalLatency.p90Hours), FigureText.percent(f.approvalLatency.under4hShare)])
        }
        lines.append(routes.rendered)
        lines += ["", "Board by week"]
        var weeks = TextTable(header: ["week", "submitted", "CAB share", "reviewed", "pass", "approved", "incidents", "median"], rightAligned: Set(1...7))
        for week in figures.weekly {
            let f = week.figures
            weeks.add([week.week.label, "\(week.submitted)", FigureText.percent(week.cabShare), "\(f.reviewed)", FigureText.percent(f.passThroughRate),
                       "\(f.approved)", "\(f.incidentCount)", FigureText.hours(f.approvalLatency.medianHours)])
        }
        lines.append(weeks.rendered)
        lines += DORAText.lines(figures)
        return lines.joined(separator: "\n")
    }

    /// "Verdict: Bottleneck", then each axis's judgment and figures on its own line.
    static func verdictBlock(_ verdict: Verdict) -> String {
        (["Verdict: \(verdict.headline)"] + verdict.reasons.map { "  - " + $0 }).joined(separator: "\n")
    }
}
