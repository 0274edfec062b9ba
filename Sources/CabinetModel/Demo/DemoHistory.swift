/// A deterministic, realistic history for `cab demo`: at least 90 days of changes on every route,
/// the decisions of the peer reviewers and the daily board, incidents some of them caused, and
/// today's queue of CAB items, some not ready. The same seed and clock give the same history.
public struct DemoHistory: Sendable {
    /// The shortest history a demo spans.
    public static let minimumDays: Int64 = 90
    /// The most changes a demo submits a day (a large organisation's rate): a bigger demo is a
    /// longer history at this rate, not a busier one, so today's world is the same at every size.
    public static let changesPerDay = 1_112
    /// Items waiting for today's meeting.
    public static let queueSize = 6
    /// Items of the last meeting before today, one per outcome (the deferred one is back today).
    public static let lastMeetingSize = Outcome.allCases.count
    /// The fewest changes a demo holds: the last meeting's items and today's queue.
    public static let minimumChanges = queueSize + lastMeetingSize

    public let changeCount: Int
    public let seed: UInt64
    public let now: Timestamp

    public init(changeCount: Int, seed: UInt64, now: Timestamp) {
        self.changeCount = max(changeCount, DemoHistory.minimumChanges)
        self.seed = seed
        self.now = now
    }

    /// How many days the history spans: 90, or more when its changes would exceed `changesPerDay`
    /// (100,000 changes fill 90 days; 1,000,000 fill 900).
    public var days: Int64 {
        let history = changeCount - DemoHistory.minimumChanges
        return max(DemoHistory.minimumDays, Int64((history + DemoHistory.changesPerDay - 1) / DemoHistory.changesPerDay))
    }

    /// A record of the history, in an order a store can write as it goes.
    public enum Record: Sendable {
        case service(Service)
        case change(Change)
        case decision(Decision)
        case incident(Incident)
        /// The conditions of an approved-with-conditions decision were met.
        case conditionMet(decision: String, by: String, at: Timestamp)
        case meeting(Meeting)
    }

    /// Streams the history (services first, then each change followed by its decisions and
    /// incidents), so a million changes never sit in memory at once.
    public func generate(_ emit: (Record) throws -> Void) rethrows {
        var random = SeededRandom(seed: seed)
        for service in DemoCatalog.services { try emit(.service(service)) }
        let serviceTeams = Dictionary(uniqueKeysWithValues: DemoCatalog.services.map { ($0.name, $0.team) })
        let historyCount = changeCount - DemoHistory.minimumChanges
        let start = now.startOfDay.adding(days: -days)
        // History ends two hours before the last meeting before today, so every board item of
        // the history has had its meeting and today's queue is the six items below.
        let span = lastMeetingBeforeToday.adding(hours: -2).milliseconds - start.milliseconds
        var recentApproved: [String] = []
        let lastMeetingDay = lastMeetingBeforeToday.day
        var lastMeetingDecisions: [(change: Change, decision: Decision)] = []
        var incidentNumber = 0
        for index in 0..<historyCount {
            let submittedAt = Timestamp(milliseconds: start.milliseconds + span * Int64(index) / Int64(max(historyCount, 1))
                + Int64.random(in: 0..<3_600_000, using: &random))
            var change = historicalChange(number: index + 1, submittedAt: submittedAt, serviceTeams: serviceTeams, random: &random)
            let decisions = decisions(for: change, random: &random)
            change.state = finalState(of: change, latest: decisions.last)
            try emit(.change(change))
            for decision in decisions {
                try emit(.decision(decision))
                if decision.outcome == .approvedWithConditions, change.state == .closed, let end = change.windowEnd {
                    try emit(.conditionMet(decision: decision.id, by: change.owner, at: end))
                }
                if change.route == .cab, decision.at.day == lastMeetingDay { lastMeetingDecisions.append((change, decision)) }
            }
            guard change.route == .pipeline || change.route == .emergency || decisions.contains(where: \.outcome.approves) else { continue }
            recentApproved.append(change.id)
            if recentApproved.count > 50 { recentApproved.removeFirst() }
            guard random.chance(incidentChance(of: change)) else { continue }
            incidentNumber += 1
            var causes = [change.id]
            if random.chance(0.1), let other = recentApproved.dropLast().randomElement(using: &random) { causes.append(other) }
            let opened = (change.windowStart ?? change.submittedAt).adding(minutes: Int64.random(in: 10...2880, using: &random))
            guard opened < now else { continue }
            // Restored 20 minutes to 8 hours later, spread by the incident's number (drawing it would
            // shift every later draw of the history); one still open when it would end after now.
            let resolved = opened.adding(minutes: Int64(20 + incidentNumber * 97 % 460))
            try emit(.incident(Incident(
                id: "INC-\(zeroPadded(incidentNumber, width: 6))", openedAt: opened,
                severity: random.weighted([(.sev1, 0.05), (.sev2, 0.2), (.sev3, 0.45), (.sev4, 0.3)]),
                causedBy: causes, services: change.services, resolvedAt: resolved < now ? resolved : nil)))
        }
        for (change, decision) in lastMeetingAgenda(firstNumber: historyCount + 1, random: &random) {
            try emit(.change(change))
            try emit(.decision(decision))
            lastMeetingDecisions.append((change, decision))
        }
        for change in todaysQueue(firstNumber: historyCount + DemoHistory.lastMeetingSize + 1, random: &random) { try emit(.change(change)) }
        try emit(.meeting(lastMeeting(lastMeetingDecisions, random: &random)))
    }

