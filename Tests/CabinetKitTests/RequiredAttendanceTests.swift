import Testing
@testable import CabinetModel

/// Who must be in the room, worked out by hand on a small graph:
///
///     ledger (payments) ← checkout (web) ← storefront (web)
///                       ← reports (data)
///     search (web)
///
/// A change to ledger by ana (payments) needs ana, and the owners of ledger's direct consumers:
/// checkout → web, reports → data. storefront only consumes checkout, so web is not needed
/// twice and nobody from storefront's team is needed beyond web. payments is ana's own team.
@Suite struct RequiredAttendanceTests {
    let services = [
        Service(name: "ledger", team: "payments"),
        Service(name: "checkout", team: "web", dependsOn: ["ledger"]),
        Service(name: "storefront", team: "web", dependsOn: ["checkout"]),
        Service(name: "reports", team: "data", dependsOn: ["ledger"]),
        Service(name: "search", team: "web"),
    ]

    func change(owner: String = "ana", team: String = "payments", services: [String]) -> Change {
        Change(id: "CHG-1", title: "t", owner: owner, team: team, type: .normal, category: .singleService, risk: .medium, route: .cab,
               services: services, blastRadius: "b", rollbackPlan: "r", verification: "v", windowStart: nil, windowEnd: nil,
               submittedAt: Timestamp(milliseconds: 0), state: .authorize)
    }

    @Test func theOwnerAndTheTeamsOfTheDirectConsumersAreRequired() {
        let attendance = RequiredAttendance(change: change(services: ["ledger"]), services: services, attendees: [])
        #expect(attendance.teams.map(\.name) == ["data", "web"])
        #expect(attendance.missing == ["owner ana", "team data", "team web"])
        #expect(!attendance.isComplete)
    }

    @Test func aTeamIsPresentWhenAPresentAttendeeSpeaksForIt() {
        let attendees = [
            Attendee(name: "ana", role: .owner, present: true),
            Attendee(name: "dana", role: .downstream, present: true, speaksFor: "web"),
            // Listed for data but marked absent: data is still missing.
            Attendee(name: "raj", role: .downstream, present: false, speaksFor: "data"),
            // Present, but speaks for no team: counts for none.
            Attendee(name: "data senior engineer?", role: .observer, present: true),
        ]
        let attendance = RequiredAttendance(change: change(services: ["ledger"]), services: services, attendees: attendees)
        #expect(attendance.ownerPresent)
        #expect(attendance.teams == [RequiredAttendance.Team(name: "data", presentFor: []), RequiredAttendance.Team(name: "web", presentFor: ["dana"])])
        #expect(attendance.missing == ["team data"])
    }

    @Test func aChangeWhoseServicesNobodyConsumesNeedsOnlyItsOwner() {
        // search has no consumers; checkout's consumer storefront is web, the owner's own team.
        let web = RequiredAttendance(change: change(owner: "ben", team: "web", services: ["search", "checkout"]), services: services,
                                     attendees: [Attendee(name: "ben", role: .owner, present: true)])
        #expect(web.teams.isEmpty && web.isComplete)
    }
}
