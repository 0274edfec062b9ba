import Foundation
import Testing
@testable import CabinetModel
@testable import CabinetStore

/// The SQL aggregates against a plain in-memory reading of DESIGN.md's definitions, over
/// generated histories and periods: they must agree to the last digit.
@Suite struct RandomizedFiguresTests {
    let stores = TestStores()

    struct History {
        var changes: [Change] = []
        /// The state each change was stated in, for those without decisions.
        var statedStates: [String: ChangeState] = [:]
        var decisions: [Decision] = []
        var incidents: [Incident] = []
        var pirs: [PostImplementationReview] = []
    }

    static func history(seed: UInt64) -> History {
        var random = SeededRandom(seed: seed)
        let start = time("2026-10-01T00:00:00Z")
        var history = History()
        for number in 0..<160 {
            let submitted = start.adding(minutes: Int64.random(in: 0..<(60 * 24 * 70), using: &random))
            var change = Change(
                id: "R\(number)", title: "change \(number)", owner: "o", team: "t", type: .normal, category: .singleService,
                risk: .low, route: random.pick(Route.allCases), services: ["S1"], blastRadius: "b", rollbackPlan: "r",
                rollbackMinutes: 2, verification: "v", windowStart: nil, windowEnd: nil,
                submittedAt: Timestamp(milliseconds: submitted.milliseconds + Int64.random(in: 0..<60_000, using: &random)), state: .authorize)
            // A window now and then (its start stands in for a deployment once implemented), a
            // recorded deployment now and then, sometimes before the submission.
            if random.chance(0.7) {
                change.windowStart = change.submittedAt.adding(minutes: Int64.random(in: -60...(72 * 60), using: &random))
                change.windowEnd = change.windowStart?.adding(hours: 1)
            }
            if random.chance(0.4) { change.deployedAt = change.submittedAt.adding(minutes: Int64.random(in: -30...(96 * 60), using: &random)) }
            history.changes.append(change)
            var at = change.submittedAt
            // Only gated routes are decided; a later decision supersedes the latest unless that was a deferral.
            var latest: Decision?
            for index in 0..<(change.route == .peer || change.route == .cab ? Int.random(in: 0...3, using: &random) : 0) {
                // Exactly four hours now and then, to hit the ≤ 4 h boundary.
                at = random.chance(0.1) ? at.adding(hours: 4) : Timestamp(milliseconds: at.milliseconds + Int64.random(in: 1...(3 * 86_400_000), using: &random))
                let outcome = random.pick(Outcome.allCases)
                let decision = Decision(id: "R\(number)-\(index)", change: change.id, outcome: outcome, at: at, by: "chair",
                                        conditions: outcome == .approvedWithConditions ? "c" : nil, note: outcome == .rejected ? "why" : nil,
                                        supersedes: latest.flatMap { $0.outcome == .deferred ? nil : $0.id })
                history.decisions.append(decision)
                latest = decision
            }
            if latest == nil, random.chance(0.6) {
                history.statedStates[change.id] = random.pick([.scheduled, .implement, .review, .closed, .canceled] as [ChangeState])
            }
        }
        for number in 0..<25 {
            let causes = (0..<Int.random(in: 1...3, using: &random)).map { _ in random.pick(history.changes) }
            // An incident opens after every change it blames was submitted.
            let opened = causes.map(\.submittedAt).max { $0 < $1 }?.adding(hours: 1) ?? start
            let resolved = random.chance(0.6) ? opened.adding(minutes: Int64.random(in: 0...(48 * 60), using: &random)) : nil
            history.incidents.append(Incident(id: "I\(number)", openedAt: opened, severity: .sev3,
                                              causedBy: Array(Set(causes.map(\.id))).sorted(), services: ["S1"], resolvedAt: resolved))
        }
        for change in history.changes where change.route == .emergency {
            guard let deployed = deployment(of: change, in: history), random.chance(0.5) else { continue }
            let outcome = random.pick(PIROutcome.allCases)
            history.pirs.append(PostImplementationReview(change: change.id, outcome: outcome, at: deployed.at.adding(hours: 20), by: "chair",
                                                         note: outcome == .followUpRequired ? "fix it" : nil))
        }
        return history
    }

    /// The state a change ends in: as stated, else where its route starts it and its latest decision moves it.
    static func finalState(of change: Change, in history: History) -> ChangeState {
        if let stated = history.statedStates[change.id] { return stated }
        let latest = history.decisions.filter { $0.change == change.id }.max { $0.at < $1.at }
        return SubmittedChange.initialState(of: change.route).after(latestDecision: latest?.outcome)
    }

    /// README's definition read literally: the recorded deployment, else the window start of a
    /// change in implement, review or closed (estimated).
    static func deployment(of change: Change, in history: History) -> (at: Timestamp, estimated: Bool)? {
        if let deployed = change.deployedAt { return (deployed, false) }
        guard let start = change.windowStart, [.implement, .review, .closed].contains(finalState(of: change, in: history)) else { return nil }
        return (start, true)
    }