    /// The last meeting before today, as its chair ran it: every item presented in turn, its
    /// clock running from the previous decision to its own.
    private func lastMeeting(_ decided: [(change: Change, decision: Decision)], random: inout SeededRandom) -> Meeting {
        let start = lastMeetingBeforeToday
        let ordered = decided.sorted { $0.decision.at < $1.decision.at }
        var items: [AgendaItem] = []
        var clock = start
        for (position, entry) in ordered.enumerated() {
            let ended = max(entry.decision.at, clock.adding(minutes: 1))
            items.append(AgendaItem(change: entry.change.id, position: position, startedAt: clock, endedAt: ended))
            clock = ended
        }
        var attendees = MeetingRoster.suggested(chair: chair(of: start), onCall: DemoCatalog.onCallLeads[0],
                                                agenda: ordered.map(\.change), services: DemoCatalog.services)
        for index in attendees.indices { attendees[index].present = random.chance(0.85) || attendees[index].role == AttendeeRole.chair }
        return Meeting(date: start.day, chair: attendees[0].name, startedAt: start, agendaFrozenAt: start, endedAt: clock,
                       attendees: attendees, items: items)
    }

    private func historicalChange(number: Int, submittedAt: Timestamp, serviceTeams: [String: String], random: inout SeededRandom) -> Change {
        let type = random.weighted([(ChangeType.standard, 0.52), (.preApproved, 0.15), (.normal, 0.30), (.emergency, 0.03)])
        let category = random.weighted([(ChangeCategory.singleService, 0.62), (.multiService, 0.18), (.databaseSchema, 0.07), (.infrastructure, 0.07), (.thirdPartyIntegration, 0.06)])
        let risk = random.weighted([(Risk.low, 0.55), (.medium, 0.35), (.high, 0.10)])
        let team = random.pick(DemoCatalog.teams)
        let services = pickServices(team: team, category: category, random: &random)
        let route = Routing.route(type: type, category: category, risk: risk, team: team, services: services, serviceTeams: serviceTeams)
        let windowStart = submittedAt.adding(hours: Int64.random(in: 20...72, using: &random))
        return makeChange(number: number, type: type, category: category, risk: risk, team: team, services: services,
                          route: route, submittedAt: submittedAt, windowStart: windowStart, random: &random)
    }

    /// Where a change of the history stands today: implemented and closed once approved and its
    /// window has passed, canceled when rejected, still waiting otherwise.
    private func finalState(of change: Change, latest: Decision?) -> ChangeState {
        let windowPassed = (change.windowEnd ?? change.submittedAt) < now
        switch (change.route, latest?.outcome) {
        case (.pipeline, _), (.emergency, _): return windowPassed ? .closed : .scheduled
        case (_, .approved?), (_, .approvedWithConditions?): return windowPassed ? .closed : .scheduled
        case (_, .rejected?): return .canceled
        case (_, .deferred?), (_, nil): return .authorize
        }
    }

    /// The chance that an approved or shipped change causes an incident: by route, and by what
    /// the risk score weighs (migrations, several services, big diffs), so a calibration on the
    /// demo has something to learn and enough incidents (10 per weight) to learn it from.
    private func incidentChance(of change: Change) -> Double {
        let route: Double = switch change.route {
        case .pipeline: 0.025
        case .peer: 0.035
        case .cab: change.risk == .high ? 0.05 : 0.03
        case .emergency: 0.1
        }
        let shape = (change.hasMigration == true ? 2.5 : 1) * (change.services.count > 1 ? 1.6 : 1) * (1 + Double(change.filesChanged ?? 0) / 60)
        return min(0.5, route * shape)
    }

