import CabinetStore
import Foundation
import TerminalKit
/// The readable form of the mapping report `cab import --from SYSTEM` prints.
public enum MappingReportText {
    public static func render(_ report: MappingReport, summary: ImportSummary) -> String {
        var lines = [
            "Imported \(report.source): \(report.records) records → \(summary.changes) new changes, \(report.updated.count) updated, "
                + "\(summary.decisions) decisions, \(summary.incidents) incidents, \(summary.services) services (\(summary.unchanged) already stored)",
        ]
        if !report.filled.isEmpty {
            lines.append("")
            var table = TextTable(header: ["source field", "Cabinet field"])
            for (source, cabinet) in report.filled.sorted(by: { ($0.value, $0.key) < ($1.value, $1.key) }) { table.add([source, cabinet]) }
            lines += table.rendered.components(separatedBy: "\n")
        }
        lines += section("Updated from the source:", (report.updated + report.updatedIncidents).map { "\($0.change): \($0.fields.joined(separator: ", "))" })
        lines += section("Edited in Cabinet, unchanged at the source (kept):", report.keptLocal.map { "\($0.change): \($0.fields.joined(separator: ", "))" })
        lines += section("Not ready:", report.notReady.map { "\($0.change): \($0.problems.joined(separator: "; "))" })
        lines += section("Skipped:", report.skipped.map { "\($0.record): \($0.reason)" })
        lines += section("Conflicts:", report.conflicts)
        // Each line drawn inert on its own: the report's line breaks are its layout, not the export's text.
        return lines.map(\.inert).joined(separator: "\n")
    }

    private static func section(_ title: String, _ items: [String]) -> [String] {
        items.isEmpty ? [] : ["", title] + items.map { "  " + $0 }
    }
}
