import CabinetModel
/// The SQL behind `Figures`, in SQL that SQLite and PostgreSQL both run. A period's whole ISO
/// weeks are read from `route_weeks` (kept by triggers, v14); its edges outside them (at most
/// two partial weeks) from one index range of the rows each. What cannot be summed across weeks
/// comes from rows of the whole period: the latencies (exact percentiles) and the incident links
/// of approved changes (distinct incidents, kept by approval time). Each statement binds two `?`: `since` and `until` in milliseconds,
/// or the summary's first and end week.
public enum FigureQueries {
    static let reviewedWeek = ISOWeek.sqlIndex(of: "first_decision_at")
    static let approvedWeek = ISOWeek.sqlIndex(of: "approved_at")
    static let submittedWeek = ISOWeek.sqlIndex(of: "submitted_at")

    /// What a statement's rows are, so that the store reads each kind its own way.
    public enum Kind: Sendable {
        case summary, firstDecisions, submissions, latencies, approvedIncidentLinks, deployments, deploymentIncidentLinks, emergencyReviews
    }

    /// One statement of a period's figures with its two bounds.
    public struct Statement: Sendable {
        public let kind: Kind
        public let sql: String
        public let bounds: Range<Int64>

        public var arguments: [SQLValue] { [.integer(bounds.lowerBound), .integer(bounds.upperBound)] }
    }

    /// route, week, and the counts of `RouteWeekTriggers.counts` — the whole weeks `[first, end)`.
    public static let summary = """
        SELECT route, week, \(RouteWeekTriggers.counts.joined(separator: ", "))
        FROM route_weeks WHERE week >= ? AND week < ?
        """

    /// route, week, outcome, count — changes whose first decision falls in the range.
    public static let firstDecisions = """
        SELECT route, \(reviewedWeek) AS week, first_outcome, COUNT(*)
        FROM changes WHERE first_decision_at >= ? AND first_decision_at < ?
        GROUP BY route, week, first_outcome
        """

    /// route, week, submitted.
    public static let submissions = """
        SELECT route, \(submittedWeek) AS week, COUNT(*)
        FROM changes WHERE submitted_at >= ? AND submitted_at < ?
        GROUP BY route, week
        """

    /// route, week, latency in milliseconds — one row per approved change, from the approval index alone.
    public static let latencies = """
        SELECT route, \(approvedWeek) AS week, approved_at - submitted_at
        FROM changes WHERE approved_at >= ? AND approved_at < ?
        """

    /// route, approval time, change, incident — the incident links of changes approved in the
    /// period, one index range of the links the triggers keep by approval time (v14).
    public static let approvedIncidentLinks = """
        SELECT route, approved_at, change_id, incident_id
        FROM approved_incident_links WHERE approved_at >= ? AND approved_at < ?
        """

    /// The statements that read `period`'s figures, in the order the store runs them; without
    /// `deployments`, those of DORA and the emergencies' reviews are left out.
    public static func statements(for period: Period, deployments: Bool = true) -> [Statement] {
        let split = WeekSplit(period)
        let whole = split.wholeWeeks.map { [Statement(kind: .summary, sql: summary, bounds: $0)] } ?? []
        let edges = split.edges.flatMap { edge in
            [Statement(kind: .firstDecisions, sql: firstDecisions, bounds: edge), Statement(kind: .submissions, sql: submissions, bounds: edge)]
        }
        let bounds = period.since.milliseconds..<period.until.milliseconds
        let reviews = [
            Statement(kind: .latencies, sql: latencies, bounds: bounds),
            Statement(kind: .approvedIncidentLinks, sql: approvedIncidentLinks, bounds: bounds),
        ]
        let deployed = [
            Statement(kind: .deployments, sql: Self.deployments, bounds: bounds),
            Statement(kind: .deploymentIncidentLinks, sql: deploymentIncidentLinks, bounds: bounds),
            Statement(kind: .emergencyReviews, sql: emergencyReviews, bounds: bounds),
        ]
        return whole + edges + reviews + (deployments ? deployed : [])
    }

    /// The statements with their bounds written in, as a script for the `sqlite3` or `psql` command line.
    public static func script(for period: Period) -> String {
        statements(for: period).map { statement in
            let bounds = [String(statement.bounds.lowerBound), String(statement.bounds.upperBound), ""]
            return zip(statement.sql.split(separator: "?", omittingEmptySubsequences: false), bounds).map { $0 + $1 }.joined() + ";"
        }.joined(separator: "\n")
    }
}

/// A period cut at ISO week boundaries: the whole weeks inside it, and the edges before and
/// after them (the whole period when no week fits inside).
public struct WeekSplit: Hashable, Sendable {
    /// The indexes of the whole weeks inside the period, if any.
    public let wholeWeeks: Range<Int64>?
    /// The parts of the period outside the whole weeks, in milliseconds: none, one or two.
    public let edges: [Range<Int64>]
}

extension WeekSplit {
    public init(_ period: Period) {
        let since = period.since.milliseconds, until = period.until.milliseconds
        // The first week starting at or after `since`, and the first one not ending by `until`.
        let first = ISOWeek(containing: Timestamp(milliseconds: since - 1)).index + 1
        let end = ISOWeek(containing: period.until).index
        guard first < end else {
            wholeWeeks = nil
            edges = [since..<until]
            return
        }
        wholeWeeks = first..<end
        edges = [since..<ISOWeek(index: first).start.milliseconds, ISOWeek(index: end).start.milliseconds..<until].filter { !$0.isEmpty }
    }
}

extension ISOWeek {
    /// The SQL expression that computes `index` from a column of milliseconds (valid after 1970-01-05).
    static func sqlIndex(of column: String) -> String { "((\(column) - \(epochMonday)) / \(length))" }
}
