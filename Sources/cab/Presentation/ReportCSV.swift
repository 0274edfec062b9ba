import CabinetModel
import CabinetStore
import TerminalKit
/// `cab report --csv`: the board's weekly series, one row per ISO week; an empty cell where a
/// figure has no denominator. Every cell goes through `CSVText`.
public enum ReportCSV {
    public static let header = "week,start,submitted,cabShare,reviewed,passThroughRate,modifiedRate,rejectedRate,deferredRate,approved,incidentCount,incidentRate,meanHours,medianHours,p90Hours,under4hShare"

    public static func render(_ figures: Figures) -> String {
        ([header] + figures.weekly.map { week in
            let f = week.figures, l = f.approvalLatency
            let cells: [String] = [
                week.week.label, week.week.start.iso8601, "\(week.submitted)", number(week.cabShare), "\(f.reviewed)",
                number(f.passThroughRate), number(f.modifiedRate), number(f.rejectedRate), number(f.deferredRate),
                "\(f.approved)", "\(f.incidentCount)", number(f.incidentRate),
                number(l.meanHours), number(l.medianHours), number(l.p90Hours), number(l.under4hShare),
            ]
            return CSVText.row(cells)
        }).joined(separator: "\n")
    }

    private static func number(_ value: Double?) -> String { value.map { "\($0)" } ?? "" }
}
