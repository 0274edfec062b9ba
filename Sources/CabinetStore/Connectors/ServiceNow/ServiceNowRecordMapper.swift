import CabinetModel
import Foundation
/// One ServiceNow record, whatever file it came from: its fields by name and where it stands in
/// the file, for the report and for errors.
struct ServiceNowRow: Sendable {
    var fields: [String: ServiceNowValue]
    /// e.g. `result[3]` or `line 5`.
    var place: String

    subscript(_ name: String) -> ServiceNowValue { fields[name] ?? ServiceNowValue(value: nil, display: nil) }

    /// How errors and the report name the record.
    var name: String { self["number"].shown.map { "\(place) (number \($0))" } ?? place }
}

/// Maps ServiceNow change_request and incident records onto Cabinet's changes and incidents.
struct ServiceNowRecordMapper {
    static let system = "servicenow"
    /// The file, as errors name it.
    let source: String
    /// The zone of display values; raw values are UTC.
    let zone: TimeZone

    /// A change, an incident, or an affected CI (a `task_ci` record: a CI a change touches beyond its `cmdb_ci`).
    enum Kind { case change, incident, affectedCI }

    /// What the record is: its `sys_class_name`, else a `task_ci` record's `task` and `ci_item`,
    /// else its number's prefix; `nil` for anything else.
    func kind(of row: ServiceNowRow) -> Kind? {
        switch row["sys_class_name"].value?.lowercased() ?? row["sys_class_name"].display?.lowercased() {
        case "change_request"?, "change request"?: return .change
        case "incident"?: return .incident
        case "task_ci"?: return .affectedCI
        case nil: break
        default: return nil
        }
        if row.fields["task"] != nil, row.fields["ci_item"] != nil, row.fields["number"] == nil { return .affectedCI }
        let number = row["number"].shown?.uppercased() ?? ""
        if number.hasPrefix("CHG") { return .change }
        if number.hasPrefix("INC") { return .incident }
        return nil
    }

    private static let utc = TimeZone(identifier: "UTC") ?? TimeZone.current

    static func id(_ number: String) -> String { "\(system):\(number)" }

    /// The change number and CI name of a `task_ci` record, or `nil` when it names neither
    /// (listed in the report). `changeNumbers` maps the sys_ids of the export's changes to their
    /// numbers, for a raw `task` reference.
    func affectedCI(_ row: ServiceNowRow, changeNumbers: [String: String], report: inout MappingReport) -> (change: String, ci: String)? {
        let task = row["task"]
        guard let number = task.display ?? task.value.flatMap({ changeNumbers[$0] ?? ($0.uppercased().hasPrefix("CHG") ? $0 : nil) }) else {
            report.skip(row.place, task.value.map { "task_ci: task names sys_id \($0), no change of this import" } ?? "task_ci: no task")
            return nil
        }
        guard let ci = row["ci_item"].display else {
            report.skip(row.place, "task_ci of \(number): ci_item has no display value (export with sysparm_display_value=all)")
            return nil
        }
        report.fill("task_ci.ci_item", "services")
        return (number, ci)
    }

    /// The change a change_request record states, or `nil` when it cannot be mapped (listed in the
    /// report); `affected` are the CIs the export's `task_ci` records add to its `cmdb_ci`.
    func change(_ row: ServiceNowRow, affected: [String] = [], report: inout MappingReport) throws(CabinetError) -> MappedChange? {
        guard let number = row["number"].shown else { report.skip(row.place, "no number"); return nil }
        let typeField = row["type"]
        guard let type = ServiceNowCodes.type(typeField) else {
            report.skip(row.name, typeField.shown.map { "unknown change type '\($0)'" } ?? "no type")
            return nil
        }
        report.fill("type", "type")
        guard let submittedAt = try time(row, "sys_created_on") else { report.skip(row.name, "no sys_created_on (when it was submitted)"); return nil }
        report.fill("sys_created_on", "submittedAt")
        let primary = [row["cmdb_ci"].shown].compactMap { $0 }
        if !primary.isEmpty { report.fill("cmdb_ci", "services") }
        let services = (primary + affected).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        let team = text(row, "assignment_group", "team", &report) ?? Self.system
        let owner = text(row, "assigned_to", "owner", &report) ?? text(row, "requested_by", "owner", &report) ?? team
        let risk = [ServiceNowCodes.risk(row["risk"]), ServiceNowCodes.impact(row["impact"])].compactMap { $0 }.max()
        if ServiceNowCodes.risk(row["risk"]) != nil { report.fill("risk", "risk") }
        if ServiceNowCodes.impact(row["impact"]) != nil { report.fill("impact", "risk") }
        let sourceCategory = row["category"].shown
        if sourceCategory != nil { report.fill("category", "category") }
        let blastRadius = text(row, "risk_impact_analysis", "blastRadius", &report) ?? text(row, "justification", "blastRadius", &report)
        let title = text(row, "short_description", "title", &report).flatMap { SourceText.line($0) } ?? number
        let change = Change(
            id: Self.id(number), title: title, owner: owner, team: team, type: type,
            category: CategoryDerivation.category(sourceCategory: sourceCategory, services: services),
            risk: risk ?? .medium, route: .peer, services: services,
            blastRadius: blastRadius ?? "", rollbackPlan: text(row, "backout_plan", "rollbackPlan", &report) ?? "",
            verification: text(row, "test_plan", "verification", &report) ?? "",
            windowStart: try time(row, "start_date").map { report.fill("start_date", "windowStart"); return $0 },
            windowEnd: try time(row, "end_date").map { report.fill("end_date", "windowEnd"); return $0 },
            submittedAt: submittedAt, state: .new)
        let state = ServiceNowCodes.state(row["state"])
        if state != nil { report.fill("state", "state") }
        var mapped = MappedChange(change: change, statedRoute: nil, statedState: state, approval: nil, record: row.name, file: source)
        if type == .normal, ServiceNowCodes.flag(row["cab_required"]) {
            mapped.statedRoute = .cab
            report.fill("cab_required", "route")
        }
        if type == .normal, let day = try day(row, "cab_date") {
            mapped.statedRoute = .cab
            mapped.meeting = day
            report.fill("cab_date", "route, meeting")
        }
        if let outcome = ServiceNowCodes.approval(row["approval"]) {
            guard let at = try time(row, "approval_set") else {
                report.skip(row.name, "approval '\(outcome.rawValue)' has no approval_set time: no decision recorded")
                return mapped
            }
            report.fill("approval", "decision outcome")
            report.fill("approval_set", "decision at")
            mapped.approval = (outcome, at)
        }
        return mapped
    }