    /// DORA's counts of one route's deployments in a period, by README's definitions.
    static func expectedDORA(_ history: History, route: Route, in period: Period) -> DORACounts {
        var counts = DORACounts()
        var incidents: Set<String> = []
        for change in history.changes where change.route == route {
            guard let deployed = deployment(of: change, in: history), period.contains(deployed.at) else { continue }
            counts.deployed += 1
            if deployed.estimated { counts.estimated += 1 }
            let caused = history.incidents.filter { $0.causedBy.contains(change.id) }
            if !caused.isEmpty { counts.failed += 1 }
            incidents.formUnion(caused.map(\.id))
            counts.deploymentLeadTimes.append(max(0, deployed.at.milliseconds - change.submittedAt.milliseconds))
            if let approval = history.decisions.filter({ $0.change == change.id && $0.outcome.approves }).map(\.at).min() {
                counts.approvalLeadTimes.append(approval.milliseconds - change.submittedAt.milliseconds)
            }
        }
        counts.incidents = incidents.count
        counts.restoreTimes = history.incidents.filter { incidents.contains($0.id) }.compactMap { incident in
            incident.resolvedAt.map { $0.milliseconds - incident.openedAt.milliseconds }
        }
        return counts
    }

    /// The emergencies deployed in a period and their reviews, by README's definitions.
    static func expectedEmergencyReviews(_ history: History, in period: Period) -> EmergencyReviewFigures {
        let deployed = history.changes.filter { $0.route == .emergency }.compactMap { change in
            deployment(of: change, in: history).flatMap { period.contains($0.at) ? (change.id, $0.estimated) : nil }
        }
        let reviewed = Dictionary(uniqueKeysWithValues: history.pirs.map { ($0.change, $0.outcome) })
        return EmergencyReviewFigures(deployed: deployed.count, estimated: deployed.filter(\.1).count,
                                      outcomes: deployed.compactMap { reviewed[$0.0] }.reduce(into: [:]) { $0[$1, default: 0] += 1 })
    }

    /// DESIGN.md's definitions, read literally, for the changes of one route in one period.
    static func expected(_ history: History, route: Route?, in period: Period) -> FigureCounts {
        var counts = FigureCounts()
        let decisionsByChange = Dictionary(grouping: history.decisions, by: \.change)
        for change in history.changes where route == nil || change.route == route {
            let decisions = (decisionsByChange[change.id] ?? []).sorted { $0.at < $1.at }
            if period.contains(change.submittedAt) { counts.submitted += 1 }
            if let first = decisions.first, period.contains(first.at) { counts.firstOutcomes[first.outcome, default: 0] += 1 }
            guard let approval = decisions.first(where: { $0.outcome.approves }), period.contains(approval.at) else { continue }
            counts.approved += 1
            counts.latencies.append(approval.at.milliseconds - change.submittedAt.milliseconds)
            if history.incidents.contains(where: { $0.causedBy.contains(change.id) }) { counts.approvedWithIncident += 1 }
        }
        let approved = Set(history.changes.filter { change in
            (route == nil || change.route == route) && ((decisionsByChange[change.id] ?? []).sorted { $0.at < $1.at }
                .first { $0.outcome.approves }.map { period.contains($0.at) } ?? false)
        }.map(\.id))
        counts.incidents = history.incidents.filter { !approved.isDisjoint(with: $0.causedBy) }.count
        return counts
    }

    @Test(arguments: Backend.allCases, [1, 2, 3, 4, 5] as [UInt64])
    func theDatabaseAgreesWithTheDefinitions(backend: Backend, seed: UInt64) throws {
        let history = Self.history(seed: seed)
        let store = try stores.fresh(backend)
        var document = InterchangeDocument(
            services: [Service(name: "S1", team: "t")],
            changes: history.changes.map { SubmittedChange(change: $0, statedRoute: $0.route, statedState: history.statedStates[$0.id]) },
            decisions: history.decisions, incidents: history.incidents)
        document.pirs = history.pirs
        _ = try store.importDocument(document)
        // The whole weeks of each period are read from the routes' weekly summary, which the
        // import's triggers kept: it must agree with its rows, and the figures with the definitions.
        #expect(try store.auditSummaries() == nil)

        var random = SeededRandom(seed: seed * 31)
        var summarized = 0
        for _ in 0..<6 {
            let since = time("2026-10-01T00:00:00Z").adding(minutes: Int64.random(in: 0..<(60 * 24 * 60), using: &random))
            let period = try Period(since: since, until: since.adding(minutes: Int64.random(in: 1...(60 * 24 * 40), using: &random)))
            let figures = try store.figures(for: period)
            if WeekSplit(period).wholeWeeks != nil { summarized += 1 }
            #expect(figures.board == ReviewFigures(Self.expected(history, route: .cab, in: period)))
            #expect(figures.submitted == Self.expected(history, route: nil, in: period).submitted)
            for row in figures.byRoute {
                let expected = Self.expected(history, route: row.route, in: period)
                #expect(row.figures == ReviewFigures(expected), "\(row.route)")
                #expect(row.submitted == expected.submitted)
            }
            let dora = Dictionary(uniqueKeysWithValues: Route.allCases.map { ($0, Self.expectedDORA(history, route: $0, in: period)) })
            #expect(figures.dora == DORAFigures(period: period, counts: dora))
            #expect(figures.emergencyReviews == Self.expectedEmergencyReviews(history, in: period))
            for week in figures.weekly {
                let slice = try Period(since: max(week.week.start, period.since), until: min(week.week.end, period.until))
                #expect(week.figures == ReviewFigures(Self.expected(history, route: .cab, in: slice)), "\(week.week.label)")
                #expect(week.submitted == Self.expected(history, route: nil, in: slice).submitted)
            }
        }
        #expect(summarized > 0, "no period of seed \(seed) held a whole week")
    }
}
