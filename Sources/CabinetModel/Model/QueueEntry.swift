/// One item of the agenda: the change, its readiness and suggested strategy, and its latest decision.
public struct QueueEntry: Hashable, Sendable {
    public var change: Change
    public var readiness: Readiness
    public var latestDecision: Decision?
    /// Blast radius, risk score, conflicts, freezes and review gates; filled by the store's queue.
    public var assessment: ChangeAssessment?
    /// The post-implementation review of an emergency change, once recorded.
    public var pir: PostImplementationReview?

    public init(change: Change, now: Timestamp, latestDecision: Decision?, assessment: ChangeAssessment? = nil, pir: PostImplementationReview? = nil) {
        self.change = change
        self.pir = pir
        self.readiness = Readiness(change: change, now: now)
        self.latestDecision = latestDecision
        self.assessment = assessment
    }

    /// An emergency change is on the agenda for its post-implementation review; any other for a decision.
    public var kind: AgendaItemKind { change.route == .emergency ? .pir : .review }

    public var strategy: String { DeploymentStrategy.suggested(category: change.category, risk: change.risk) }
}
