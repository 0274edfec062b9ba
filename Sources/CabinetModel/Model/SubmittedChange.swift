/// A change as a document states it: its route and state may be left out, in which case the
/// route comes from the routing rules and the state from the change's decisions.
public struct SubmittedChange: Hashable, Sendable {
    public var change: Change
    public var statedRoute: Route?
    public var statedState: ChangeState?

    public init(change: Change, statedRoute: Route?, statedState: ChangeState?) {
        self.change = change; self.statedRoute = statedRoute; self.statedState = statedState
    }

    /// The change with its route resolved against the service catalogue and its risk score.
    public func resolved(serviceTeams: [String: String], riskOverThreshold: Bool = false) -> Change {
        var resolved = change
        resolved.route = statedRoute ?? Routing.route(
            type: change.type, category: change.category, risk: change.risk, team: change.team,
            services: change.services, serviceTeams: serviceTeams, touches: change.touches, riskOverThreshold: riskOverThreshold)
        resolved.state = statedState ?? Self.initialState(of: resolved.route)
        return resolved
    }

    /// Where a change starts when nothing says otherwise: gated routes wait for a decision.
    public static func initialState(of route: Route) -> ChangeState {
        switch route {
        case .pipeline: .scheduled
        case .emergency: .implement
        case .peer, .cab: .authorize
        }
    }
}
