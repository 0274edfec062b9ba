import Testing
@testable import CabinetModel
@testable import CabinetStore

@Suite struct ConflictTests {
    let graph = ServiceGraph(shop)

    @Test func overlappingWindowsOnDependentServicesAreFlaggedOnBothWithTheOtherNamed() {
        let orders = riskChange("C1", ["Order Service"], from: "14:00", to: "15:00")
        let checkout = riskChange("C2", ["Checkout Web"], from: "14:30", to: "16:00")
        let mine = Conflict.find(for: orders, among: [orders, checkout], graph: graph)
        let theirs = Conflict.find(for: checkout, among: [orders, checkout], graph: graph)
        #expect(mine == [Conflict(other: "C2", otherTitle: "Change C2", overlapStart: time("2026-11-27T14:30:00Z"),
                                  overlapEnd: time("2026-11-27T15:00:00Z"), reason: "Checkout Web depends on Order Service")])
        #expect(theirs.map(\.other) == ["C1"])
        #expect(theirs.map(\.reason) == ["Checkout Web depends on Order Service"])
    }

    @Test func sharedServicesConflictToo() {
        let a = riskChange("C1", ["Email", "Order Service"]), b = riskChange("C2", ["Order Service"], from: "14:59", to: "16:00")
        #expect(Conflict.find(for: a, among: [b], graph: graph).map(\.reason) == ["both touch Order Service"])
    }

    @Test func independentServicesOrWindowsThatOnlyTouchDoNotConflict() {
        let orders = riskChange("C1", ["Order Service"], from: "14:00", to: "15:00")
        let email = riskChange("C2", ["Email"])
        let afterwards = riskChange("C3", ["Order Service"], from: "15:00", to: "16:00")
        #expect(Conflict.find(for: orders, among: [email, afterwards], graph: graph).isEmpty)
    }

    @Test func onlyDirectDependenciesCountSoPostgresAndCheckoutDoNot() {
        let database = riskChange("C1", ["Postgres"]), checkout = riskChange("C2", ["Checkout Web"])
        #expect(Conflict.find(for: database, among: [checkout], graph: graph).isEmpty)
    }

    @Test func changesThatWillNotDeployAreIgnored() {
        let orders = riskChange("C1", ["Order Service"])
        let canceled = riskChange("C2", ["Order Service"]) { $0.state = .canceled }
        let closed = riskChange("C3", ["Order Service"]) { $0.state = .closed }
        #expect(Conflict.find(for: orders, among: [canceled, closed], graph: graph).isEmpty)
    }

    @Test func aWindowInAFreezeIsFlaggedWithTheFreeze() {
        let freeze = Freeze(id: "FRZ-1", from: time("2026-11-27T14:45:00Z"), to: time("2026-11-28T00:00:00Z"), reason: "payments freeze", addedBy: "priya")
        let context = RiskContext(graph: graph, history: [:], policy: RiskPolicy(), freezes: [freeze])
        let inside = context.assess(riskChange("C1", ["Order Service"], from: "14:00", to: "15:00"))
        let before = context.assess(riskChange("C2", ["Order Service"], from: "13:00", to: "14:45"))
        #expect(inside.freezes == [freeze])
        #expect(inside.flags == ["window falls in freeze FRZ-1 (payments freeze, 2026-11-27 14:45Z → 2026-11-28 00:00Z)"])
        #expect(before.freezes.isEmpty)
    }
}
