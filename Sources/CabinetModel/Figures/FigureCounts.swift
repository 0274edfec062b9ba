/// The raw aggregates of one group of changes (a route, a week, or the whole period), as they
/// come out of the database; `ReviewFigures` turns them into the reported shares.
public struct FigureCounts: Hashable, Sendable {
    /// Changes whose first decision falls in the period, by that decision's outcome.
    public var firstOutcomes: [Outcome: Int] = [:]
    /// Changes whose approval time falls in the period.
    public var approved = 0
    /// Of `approved`, those linked to at least one incident.
    public var approvedWithIncident = 0
    /// Distinct incidents linked to the `approved` changes (not additive across groups).
    public var incidents = 0
    /// Submission-to-approval latency of each `approved` change.
    public var latencies: [Int64] = []
    /// Changes submitted in the period.
    public var submitted = 0

    public init() {}

    public var reviewed: Int { firstOutcomes.values.reduce(0, +) }
}
