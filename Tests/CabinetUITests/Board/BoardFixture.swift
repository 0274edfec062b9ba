import CabinetModel
@testable import TerminalKit
@testable import CabinetUI

/// A fixed day of the board, built in code: six changes for the CAB (three of them not ready),
/// one that arrives after the agenda is frozen, and the services behind them. No store, fixed times.
enum BoardFixture {
    static let day = "2026-11-27"
    static let chair = "priya.raman"

    /// 2026-11-27 at "HH:MM:SS" UTC.
    static func at(_ time: String) -> Timestamp {
        (try? Timestamp(iso8601: "\(day)T\(time)Z")) ?? Timestamp(milliseconds: 0)
    }

    static let services = [
        Service(name: "Postgres Main", team: "platform"),
        Service(name: "Order Service", team: "orders", dependsOn: ["Postgres Main"]),
        Service(name: "API Gateway", team: "platform"),
        Service(name: "Checkout Web", team: "web", dependsOn: ["API Gateway", "Order Service"]),
        Service(name: "Notification Worker", team: "growth"),
    ]

    private static let answered = MigrationChecklist(
        exclusiveLockOnHighTrafficTable: false, completesWithinLockTimeout: true, testedOnProductionSizedData: true,
        backwardCompatible: true, testedRollbackMigration: true, usesOnlineSchemaChange: true, expandContractPhase: .expand)

    private static func change(
        _ number: Int, _ title: String, owner: String, team: String, category: ChangeCategory, risk: Risk, services: [String],
        blast: String, rollback: String, minutes: Int?, verification: String, window: (String, String)?, submitted: String = "08:00:00",
        checklist: MigrationChecklist? = nil, files: Int? = nil, touches: [ConfigArea] = []
    ) -> Change {
        Change(
            id: "CHG-000\(number)", title: title, owner: owner, team: team, type: .normal, category: category, risk: risk, route: .cab,
            services: services, filesChanged: files, blastRadius: blast, rollbackPlan: rollback, rollbackMinutes: minutes,
            verification: verification, windowStart: window.map { at($0.0) }, windowEnd: window.map { at($0.1) }, submittedAt: at(submitted),
            state: .authorize, migrationChecklist: checklist, touches: touches)
    }

    static let changes: [Change] = [
        change(1041, "Add index on created_at for Order Service", owner: "raj.patel", team: "orders", category: .databaseSchema, risk: .high,
               services: ["Order Service", "Postgres Main"], blast: "Order Service writes; Checkout Web reads orders.",
               rollback: "Drop the index concurrently.", minutes: 4, verification: "p99 of order listing under 80 ms for 30 minutes.",
               window: ("14:00:00", "16:00:00"), checklist: answered, files: 12),
        change(1042, "Resize node pool behind API Gateway", owner: "ana.ribeiro", team: "platform", category: .infrastructure, risk: .medium,
               services: ["API Gateway"], blast: "Every request through the gateway while nodes drain.",
               rollback: "Scale the old pool back up; the autoscaler keeps it warm for an hour.", minutes: 3,
               verification: "No 5xx above baseline; gateway latency flat.", window: ("15:00:00", "15:30:00"), files: 3,
               touches: [.resourceLimits]),
        change(1043, "Switch SMS provider for Notification Worker", owner: "olu.adeyemi", team: "growth", category: .thirdPartyIntegration,
               risk: .high, services: ["Notification Worker"], blast: "All SMS (login codes, delivery updates).",
               rollback: "Point the provider flag back and replay the outbox.", minutes: 12,
               verification: "Delivery receipts above 98% for an hour.", window: ("17:00:00", "18:00:00"), files: 60),
        change(1044, "Roll out new event schema across order consumers", owner: "nina.schultz", team: "orders", category: .multiService,
               risk: .high, services: ["Order Service", "Checkout Web"], blast: "Order events consumed by checkout and shipping.",
               rollback: "Consumers read both schemas; revert the producer.", minutes: 5, verification: "   ", window: ("15:30:00", "17:00:00"),
               files: 25),
        change(1045, "Rotate webhook secret of 決済 Gateway 🔑 \u{1B}[31mnow", owner: "ines.moreau", team: "payments", category: .singleService,
               risk: .high, services: ["Checkout Web"], blast: "Payment callbacks \u{7}for 2 minutes.",
               rollback: "Re-enable the old secret (kept valid for 24 h).", minutes: 1, verification: "Callbacks verified with the new secret.",
               window: nil),
        change(1046, "Migrate DNS records of the API Gateway to the new provider", owner: "tom.keller", team: "platform",
               category: .infrastructure, risk: .high, services: ["API Gateway", "Checkout Web"],
               blast: "All public hostnames: api, checkout, status. TTL lowered to 60 s two days ahead, so a bad record is visible to clients for at most a minute; internal names are not touched. Partners that pin IPs were told on Monday.",
               rollback: "Switch the NS records back at the registrar; the old zone stays authoritative and in sync for a week.", minutes: 5,
               verification: "Synthetic checks from six regions resolve to the new load balancers; error budget burn under 1% for the window; certificate transparency shows no surprises.",
               window: ("18:00:00", "19:00:00"), files: 30, touches: [.networking]),
    ]

