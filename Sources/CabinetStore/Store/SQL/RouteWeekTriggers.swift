import CabinetModel
/// The statements that keep `route_weeks` (v14) in step with the changes it counts, shared by
/// both engines' triggers (SQLite's trigger bodies, PostgreSQL's PL/pgSQL functions), and the
/// query that recomputes it from the rows (the migration's fill and the audit). Each change
/// counts in three weeks of its route: the week of its first decision (by that decision's
/// outcome), the week of its approval (and whether it caused an incident) and the week it was
/// submitted. Beside it, `approved_incident_links`: each incident link of an approved change
/// with the change's route and approval time, so that a period's distinct incidents are one index
/// range. Part of the frozen migrations: never edit them, add a new step.
public enum RouteWeekTriggers {
    /// The summary's counts, in the order of its columns after `route` and `week`.
    public static let counts = [
        "first_approved", "first_with_conditions", "first_rejected", "first_deferred", "approved_with_incident", "submitted",
    ]

    /// The first decision's outcomes the four `first_…` columns count, in their order.
    static let firstOutcomes: [Outcome] = [.approved, .approvedWithConditions, .rejected, .deferred]

    static func week(_ column: String) -> String { ISOWeek.sqlIndex(of: column) }

    /// Whether the change `id` caused an incident (v13's marks).
    static func causedIncident(_ id: String) -> String {
        "EXISTS (SELECT 1 FROM changes_with_incident m WHERE m.change_id = \(id))"
    }

    /// Adds `values` (one per column of `counts`) to the row of `route` and `week`, for each row
    /// `source` (`WHERE …` or `FROM … WHERE …`) selects.
    static func added(route: String, week: String, _ values: [String], _ source: String) -> String {
        """
        INSERT INTO route_weeks (route, week, \(counts.joined(separator: ", ")))
        SELECT \(route), \(week), \(values.joined(separator: ", ")) \(source)
        ON CONFLICT (route, week) DO UPDATE SET \(counts.map { "\($0) = route_weeks.\($0) + excluded.\($0)" }.joined(separator: ", "))
        """
    }

    /// What the change `row` (`NEW` or `OLD`) adds to the summary, times `sign` (`1` or `-1`).
    static func contributions(of row: String, sign: String) -> [String] {
        let firsts = firstOutcomes.map { "CASE WHEN \(row).first_outcome = '\($0.rawValue)' THEN \(sign) ELSE 0 END" }
        return [
            added(route: "\(row).route", week: week("\(row).first_decision_at"), firsts + ["0", "0"],
                  "WHERE \(row).first_decision_at IS NOT NULL"),
            added(route: "\(row).route", week: week("\(row).approved_at"),
                  ["0", "0", "0", "0", sign, "0"],
                  "WHERE \(row).approved_at IS NOT NULL AND \(causedIncident("\(row).id"))"),
            added(route: "\(row).route", week: week("\(row).submitted_at"), ["0", "0", "0", "0", "0", sign], "WHERE TRUE"),
        ]
    }

    /// The incident links of the change `id` as approved at `approvedAt` on `route`.
    static func linksApproved(change id: String, route: String, at approvedAt: String) -> String {
        """
        INSERT INTO approved_incident_links (change_id, incident_id, route, approved_at)
        SELECT ic.change_id, ic.incident_id, \(route), \(approvedAt) FROM incident_causes ic
        WHERE ic.change_id = \(id) AND \(approvedAt) IS NOT NULL
        """
    }

    /// A change is written: its weeks count it (and its links, when it comes approved with them).
    public static let changeInserted = contributions(of: "NEW", sign: "1") + [linksApproved(change: "NEW.id", route: "NEW.route", at: "NEW.approved_at")]

    /// A change is gone (a copy replacing a store's rows).
    public static let changeDeleted = contributions(of: "OLD", sign: "-1") + ["DELETE FROM approved_incident_links WHERE change_id = OLD.id"]