    private func pickServices(team: String, category: ChangeCategory, random: inout SeededRandom) -> [String] {
        let own = DemoCatalog.services.filter { $0.team == team }.map(\.name)
        var services = [random.pick(own)]
        if category == .multiService {
            let pool = random.chance(0.2) ? DemoCatalog.services.map(\.name) : own
            for _ in 0..<Int.random(in: 1...2, using: &random) {
                let extra = random.pick(pool)
                if !services.contains(extra) { services.append(extra) }
            }
        }
        return services
    }

    private func makeChange(
        number: Int, type: ChangeType, category: ChangeCategory, risk: Risk, team: String, services: [String],
        route: Route, submittedAt: Timestamp, windowStart: Timestamp, random: inout SeededRandom
    ) -> Change {
        let consumers = DemoCatalog.services.filter { service in service.dependsOn.contains { services.contains($0) } }.map(\.name)
        let schema = category == .databaseSchema
        return Change(
            id: "CHG-\(zeroPadded(number, width: 7))",
            title: "\(random.pick(DemoCatalog.verbs[category] ?? ["Change"])) \(services[0])",
            owner: random.pick(DemoCatalog.people[team] ?? ["someone"]), team: team,
            type: type, category: category, risk: risk, route: route, services: services,
            filesChanged: Int.random(in: 1...(risk == .high ? 120 : 30), using: &random), hasMigration: schema,
            blastRadius: "\(services.joined(separator: ", "))" + (consumers.isEmpty ? "; no downstream consumers" : "; downstream: \(consumers.prefix(4).joined(separator: ", "))"),
            rollbackPlan: schema ? "Run the down migration, then redeploy the previous release" : "Redeploy the previous release from the pipeline",
            rollbackMinutes: random.chance(0.92) ? Int.random(in: 1...5, using: &random) : Int.random(in: 8...30, using: &random),
            verification: "Error rate under 0.1% and p99 within 20% of baseline for 15 minutes",
            windowStart: windowStart, windowEnd: windowStart.adding(minutes: 60 * Int64.random(in: 1...3, using: &random)),
            submittedAt: submittedAt, state: .authorize,
            migrationChecklist: schema ? MigrationChecklist(
                exclusiveLockOnHighTrafficTable: false, completesWithinLockTimeout: true, testedOnProductionSizedData: true,
                backwardCompatible: true, testedRollbackMigration: true, usesOnlineSchemaChange: true, expandContractPhase: .expand) : nil)
    }

    /// Peer changes are decided by an on-call lead within hours; board changes at the next
    /// weekday meeting (09:30 UTC), where a deferral comes back to the meeting after.
    private func decisions(for change: Change, random: inout SeededRandom) -> [Decision] {
        switch change.route {
        case .pipeline, .emergency:
            return []
        case .peer:
            let lead = random.pick(DemoCatalog.onCallLeads)
            let at = change.submittedAt.adding(minutes: max(5, random.logNormalMilliseconds(medianHours: 1.5, sigma: 1.0) / 60_000))
            let outcome = random.weighted([(Outcome.approved, 0.88), (.approvedWithConditions, 0.06), (.rejected, 0.03), (.deferred, 0.03)])
            var result = [decision(change, outcome, at: at, by: lead, random: &random)]
            if outcome == .deferred { result.append(decision(change, .approved, at: at.adding(hours: 24), by: lead, random: &random)) }
            return result.filter { $0.at < now }
        case .cab:
            let meeting = nextMeeting(after: change.submittedAt).adding(minutes: Int64.random(in: 1...14, using: &random))
            let next = nextMeeting(after: meeting).adding(minutes: Int64.random(in: 1...14, using: &random))
            var outcome = random.weighted([(Outcome.approved, 0.72), (.approvedWithConditions, 0.14), (.rejected, 0.06), (.deferred, 0.08)])
            if outcome == .deferred, next >= now.startOfDay { outcome = .approved }
            var result = [decision(change, outcome, at: meeting, by: chair(of: meeting), random: &random)]
            if outcome == .deferred {
                result.append(decision(change, random.chance(0.8) ? .approved : .approvedWithConditions, at: next, by: chair(of: next), random: &random))
            }
            return result.filter { $0.at < now }
        }
    }