    /// The incident an incident record states, or `nil` when it cannot be mapped (listed in the report).
    /// `changeNumbers` maps the sys_ids of the export's changes to their numbers, for raw `caused_by` references.
    func incident(_ row: ServiceNowRow, changeNumbers: [String: String], report: inout MappingReport) throws(CabinetError) -> Incident? {
        guard let number = row["number"].shown else { report.skip(row.place, "no number"); return nil }
        guard let openedAt = try time(row, "opened_at") else { report.skip(row.name, "no opened_at"); return nil }
        report.fill("opened_at", "incident openedAt")
        guard let severity = ServiceNowCodes.severity(row["priority"]) else {
            report.skip(row.name, row["priority"].shown.map { "unknown priority '\($0)'" } ?? "no priority")
            return nil
        }
        report.fill("priority", "incident severity")
        var causedBy: [String] = []
        let cause = row["caused_by"]
        if let change = cause.display ?? cause.value.flatMap({ changeNumbers[$0] }) ?? cause.value.flatMap({ $0.uppercased().hasPrefix("CHG") ? $0 : nil }) {
            causedBy = [Self.id(change)]
            report.fill("caused_by", "incident causedBy")
        } else if let sysID = cause.value {
            report.skip(row.name, "caused_by names sys_id \(sysID), no change of this import (export with sysparm_display_value=all)")
        }
        let resolvedAt = try time(row, "resolved_at")
        if resolvedAt != nil { report.fill("resolved_at", "incident resolvedAt") }
        let services = [row["cmdb_ci"].shown ?? row["business_service"].shown].compactMap { $0 }
        let names = [("id", Self.id(number))] + services.map { ("services", $0) }
        if let (field, problem) = FieldText.firstProblem(in: names.map { (name: $0.0, text: Optional($0.1), rule: FieldText.short) }) {
            throw .invalidRecord(source: source, record: row.name, field: field, problem: problem)
        }
        return Incident(id: Self.id(number), openedAt: openedAt, severity: severity, causedBy: causedBy, services: services, resolvedAt: resolvedAt)
    }

    /// A text field made plain, noted in the report when it fills `cabinetField`.
    private func text(_ row: ServiceNowRow, _ field: String, _ cabinetField: String, _ report: inout MappingReport) -> String? {
        guard let text = SourceText.plain(row[field].shown) else { return nil }
        report.fill(field, cabinetField)
        return text
    }

    /// A date field (`YYYY-MM-DD`), as the UTC day it names.
    private func day(_ row: ServiceNowRow, _ field: String) throws(CabinetError) -> String? {
        guard let text = row[field].value ?? row[field].display else { return nil }
        guard text.utf8.count == 10, (try? Timestamp(dayOrInstant: text))?.day == text else {
            throw .invalidRecord(source: source, record: row.name, field: field, problem: "'\(text)' is not a day YYYY-MM-DD")
        }
        return text
    }

    /// A time field: the raw value in UTC, else the display value in the exporting user's zone.
    private func time(_ row: ServiceNowRow, _ field: String) throws(CabinetError) -> Timestamp? {
        let value = row[field]
        let (text, readZone) = value.value.map { ($0, Self.utc) } ?? (value.display ?? "", zone)
        guard !text.isEmpty else { return nil }
        guard let time = SourceTime.parse(text, in: readZone) else {
            throw .invalidRecord(source: source, record: row.name, field: field, problem: "'\(text)' is not a time YYYY-MM-DD HH:MM:SS")
        }
        return time
    }
}
