import CabinetModel
import Foundation
import SwiftCSV
/// Reads a ServiceNow list view exported as CSV: a header of column labels (the English default
/// list views' of change_request, incident and task_ci, or any label mapped with `--columns`; a
/// field name also serves as its own label), then one record per row of display values, quoted
/// fields spanning lines.
enum ServiceNowCSVReader {
    /// The English column labels of the default change_request and incident list views and forms.
    static let englishLabels: [String: String] = [
        "Number": "number", "Short description": "short_description", "Type": "type", "State": "state", "Risk": "risk",
        "Impact": "impact", "Planned start date": "start_date", "Planned end date": "end_date", "Configuration item": "cmdb_ci",
        "Assignment group": "assignment_group", "Assigned to": "assigned_to", "Requested by": "requested_by",
        "Created": "sys_created_on", "Approval": "approval", "Approval set": "approval_set", "Backout plan": "backout_plan",
        "Test plan": "test_plan", "Risk and impact analysis": "risk_impact_analysis", "Justification": "justification",
        "Category": "category", "CAB required": "cab_required", "CAB date": "cab_date", "Class": "sys_class_name",
        "Opened": "opened_at", "Resolved": "resolved_at", "Priority": "priority", "Caused by Change": "caused_by",
        "Service": "business_service", "Sys ID": "sys_id",
        // The task_ci list view (Affected CIs): the change and one CI it touches.
        "Task": "task", "Configuration Item": "ci_item",
    ]

    static func rows(_ bytes: [UInt8], source: String, columns: [String: String]) throws(CabinetError) -> [ServiceNowRow] {
        var text = String(decoding: bytes, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let csv: EnumeratedCSV
        do { csv = try EnumeratedCSV(string: text, delimiter: .comma, loadColumns: false) } catch {
            throw .unreadableInput(source: source, problem: "not a ServiceNow JSON or CSV export: \(error)")
        }
        let labels = englishLabels.merging(columns) { _, mapped in mapped }
        let known = Set(labels.values)
        let fields = csv.header.map { label -> String? in
            let trimmed = label.trimmingCharacters(in: .whitespaces)
            return labels[trimmed] ?? (known.contains(trimmed) ? trimmed : nil)
        }
        guard fields.contains("number") || (fields.contains("task") && fields.contains("ci_item")) else {
            throw .unreadableInput(source: source, problem: "not a ServiceNow export: no Number column in the header, nor Task and Configuration Item "
                                   + "(map other labels with --columns LABEL=number)")
        }
        // A blank line (the file's last, say) is no record.
        return csv.rows.enumerated().filter { !$0.element.allSatisfy(\.isEmpty) }.map { index, cells in
            var row = ServiceNowRow(fields: [:], place: "row \(index + 1)")
            for (field, cell) in zip(fields, cells) {
                guard let field else { continue }
                row.fields[field] = ServiceNowValue(value: nil, display: cell)
            }
            return row
        }
    }
}