    /// Submitted after the meeting started: "late — next meeting".
    static let lateChange = change(1050, "Raise worker count of Checkout Web", owner: "maya.cohen", team: "web", category: .singleService,
                                   risk: .high, services: ["Checkout Web"], blast: "Checkout only.", rollback: "Scale back.", minutes: 2,
                                   verification: "Queue depth under 100.", window: ("19:00:00", "20:00:00"), submitted: "09:01:00")

    /// The change as the store's queue gives it: with its readiness at 09:00 and its assessment.
    static func entry(_ change: Change, decision: Decision? = nil) -> QueueEntry {
        QueueEntry(change: change, now: at("09:00:00"), latestDecision: decision, assessment: AssessmentFixture.assess(change))
    }

    /// The board before anybody opened the meeting.
    static let beforeMeeting = BoardSnapshot(day: day, meeting: nil, agenda: changes.map { entry($0) }, late: [])

    /// Mid-meeting at 09:05: the first item approved, the second running for 1:30, one change late.
    static let inMeeting: BoardSnapshot = {
        let approved = Decision(id: "d1", change: "CHG-0001041", outcome: .approved, at: at("09:03:00"), by: chair)
        var items = changes.enumerated().map { AgendaItem(change: $0.element.id, position: $0.offset) }
        items[0].startedAt = at("09:00:30")
        items[0].endedAt = at("09:03:00")
        items[1].startedAt = at("09:03:30")
        let meeting = Meeting(
            date: day, chair: chair, itemMinutes: 3, startedAt: at("09:00:00"), agendaFrozenAt: at("09:00:00"),
            attendees: [Attendee(name: chair, role: .chair, present: true), Attendee(name: "ana.ribeiro", role: .onCall, present: true),
                        Attendee(name: "raj.patel", role: .owner, present: false), Attendee(name: "olu.adeyemi", role: .owner),
                        Attendee(name: "web senior engineer", role: .downstream)],
            items: items)
        return BoardSnapshot(day: day, meeting: meeting, agenda: [entry(changes[0], decision: approved)] + changes.dropFirst().map { entry($0) },
                             late: [entry(lateChange)])
    }()

    static let now = at("09:05:00")

    /// A chair's board on `snapshot` at 09:05, sized `width` × `height`.
    static func board(_ snapshot: BoardSnapshot?, role: BoardRole = .chair, width: Int = 80, height: Int = 24, changeID: String? = nil) -> AppState {
        var state = AppState(role: role, chair: role == .chair ? chair : "viewer", onCall: "ana.ribeiro", services: services, day: day, now: now,
                             changeID: changeID)
        _ = update(&state, .resize(width: width, height: height))
        if let snapshot { _ = update(&state, .loaded(snapshot)) }
        return state
    }
}
