/// Risk-based routing: standard and pre-approved changes ship through the pipeline, emergencies
/// ship first and are reviewed after, and a normal change goes to peer review unless it is high
/// risk, shared infrastructure, a database schema, or crosses teams, which needs the board.
/// Whatever the type (emergencies aside), a change touching resource limits, networking or IAM,
/// or whose risk score is over the threshold, needs the board too.
public enum Routing {
    /// - Parameters:
    ///   - serviceTeams: owner team per service name, to tell whether a change crosses teams.
    ///   - touches: config areas needing mandatory review.
    ///   - riskOverThreshold: whether the change's risk score is over the configured threshold.
    public static func route(
        type: ChangeType, category: ChangeCategory, risk: Risk, team: String, services: [String],
        serviceTeams: [String: String], touches: [ConfigArea] = [], riskOverThreshold: Bool = false
    ) -> Route {
        switch type {
        case .emergency: return .emergency
        case _ where !touches.isEmpty || riskOverThreshold: return .cab
        case .standard, .preApproved: return .pipeline
        case .normal:
            if risk == .high || category == .infrastructure || category == .databaseSchema { return .cab }
            let crossesTeams = services.contains { service in serviceTeams[service].map { $0 != team } ?? false }
            return crossesTeams ? .cab : .peer
        }
    }

    /// Why a change reached the board, for the card; empty for changes that did not need it.
    public static func reasons(
        for change: Change, serviceTeams: [String: String], riskScore: RiskScore? = nil
    ) -> [String] {
        guard change.type != .emergency else { return [] }
        var reasons: [String] = []
        if change.type == .normal {
            if change.risk == .high { reasons.append("high risk") }
            if change.category == .infrastructure { reasons.append("shared infrastructure") }
            if change.category == .databaseSchema { reasons.append("database schema") }
            let foreign = change.services.filter { serviceTeams[$0].map { $0 != change.team } ?? false }
            if !foreign.isEmpty { reasons.append("crosses teams (\(foreign.joined(separator: ", ")))") }
        }
        if !change.touches.isEmpty { reasons.append("mandatory review (touches \(change.touches.map(\.rawValue).joined(separator: ", ")))") }
        if let riskScore, riskScore.isOverThreshold {
            reasons.append("risk score \(FigureText.percent(riskScore.probability)) over \(FigureText.percent(riskScore.threshold))")
        }
        return reasons
    }
}
