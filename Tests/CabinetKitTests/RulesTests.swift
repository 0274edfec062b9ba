import Testing
@testable import CabinetModel
@testable import CabinetStore

@Suite struct RoutingTests {
    let teams = ["Order Service": "orders", "Payment Gateway": "payments"]

    func route(_ type: ChangeType, _ category: ChangeCategory = .singleService, _ risk: Risk = .low, services: [String] = ["Order Service"]) -> Route {
        Routing.route(type: type, category: category, risk: risk, team: "orders", services: services, serviceTeams: teams)
    }

    @Test func standardAndPreApprovedShipThroughThePipelineWhateverTheirRisk() {
        #expect(route(.standard, .infrastructure, .high) == .pipeline)
        #expect(route(.preApproved, .databaseSchema, .medium) == .pipeline)
    }

    @Test func emergenciesShipFirst() {
        #expect(route(.emergency, .databaseSchema, .high) == .emergency)
    }

    @Test func aNormalChangeGoesToPeerReview() {
        #expect(route(.normal, .singleService, .low) == .peer)
        #expect(route(.normal, .multiService, .medium) == .peer)
        #expect(route(.normal, .thirdPartyIntegration, .medium) == .peer)
    }

    @Test func highRiskInfrastructureSchemaAndCrossTeamChangesGoToTheBoard() {
        #expect(route(.normal, .singleService, .high) == .cab)
        #expect(route(.normal, .infrastructure, .low) == .cab)
        #expect(route(.normal, .databaseSchema, .low) == .cab)
        #expect(route(.normal, .multiService, .low, services: ["Order Service", "Payment Gateway"]) == .cab)
    }

    @Test func theReasonsNameWhatSentAChangeToTheBoard() {
        let change = Change(id: "C", title: "t", owner: "o", team: "orders", type: .normal, category: .databaseSchema, risk: .high,
                            route: .cab, services: ["Order Service", "Payment Gateway"], blastRadius: "", rollbackPlan: "",
                            verification: "", windowStart: nil, windowEnd: nil, submittedAt: Timestamp(milliseconds: 0), state: .authorize)
        #expect(Routing.reasons(for: change, serviceTeams: teams) == ["high risk", "database schema", "crosses teams (Payment Gateway)"])
    }
}

@Suite struct DeploymentStrategyTests {
    /// The article's table, row by row (low / medium / high).
    static let table: [(ChangeCategory, [String])] = [
        (.singleService, ["standard deploy", "canary release", "blue-green with manual gate"]),
        (.multiService, ["coordinated rollout", "phased deployment", "maintenance window"]),
        (.databaseSchema, ["backward-compatible migration", "dual-write period", "scheduled downtime"]),
        (.infrastructure, ["IaC apply with plan review", "staged rollout by region", "full CAB"]),
        (.thirdPartyIntegration, ["feature-flagged activation", "shadow traffic testing", "parallel run with fallback"]),
    ]

    @Test func everyCellOfTheMatrixMatchesTheArticle() {
        for (category, strategies) in Self.table {
            for (risk, strategy) in zip(Risk.allCases, strategies) {
                #expect(DeploymentStrategy.suggested(category: category, risk: risk) == strategy, "\(category) \(risk)")
            }
        }
        #expect(Self.table.count * Risk.allCases.count == 15)
    }
}

@Suite struct ReadinessTests {
    let now = time("2026-11-27T09:00:00Z")

    func change(_ edit: (inout Change) -> Void = { _ in }) -> Change {
        var change = Change(
            id: "CHG-1", title: "Add index", owner: "raj", team: "orders", type: .normal, category: .singleService, risk: .high,
            route: .cab, services: ["Order Service"], blastRadius: "Order Service", rollbackPlan: "Redeploy", rollbackMinutes: 3,
            verification: "Error rate under 0.1%", windowStart: time("2026-11-27T14:00:00Z"), windowEnd: time("2026-11-27T15:00:00Z"),
            submittedAt: time("2026-11-26T10:00:00Z"), state: .authorize)
        edit(&change)
        return change
    }

    @Test func aChangeWithAllFourFieldsIsReady() {
        let readiness = Readiness(change: change(), now: now)
        #expect(readiness.isReady)
        #expect([readiness.blastRadius, readiness.rollbackPlan, readiness.verification, readiness.window] == [true, true, true, true])
    }

    @Test func eachMissingFieldIsNamed() {
        let readiness = Readiness(change: change { $0.blastRadius = " "; $0.verification = "" }, now: now)
        #expect(!readiness.isReady)
        #expect(!readiness.blastRadius && !readiness.verification && readiness.rollbackPlan && readiness.window)
        #expect(readiness.problems == ["blast radius is missing", "verification criteria are missing"])
    }

    @Test func aRollbackOfFiveMinutesIsFineButSixNeedsMorePreparation() {
        #expect(Readiness(change: change { $0.rollbackMinutes = 5 }, now: now).isReady)
        let slow = Readiness(change: change { $0.rollbackMinutes = 6 }, now: now)
        #expect(!slow.rollbackPlan)
        #expect(slow.problems == ["rollback takes 6 min (over 5): needs more preparation"])
        #expect(Readiness(change: change { $0.rollbackMinutes = nil }, now: now).problems == ["rollback time is not stated"])
    }

    @Test func theWindowMustBeSetOrderedAndAhead() {
        #expect(Readiness(change: change { $0.windowStart = nil; $0.windowEnd = nil }, now: now).problems == ["deployment window is not set"])
        #expect(Readiness(change: change { $0.windowEnd = $0.windowStart }, now: now).problems == ["deployment window ends before it starts"])
        let past = Readiness(change: change { $0.windowStart = time("2026-11-27T08:00:00Z") }, now: now)
        #expect(!past.window)
        #expect(past.problems == ["deployment window starts in the past (2026-11-27T08:00:00Z)"])
    }

    @Test func aSchemaChangeMustAnswerTheMigrationChecklist() {
        let unanswered = Readiness(change: change { $0.category = .databaseSchema }, now: now)
        #expect(unanswered.problems.count == 1)
        #expect(unanswered.problems[0].hasPrefix("migration checklist: 7 unanswered"))
        let answered = MigrationChecklist(
            exclusiveLockOnHighTrafficTable: false, completesWithinLockTimeout: true, testedOnProductionSizedData: true,
            backwardCompatible: true, testedRollbackMigration: true, usesOnlineSchemaChange: true, expandContractPhase: .expand)
        #expect(Readiness(change: change { $0.category = .databaseSchema; $0.migrationChecklist = answered }, now: now).isReady)
        var partly = answered
        partly.testedRollbackMigration = nil
        #expect(Readiness(change: change { $0.hasMigration = true; $0.migrationChecklist = partly }, now: now).problems
            == ["migration checklist: 1 unanswered (testedRollbackMigration)"])
    }
}
