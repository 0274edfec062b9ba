/// Risk-based routing: standard and pre-approved changes ship through the pipeline, emergencies
/// ship first and are reviewed after, and a normal change goes to peer review unless it is high
/// risk, shared infrastructure, a database schema, or crosses teams, which needs the board.
public enum Routing {
    /// - Parameter serviceTeams: owner team per service name, to tell whether a change crosses teams.
    public static func route(
        type: ChangeType, category: ChangeCategory, risk: Risk, team: String, services: [String],
        serviceTeams: [String: String]
    ) -> Route {
        switch type {
        case .standard, .preApproved: return .pipeline
        case .emergency: return .emergency
        case .normal:
            if risk == .high || category == .infrastructure || category == .databaseSchema { return .cab }
            let crossesTeams = services.contains { service in serviceTeams[service].map { $0 != team } ?? false }
            return crossesTeams ? .cab : .peer
        }
    }

    /// Why a normal change reached the board, for the card; empty for other routes.
    public static func reasons(
        for change: Change, serviceTeams: [String: String]
    ) -> [String] {
        guard change.type == .normal else { return [] }
        var reasons: [String] = []
        if change.risk == .high { reasons.append("high risk") }
        if change.category == .infrastructure { reasons.append("shared infrastructure") }
        if change.category == .databaseSchema { reasons.append("database schema") }
        let foreign = change.services.filter { serviceTeams[$0].map { $0 != change.team } ?? false }
        if !foreign.isEmpty { reasons.append("crosses teams (\(foreign.joined(separator: ", ")))") }
        return reasons
    }
}
