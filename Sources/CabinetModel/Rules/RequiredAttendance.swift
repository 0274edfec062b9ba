/// Who must be in the room for one agenda item, from the dependency graph: the change's owner,
/// and the owning team of every direct consumer of the services it touches (other than the
/// owner's own team, which the owner speaks for). A team counts as present when one of the
/// present attendees speaks for it. An item missing any of them is flagged, never blocked.
public struct RequiredAttendance: Hashable, Sendable {
    /// A team that must be heard, and who of the present attendees speaks for it.
    public struct Team: Hashable, Sendable {
        public var name: String
        /// The present attendees who speak for the team; empty when it is absent.
        public var presentFor: [String]

        public var isPresent: Bool { !presentFor.isEmpty }
    }

    /// The change's owner, who presents it.
    public var owner: String
    /// True when the owner is marked present.
    public var ownerPresent: Bool
    /// The teams of the direct consumers of the touched services, by name.
    public var teams: [Team]

    public init(change: Change, services: [Service], attendees: [Attendee]) {
        self.init(change: change, graph: ServiceGraph(services), attendees: attendees)
    }

    /// The same, on a graph built once for many items (the minutes of a long meeting).
    public init(change: Change, graph: ServiceGraph, attendees: [Attendee]) {
        owner = change.owner
        let present = attendees.filter { $0.present == true }
        ownerPresent = present.contains { $0.name == change.owner }
        let direct = graph.impact(of: change.services).direct
        let required = Set(direct.compactMap { graph.service(named: $0)?.team }).subtracting([change.team])
        teams = required.sorted().map { team in
            Team(name: team, presentFor: present.filter { $0.speaksFor == team }.map(\.name))
        }
    }

    /// Who is missing, in the words of the card and the minutes: `owner alice`, `team payments`.
    public var missing: [String] {
        (ownerPresent ? [] : ["owner \(owner)"]) + teams.filter { !$0.isPresent }.map { "team \($0.name)" }
    }

    /// True when the owner and every required team are in the room.
    public var isComplete: Bool { missing.isEmpty }
}
