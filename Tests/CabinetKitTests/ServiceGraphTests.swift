import Testing
@testable import CabinetModel
@testable import CabinetStore

@Suite struct ServiceGraphTests {
    let graph = ServiceGraph(shop)

    @Test func theBlastRadiusListsTouchedDirectAndTransitiveConsumersAndTheirTeams() {
        let radius = graph.impact(of: ["Postgres"])
        #expect(radius.touched == ["Postgres"])
        #expect(radius.direct == ["Order Service", "Payment Gateway"])
        #expect(radius.transitive == ["Checkout Web", "Shipping Tracker"])
        #expect(radius.teams == ["logistics", "orders", "payments", "platform", "web"])
        #expect(radius.affected.count == 5)
    }

    @Test func aLeafAffectsOnlyItself() {
        let radius = graph.impact(of: ["Checkout Web", "Email"])
        #expect(radius.affected == ["Checkout Web", "Email"])
        #expect(radius.teams == ["growth", "web"])
    }

    @Test func aServiceReachedTwiceIsCountedOnceAtItsNearestDistance() {
        // Checkout Web consumes both touched services directly; nothing is transitive.
        let radius = graph.impact(of: ["Order Service", "Payment Gateway", "Order Service"])
        #expect(radius.touched == ["Order Service", "Payment Gateway"])
        #expect(radius.direct == ["Checkout Web", "Shipping Tracker"])
        #expect(radius.transitive.isEmpty)
    }

    @Test func anUnknownServiceIsNamedNotGuessed() {
        let radius = graph.impact(of: ["Ledger"])
        #expect(radius.unknown == ["Ledger"])
        #expect(radius.direct.isEmpty && radius.teams.isEmpty)
    }

    @Test func theSentenceSaysWhatIsAffectedAndWhenTheLastIncidentWas() {
        let radius = graph.impact(of: ["Order Service"])
        let incident = LastIncident(id: "INC-7", openedAt: time("2026-11-13T10:00:00Z"))
        #expect(radius.sentence(lastIncident: incident, now: time("2026-11-27T10:00:00Z"))
            == "This change affects: Order Service, Checkout Web, Shipping Tracker. Last incident involving these services: 14 days ago.")
        #expect(radius.sentence(lastIncident: nil, now: time("2026-11-27T10:00:00Z")).hasSuffix("No incident on record involving these services."))
        #expect(incident.age(at: time("2026-11-14T09:59:59Z")) == "today")
        #expect(incident.age(at: time("2026-11-14T10:00:00Z")) == "1 day ago")
    }

    @Test func aCycleIsFoundAndReadsAlongTheDependencies() {
        #expect(graph.cycle() == nil)
        let loop = ServiceGraph([
            Service(name: "A", team: "t", dependsOn: ["B"]), Service(name: "B", team: "t", dependsOn: ["C"]),
            Service(name: "C", team: "t", dependsOn: ["A"]), Service(name: "D", team: "t", dependsOn: ["A"]),
        ])
        #expect(loop.cycle() == ["A", "B", "C", "A"])
    }

    @Test func aDeepChainNeitherOverflowsNorLoses() {
        let chain = (0..<20_000).map { Service(name: "s\($0)", team: "t", dependsOn: $0 == 0 ? [] : ["s\($0 - 1)"]) }
        let graph = ServiceGraph(chain)
        #expect(graph.cycle() == nil)
        let radius = graph.impact(of: ["s0"])
        #expect(radius.direct == ["s1"])
        #expect(radius.transitive.count == 19_998)
    }
}