    /// A change's route, submission, first decision or approval moved (the decision trigger sets
    /// them): out of the weeks it counted in, into the new ones.
    public static let changeUpdated = changeDeleted + changeInserted

    /// The columns whose update moves a change between weeks.
    public static let countedColumns = ["route", "submitted_at", "first_decision_at", "first_outcome", "approved_at"]

    /// A change caused its first incident: one more with an incident in its approval's week.
    public static let changeMarked = [
        added(route: "c.route", week: week("c.approved_at"), ["0", "0", "0", "0", "1", "0"],
              "FROM changes c WHERE c.id = NEW.change_id AND c.approved_at IS NOT NULL"),
    ]

    /// A change no longer caused any incident.
    public static let changeUnmarked = [
        added(route: "c.route", week: week("c.approved_at"), ["0", "0", "0", "0", "-1", "0"],
              "FROM changes c WHERE c.id = OLD.change_id AND c.approved_at IS NOT NULL"),
    ]

    /// An incident names a cause: the link counts from the change's approval, if it has one.
    public static let causeInserted = [
        """
        INSERT INTO approved_incident_links (change_id, incident_id, route, approved_at)
        SELECT NEW.change_id, NEW.incident_id, c.route, c.approved_at FROM changes c
        WHERE c.id = NEW.change_id AND c.approved_at IS NOT NULL
        """,
    ]

    /// A cause is gone.
    public static let causeDeleted = [
        "DELETE FROM approved_incident_links WHERE change_id = OLD.change_id AND incident_id = OLD.incident_id",
    ]

    /// change, incident, route, approval — every incident link of an approved change, from the rows.
    public static let recomputedLinks = """
        SELECT ic.change_id, ic.incident_id, c.route, c.approved_at
        FROM incident_causes ic JOIN changes c ON c.id = ic.change_id WHERE c.approved_at IS NOT NULL
        """

    /// route, week and the counts of every week any change counts in, from the rows.
    public static let recomputed = """
        SELECT route, week, \(counts.map { "SUM(\($0))" }.joined(separator: ", ")) FROM (
            SELECT route, \(week("first_decision_at")) AS week,
                \(zip(firstOutcomes, counts).map { "CASE WHEN first_outcome = '\($0.rawValue)' THEN 1 ELSE 0 END AS \($1)" }.joined(separator: ", ")),
                0 AS approved_with_incident, 0 AS submitted
            FROM changes WHERE first_decision_at IS NOT NULL
            UNION ALL
            SELECT route, \(week("approved_at")), 0, 0, 0, 0, 1, 0
            FROM changes c WHERE approved_at IS NOT NULL AND \(causedIncident("c.id"))
            UNION ALL
            SELECT route, \(week("submitted_at")), 0, 0, 0, 0, 0, 1 FROM changes
        ) contributions GROUP BY route, week
        """

    /// Both summaries emptied, then worked out again from the rows: what a bulk copy runs around
    /// its writes, with the triggers off, instead of one upsert per row written (PostgreSQL keeps
    /// every version of a row updated within one transaction, so a million upserts of the same
    /// few rows grow slower and slower). Emptied first: the links point to the rows replaced.
    public static let emptied = ["DELETE FROM route_weeks", "DELETE FROM approved_incident_links"]
    public static let refilled = [
        "INSERT INTO route_weeks (route, week, \(counts.joined(separator: ", "))) \(recomputed)",
        "INSERT INTO approved_incident_links (change_id, incident_id, route, approved_at) \(recomputedLinks)",
    ]

    /// The tables whose rows the summary follows, with the statements of an insert, a delete and
    /// an update of `countedColumns` (nil: the table's rows are not updated).
    public static let followed: [(table: String, inserted: [String], deleted: [String], updated: [String]?)] = [
        ("changes", changeInserted, changeDeleted, changeUpdated),
        ("changes_with_incident", changeMarked, changeUnmarked, nil),
        ("incident_causes", causeInserted, causeDeleted, nil),
    ]
}
