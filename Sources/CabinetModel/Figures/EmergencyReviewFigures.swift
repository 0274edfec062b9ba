/// The emergency changes deployed in a period (recorded or estimated, see `Deployment`) and
/// their post-implementation reviews: how many the board reviewed, with which outcome, and how
/// many still await one.
public struct EmergencyReviewFigures: Hashable, Sendable, Encodable {
    public let deployed: Int
    /// Of `deployed`, those whose deployment time is the window start standing in.
    public let estimated: Int
    public let accepted: Int
    public let followUpRequired: Int

    public init(deployed: Int = 0, estimated: Int = 0, outcomes: [PIROutcome: Int] = [:]) {
        self.deployed = deployed
        self.estimated = estimated
        accepted = outcomes[.accepted] ?? 0
        followUpRequired = outcomes[.followUpRequired] ?? 0
    }

    /// Reviewed, whatever the outcome.
    public var reviewed: Int { accepted + followUpRequired }
    /// Deployed and not reviewed yet.
    public var awaiting: Int { deployed - reviewed }

    enum CodingKeys: String, CodingKey { case deployed, estimated, reviewed, accepted, followUpRequired, awaiting }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(deployed, forKey: .deployed)
        try container.encode(estimated, forKey: .estimated)
        try container.encode(reviewed, forKey: .reviewed)
        try container.encode(accepted, forKey: .accepted)
        try container.encode(followUpRequired, forKey: .followUpRequired)
        try container.encode(awaiting, forKey: .awaiting)
    }
}
