/// When a change reached production: its recorded `deployedAt`, else (marked estimated) the
/// start of its window once the change is in implement, review or closed.
public struct Deployment: Hashable, Sendable {
    public var at: Timestamp
    /// True when the window start stands in for a deployment time nobody recorded.
    public var isEstimated: Bool

    public init(at: Timestamp, isEstimated: Bool) { self.at = at; self.isEstimated = isEstimated }

    /// The states in which a change without a recorded deployment counts as deployed at its window start.
    public static let deployedStates: [ChangeState] = [.implement, .review, .closed]

    /// The same rule in SQL, over a row of `changes`: what `Change.deployment` computes, in milliseconds.
    /// The v11 migration indexes this expression literally; keep both the same.
    public static let sqlExpression = "COALESCE(deployed_at, CASE WHEN state IN ('implement', 'review', 'closed') THEN window_start END)"
}

extension Change {
    /// When the change was deployed, recorded or estimated; `nil` when it shows no deployment.
    public var deployment: Deployment? {
        if let deployedAt { return Deployment(at: deployedAt, isEstimated: false) }
        guard let windowStart, Deployment.deployedStates.contains(state) else { return nil }
        return Deployment(at: windowStart, isEstimated: true)
    }
}
