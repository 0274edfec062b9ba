import CabinetModel
/// Every table of Cabinet's schema with the columns both engines hold, parents before the
/// tables that point to them: the order a copy between stores writes them in.
public struct StoreTables: Sendable {
    public var name: String
    public var columns: [String]
    /// The order that keeps rows as they were inserted where that order matters; `{insertion}`
    /// stands for the engine's insertion order.
    var order: String

    /// The ORDER BY clause of this table in `dialect`.
    public func order(in dialect: SQLDialect) -> String {
        order.replacingOccurrences(of: Self.insertion, with: dialect.insertionOrder)
    }

    private static let insertion = "{insertion}"

    /// The columns of a change as its owner submits it.
    public static let submittedChangeColumns = ChangeRows.columns.split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
    /// The columns the decision trigger keeps: a change's first decision and approval.
    public static let derivedChangeColumns = ["first_decision_at", "first_outcome", "approved_at"]

    /// Tables derived from the others and kept by triggers (v13's service history and the marks
    /// it counts from): readable by everyone, written by no one, neither exported nor copied.
    public static let derived = ["service_history", "changes_with_incident", "route_weeks", "approved_incident_links"]

    public static let all: [StoreTables] = [
        StoreTables(name: "meta", columns: ["key", "value"], order: "key"),
        StoreTables(name: "services", columns: ["name", "team"], order: "name"),
        StoreTables(name: "service_dependencies", columns: ["service", "depends_on", "position"], order: "service, position"),
        StoreTables(name: "changes", columns: submittedChangeColumns + ["recorded_by"] + derivedChangeColumns, order: "id"),
        StoreTables(name: "change_services", columns: ["change_id", "position", "service"], order: "change_id, position"),
        StoreTables(name: "decisions", columns: (DecisionRows.columns + ", " + DecisionRows.chainColumns).components(separatedBy: ", "), order: "seq"),
        StoreTables(name: "conditions_met", columns: ["decision_id", "met_by", "met_at", "note", "recorded_by"], order: "decision_id"),
        StoreTables(name: "incidents", columns: ["id", "opened_at", "severity", "resolved_at"], order: "id"),
        StoreTables(name: "incident_causes", columns: ["incident_id", "change_id", "position"], order: "incident_id, position"),
        StoreTables(name: "incident_services", columns: ["incident_id", "service", "position"], order: "incident_id, position"),
        StoreTables(name: "meetings", columns: ["date", "chair", "item_minutes", "started_at", "agenda_frozen_at", "ended_at"], order: "date"),
        StoreTables(name: "meeting_attendees", columns: ["meeting_date", "name", "role", "present", "speaks_for"], order: "{insertion}"),
        StoreTables(name: "agenda_items", columns: ["meeting_date", "change_id", "position", "started_at", "paused_at", "paused_total_ms", "ended_at",
                                                      "added_reason", "added_by", "notes"],
                    order: "meeting_date, position"),
        StoreTables(name: "freezes", columns: ["number", "starts_at", "ends_at", "reason", "added_by", "added_at", "recorded_by"], order: "number"),
        StoreTables(name: "risk_calibrations", columns: ["id", "calibrated_at", "data_since", "data_until", "changes", "incidents", "brier", "default_brier"],
                    order: "calibrated_at, id"),
        StoreTables(name: "risk_weights", columns: ["calibration_id", "feature", "weight", "mean", "sd"], order: "calibration_id, feature"),
        StoreTables(name: "verifications", columns: ["id", "change_id", "at", "by", "smoke", "error_rate", "baseline_error_rate", "p99_delta",
                                                     "held_minutes", "required_minutes", "stable", "recorded_by"], order: "at, id"),
        StoreTables(name: "announcements", columns: ["id", "change_id", "at", "by", "webhook", "text", "recorded_by"], order: "at, id"),
        StoreTables(name: "action_items", columns: ActionItemRows.columns.components(separatedBy: ", ") + ["recorded_by"], order: "id"),
        StoreTables(name: "reviews", columns: ReviewRows.columns.components(separatedBy: ", ") + ["recorded_by"], order: "incident_id"),
        StoreTables(name: "pirs", columns: PIRRows.columns.components(separatedBy: ", ") + ["recorded_by"], order: "change_id"),
        StoreTables(name: "source_links", columns: SourceLinkRows.columns.components(separatedBy: ", "), order: "change_id"),
    ]
}
