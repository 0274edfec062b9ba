import CabinetModel
/// The SQL aggregates behind `Figures`, in SQL that SQLite and PostgreSQL both run. Each reads
/// one index range of the period; only the latencies come back row by row (for percentiles, and
/// their count per group is the number approved). Each statement binds two `?`: the period's
/// `since` and `until`, in milliseconds.
public enum FigureQueries {
    static let reviewedWeek = ISOWeek.sqlIndex(of: "first_decision_at")
    static let approvedWeek = ISOWeek.sqlIndex(of: "approved_at")
    static let submittedWeek = ISOWeek.sqlIndex(of: "submitted_at")

    /// route, week, outcome, count — changes whose first decision falls in the period.
    public static let firstDecisions = """
        SELECT route, \(reviewedWeek) AS week, first_outcome, COUNT(*)
        FROM changes WHERE first_decision_at >= ? AND first_decision_at < ?
        GROUP BY route, week, first_outcome
        """

    /// route, week, latency in milliseconds — one row per approved change.
    public static let latencies = """
        SELECT route, \(approvedWeek) AS week, approved_at - submitted_at
        FROM changes WHERE approved_at >= ? AND approved_at < ?
        """

    /// The incident links of changes approved in the period: (route, week, change, incident). Walking the
    /// few links and looking each change up beats probing the links of every approved change;
    /// the unary `+` keeps SQLite off the approval index, and MATERIALIZED keeps the CTE whole.
    static let approvedIncidentLinks = """
        WITH links AS MATERIALIZED (
            SELECT c.route AS route, \(approvedWeek) AS week, c.id AS change_id, ic.incident_id AS incident_id
            FROM incident_causes ic JOIN changes c ON c.id = ic.change_id
            WHERE +c.approved_at >= ? AND +c.approved_at < ?)
        """

    /// route, week, approved changes linked to at least one incident.
    public static let approvedWithIncident = """
        \(approvedIncidentLinks)
        SELECT route, week, COUNT(DISTINCT change_id) FROM links GROUP BY route, week
        """

    /// route, distinct incidents caused by the route's changes approved in the period.
    public static let incidentsByRoute = """
        \(approvedIncidentLinks)
        SELECT route, COUNT(DISTINCT incident_id) FROM links GROUP BY route
        """

    /// week, distinct incidents caused by board-approved changes approved that week.
    public static let boardIncidentsByWeek = """
        \(approvedIncidentLinks)
        SELECT week, COUNT(DISTINCT incident_id) FROM links WHERE route = 'cab' GROUP BY week
        """

    /// route, week, submitted.
    public static let submissions = """
        SELECT route, \(submittedWeek) AS week, COUNT(*)
        FROM changes WHERE submitted_at >= ? AND submitted_at < ?
        GROUP BY route, week
        """

    public static let all = [firstDecisions, latencies, approvedWithIncident, incidentsByRoute, boardIncidentsByWeek, submissions,
                             deployments, deploymentIncidents, emergencyReviews]

    /// The statements with the period written in, as a script for the `sqlite3` or `psql` command line.
    public static func script(for period: Period) -> String {
        let bounds = [String(period.since.milliseconds), String(period.until.milliseconds), ""]
        return all.map { statement in
            zip(statement.split(separator: "?", omittingEmptySubsequences: false), bounds).map { $0 + $1 }.joined() + ";"
        }.joined(separator: "\n")
    }
}

extension ISOWeek {
    /// The SQL expression that computes `index` from a column of milliseconds (valid after 1970-01-05).
    static func sqlIndex(of column: String) -> String { "((\(column) - \(epochMonday)) / \(length))" }
}
