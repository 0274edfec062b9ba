/// One item of the agenda: the change, its readiness and suggested strategy, and its latest decision.
public struct QueueEntry: Hashable, Sendable {
    public var change: Change
    public var readiness: Readiness
    public var latestDecision: Decision?
    /// Blast radius, risk score, conflicts, freezes and review gates; filled by the store's queue.
    public var assessment: ChangeAssessment?

    public init(change: Change, now: Timestamp, latestDecision: Decision?, assessment: ChangeAssessment? = nil) {
        self.change = change
        self.readiness = Readiness(change: change, now: now)
        self.latestDecision = latestDecision
        self.assessment = assessment
    }

    public var strategy: String { DeploymentStrategy.suggested(category: change.category, risk: change.risk) }
}
