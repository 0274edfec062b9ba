import Testing
@testable import CabinetModel
@testable import CabinetStore

@Suite struct RiskScoreTests {
    let graph = ServiceGraph(shop)
    /// One change in ten that touched Order Service caused an incident.
    let history = ["Order Service": ServiceHistory(changes: 10, changesWithIncident: 1)]

    @Test func theScoreAddsEachPartsLogOddsToTheBaseline() {
        let change = riskChange("C1", ["Order Service"]) { $0.filesChanged = 7; $0.hasMigration = true; $0.touches = [.iam] }
        let score = RiskContext(graph: graph, history: history, policy: RiskPolicy()).assess(change).risk
        // log2(1+7) = 3 files, log2(1+3) = 2 for Order Service and its two consumers, rate 0.1, migration 1, one flag:
        // -4.6 + 0.25·3 + 0.35·2 + 8·0.1 + 0.7·1 + 0.8·1 = -0.85, and σ(-0.85) = 1 / (1 + e^0.85) = 0.29943.
        #expect(score.parts.map(\.source) == ["7 files", "3 services", "10.0%", "yes", "iam"])
        #expect(score.parts.map(\.value) == [3, 2, 0.1, 1, 1])
        #expect(zip(score.parts.map(\.contribution), [0.75, 0.7, 0.8, 0.7, 0.8]).allSatisfy { abs($0 - $1) < 1e-12 })
        #expect(abs(score.logOdds - -0.85) < 1e-12)
        #expect(abs(score.probability - 0.29943) < 0.00001)
        #expect(score.isOverThreshold)
    }

    @Test func aSmallChangeWithoutHistoryScoresNearTheBaseline() {
        let score = RiskContext(graph: graph, history: history, policy: RiskPolicy()).assess(riskChange("C2", ["Email"])).risk
        // -4.6 + 0.35·log2(2) = -4.25, and σ(-4.25) = 1 / (1 + 70.105) = 0.014063.
        #expect(score.parts.map(\.source) == ["not stated", "1 service", "no history", "no", "none"])
        #expect(abs(score.probability - 0.014063) < 0.000001)
        #expect(!score.isOverThreshold)
    }

    @Test func configFlagsAndAHighScoreAddReviewGates() {
        let context = RiskContext(graph: graph, history: history, policy: RiskPolicy(threshold: 0.2))
        let flagged = context.assess(riskChange("C1", ["Order Service"]) { $0.filesChanged = 7; $0.hasMigration = true; $0.touches = [.iam] })
        #expect(flagged.gates == ["mandatory review: touches iam", "risk review: score 29.9% over the 20.0% threshold"])
        #expect(context.assess(riskChange("C2", ["Email"])).gates.isEmpty)
    }
}

@Suite struct ConfigAndScoreRoutingTests {
    let teams = ["Order Service": "orders"]

    func route(_ type: ChangeType, risk: Risk = .low, touches: [ConfigArea] = [], over: Bool = false) -> Route {
        Routing.route(type: type, category: .singleService, risk: risk, team: "orders", services: ["Order Service"],
                      serviceTeams: teams, touches: touches, riskOverThreshold: over)
    }

    @Test func resourceLimitsNetworkingOrIAMGoToTheBoardWhateverTheStatedRisk() {
        #expect(route(.normal) == .peer)
        #expect(route(.normal, touches: [.resourceLimits]) == .cab)
        #expect(route(.standard, touches: [.networking]) == .cab)
        #expect(route(.preApproved, touches: [.iam]) == .cab)
        #expect(route(.emergency, touches: [.iam]) == .emergency)
    }

    @Test func aScoreOverTheThresholdGoesToTheBoard() {
        #expect(route(.normal, over: true) == .cab)
        #expect(route(.standard, over: true) == .cab)
        #expect(route(.emergency, over: true) == .emergency)
    }

    @Test func theReasonsNameTheFlagsAndTheScore() {
        let change = riskChange("C1", ["Order Service"]) { $0.touches = [.iam, .networking] }
        let score = RiskScore(probability: 0.4, intercept: 0, parts: [], threshold: 0.25)
        #expect(Routing.reasons(for: change, serviceTeams: teams, riskScore: score)
            == ["mandatory review (touches iam, networking)", "risk score 40.0% over 25.0%"])
    }
}