    private func decision(_ change: Change, _ outcome: Outcome, at: Timestamp, by: String, random: inout SeededRandom) -> Decision {
        Decision(
            id: Decision.naturalID(change: change.id, at: at, by: by), change: change.id, outcome: outcome, at: at, by: by,
            conditions: outcome == .approvedWithConditions ? random.pick(["Deploy behind a feature flag", "Owner on call during the window", "Run the rollback in staging first"]) : nil,
            note: outcome == .rejected ? random.pick(["Rollback untested", "Overlaps the payment freeze", "Blast radius unclear"]) : outcome == .deferred ? "Not ready in three minutes" : nil)
    }

    /// The hour `now` falls in, so today's windows read like a person set them.
    private var onTheHour: Timestamp { Timestamp(milliseconds: now.milliseconds / 3_600_000 * 3_600_000) }

    /// The two chairs take turns by day.
    func chair(of meeting: Timestamp) -> String {
        DemoCatalog.chairs[Int(meeting.milliseconds / Timestamp.millisecondsPerDay % Int64(DemoCatalog.chairs.count))]
    }

    /// The last weekday meeting before today.
    var lastMeetingBeforeToday: Timestamp {
        var meeting = nextMeeting(after: now.startOfDay.adding(days: -7))
        while true {
            let following = nextMeeting(after: meeting)
            if following >= now.startOfDay { return meeting }
            meeting = following
        }
    }

    /// The next weekday 09:30 UTC meeting strictly after `time`.
    func nextMeeting(after time: Timestamp) -> Timestamp {
        var day = time.startOfDay
        while true {
            let meeting = day.adding(minutes: 9 * 60 + 30)
            let weekday = (day.milliseconds / Timestamp.millisecondsPerDay + 3) % 7  // 0 = Monday
            if meeting > time, weekday < 5 { return meeting }
            day = day.adding(days: 1)
        }
    }

    /// Board changes submitted the day before the last meeting and decided there, one per outcome.
    private func lastMeetingAgenda(firstNumber: Int, random: inout SeededRandom) -> [(Change, Decision)] {
        let meeting = lastMeetingBeforeToday
        let serviceTeams = Dictionary(uniqueKeysWithValues: DemoCatalog.services.map { ($0.name, $0.team) })
        return Outcome.allCases.enumerated().map { offset, outcome in
            let team = DemoCatalog.teams[offset % DemoCatalog.teams.count]
            let services = [DemoCatalog.services.first { $0.team == team }?.name ?? DemoCatalog.services[0].name]
            let route = Routing.route(type: .normal, category: .singleService, risk: .high, team: team, services: services, serviceTeams: serviceTeams)
            var change = makeChange(number: firstNumber + offset, type: .normal, category: .singleService, risk: .high, team: team,
                                    services: services, route: route, submittedAt: meeting.adding(hours: -20 + Int64(offset) * 3),
                                    windowStart: onTheHour.adding(hours: 6), random: &random)
            change.rollbackMinutes = 2
            let decided = decision(change, outcome, at: meeting.adding(minutes: 3 + 3 * Int64(offset)), by: chair(of: meeting), random: &random)
            change.state = outcome.resultingState
            return (change, decided)
        }
    }

    /// Today's agenda: six board changes submitted since yesterday, three of them not ready.
    private func todaysQueue(firstNumber: Int, random: inout SeededRandom) -> [Change] {
        let serviceTeams = Dictionary(uniqueKeysWithValues: DemoCatalog.services.map { ($0.name, $0.team) })
        let specs: [(ChangeCategory, Risk, String, [String])] = [
            (.databaseSchema, .medium, "orders", ["Order Service"]),
            (.infrastructure, .high, "platform", ["API Gateway"]),
            (.singleService, .high, "payments", ["Payment Gateway"]),
            (.multiService, .medium, "growth", ["Notification Worker", "Order Service"]),
            (.databaseSchema, .high, "payments", ["Billing Ledger"]),
            (.thirdPartyIntegration, .high, "logistics", ["Shipping Tracker"]),
        ]
        return specs.enumerated().map { offset, spec in
            let (category, risk, team, services) = spec
            let submitted = now.adding(hours: -20 + Int64(offset) * 2)
            let route = Routing.route(type: .normal, category: category, risk: risk, team: team, services: services, serviceTeams: serviceTeams)
            var change = makeChange(number: firstNumber + offset, type: .normal, category: category, risk: risk, team: team,
                                    services: services, route: route, submittedAt: submitted,
                                    windowStart: onTheHour.adding(hours: 4 + Int64(offset)), random: &random)
            change.rollbackMinutes = 3
            switch offset {
            case 1: change.rollbackMinutes = 15
            case 3: change.verification = ""
            case 4: change.migrationChecklist?.testedRollbackMigration = nil; change.migrationChecklist?.expandContractPhase = nil
            default: break
            }
            return change
        }
    }
}
