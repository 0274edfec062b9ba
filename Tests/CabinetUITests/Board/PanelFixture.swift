import CabinetModel
@testable import TerminalKit
@testable import CabinetUI

/// Hand-made figures for the panel: the 30 days up to the board fixture's 09:05, five ISO weeks
/// (2026-W44 to W48), built from counts per route and week as the store aggregates them.
enum PanelFixture {
    static let period = Period(lastDays: 30, endingAt: BoardFixture.now)
    static let weeks = ISOWeek.covering(period)

    /// One week of the board: first outcomes (approved, with conditions, rejected, deferred),
    /// approvals with an incident, latencies in hours; `submitted` of the route that week.
    static func counts(_ outcomes: (Int, Int, Int, Int), withIncident: Int = 0, latencyHours: [Double] = [], submitted: Int) -> FigureCounts {
        var counts = FigureCounts()
        counts.firstOutcomes = [.approved: outcomes.0, .approvedWithConditions: outcomes.1, .rejected: outcomes.2, .deferred: outcomes.3]
            .filter { $0.value > 0 }
        counts.approved = latencyHours.count
        counts.approvedWithIncident = withIncident
        counts.latencies = latencyHours.map { Int64($0 * 3_600_000) }
        counts.submitted = submitted
        return counts
    }

    /// A board that changes things, with incidents falling: 5 weeks of cab, peer, pipeline and emergency changes.
    static let healthy = Figures(period: period, groups: healthyGroups, incidentsByRoute: [.cab: 4, .peer: 2, .emergency: 1],
                                 boardIncidentsByWeek: Dictionary(uniqueKeysWithValues: zip(weeks, [2, 1, 1, 0, 0])))

    /// The aggregates behind `healthy`, by route and week.
    static let healthyGroups: [RouteWeek: FigureCounts] = {
        let cab: [FigureCounts] = [
            counts((6, 2, 1, 1), withIncident: 2, latencyHours: [0.5, 1.5, 2, 3, 3.5, 5, 9, 30], submitted: 10),
            counts((7, 2, 1, 0), withIncident: 1, latencyHours: [1, 1.5, 2.5, 3, 3.5, 6, 7, 20, 50], submitted: 10),
            counts((8, 1, 0, 1), withIncident: 1, latencyHours: [0.5, 1, 2, 2, 3, 3.5, 4, 12, 26], submitted: 11),
            counts((7, 2, 1, 0), withIncident: 0, latencyHours: [0.5, 0.5, 1, 2, 2.5, 3, 3, 5, 8], submitted: 9),
            counts((3, 1, 0, 0), withIncident: 0, latencyHours: [1, 2, 3, 4], submitted: 4),
        ]
        var groups: [RouteWeek: FigureCounts] = [:]
        for (index, week) in weeks.enumerated() {
            groups[RouteWeek(route: .cab, week: week)] = cab[index]
            groups[RouteWeek(route: .peer, week: week)] = counts((40, 0, 0, 0), withIncident: index % 2, latencyHours: Array(repeating: 0.75, count: 40),
                                                               submitted: 44)
            groups[RouteWeek(route: .pipeline, week: week)] = counts((0, 0, 0, 0), submitted: 300)
            groups[RouteWeek(route: .emergency, week: week)] = counts((1, 0, 0, 0), withIncident: index == 0 ? 1 : 0, latencyHours: [0.25], submitted: 1)
        }
        return groups
    }()

    /// A rubber stamp: 97 of 101 reviews approved as they came (96.0%), with more incidents than peer review.
    static let rubberStamp: Figures = {
        var groups: [RouteWeek: FigureCounts] = [:]
        for week in weeks {
            groups[RouteWeek(route: .cab, week: week)] = counts((19, 1, 0, 0), withIncident: 1, latencyHours: Array(repeating: 2, count: 20), submitted: 20)
            groups[RouteWeek(route: .peer, week: week)] = counts((60, 0, 0, 0), withIncident: 1, latencyHours: Array(repeating: 1, count: 60), submitted: 60)
        }
        groups[RouteWeek(route: .cab, week: weeks[0])] = counts((21, 0, 0, 0), withIncident: 1, latencyHours: Array(repeating: 2, count: 21), submitted: 21)
        groups[RouteWeek(route: .cab, week: weeks[1])] = counts((19, 0, 1, 0), withIncident: 1, latencyHours: Array(repeating: 2, count: 19), submitted: 20)
        return Figures(period: period, groups: groups, incidentsByRoute: [.cab: 5, .peer: 5],
                       boardIncidentsByWeek: Dictionary(uniqueKeysWithValues: weeks.map { ($0, 1) }))
    }()

    /// The healthy month's deployments by route: the board's 40 with 1 failure against peer
    /// review's 40 with 12, and four emergencies of which one awaits its review.
    static let deployed: Figures = {
        func route(_ deployed: Int, failed: Int, leadHours: Int64, approvalHours: Int64?, restoreHours: [Int64]) -> DORACounts {
            var counts = DORACounts()
            counts.deployed = deployed
            counts.failed = failed
            counts.estimated = deployed / 4
            counts.deploymentLeadTimes = (0..<Int64(deployed)).map { (leadHours + $0 % 5) * 3_600_000 }
            counts.approvalLeadTimes = approvalHours.map { hours in (0..<Int64(deployed)).map { (hours + $0 % 3) * 3_600_000 } } ?? []
            counts.incidents = restoreHours.count + 1
            counts.restoreTimes = restoreHours.map { $0 * 3_600_000 }
            return counts
        }
        return Figures(period: period, groups: healthyGroups, incidentsByRoute: [.cab: 4, .peer: 2, .emergency: 1],
                       boardIncidentsByWeek: Dictionary(uniqueKeysWithValues: zip(weeks, [2, 1, 1, 0, 0])),
                       deployments: [.pipeline: route(120, failed: 2, leadHours: 2, approvalHours: nil, restoreHours: [1]),
                                     .peer: route(40, failed: 12, leadHours: 6, approvalHours: 1, restoreHours: [2, 3]),
                                     .cab: route(40, failed: 1, leadHours: 30, approvalHours: 20, restoreHours: []),
                                     .emergency: route(4, failed: 1, leadHours: 0, approvalHours: nil, restoreHours: [1])],
                       emergencyReviews: EmergencyReviewFigures(deployed: 4, estimated: 1, outcomes: [.accepted: 2, .followUpRequired: 1]))
    }()

    /// A period in which nothing happened.
    static let empty = Figures(period: period, groups: [:], incidentsByRoute: [:], boardIncidentsByWeek: [:])

    /// The board fixture's meeting, ended at 09:14 with each outcome once and one item left undecided.
    static let minutes: MeetingMinutes = {
        let at = BoardFixture.at
        var meeting = BoardFixture.inMeeting.meeting ?? Meeting(date: BoardFixture.day, chair: BoardFixture.chair)
        let times = [("09:00:30", "09:03:00"), ("09:03:30", "09:05:10"), ("09:05:20", "09:09:00"), ("09:09:10", "09:11:00"), ("09:11:10", "09:12:30"),
                     ("09:12:40", "09:14:00")]
        for (index, (start, end)) in times.enumerated() {
            meeting.items[index].startedAt = at(start)
            meeting.items[index].endedAt = at(end)
        }
        meeting.endedAt = at("09:14:00")
        let ids = BoardFixture.changes.map(\.id)
        let decisions: [String: [Decision]] = [
            ids[0]: [Decision(id: "m1", change: ids[0], outcome: .approved, at: at("09:03:00"), by: BoardFixture.chair)],
            ids[1]: [Decision(id: "m2", change: ids[1], outcome: .approvedWithConditions, at: at("09:05:10"), by: BoardFixture.chair,
                              conditions: "Only after the 15:00 freeze ends; keep the old pool for an hour")],
            ids[2]: [Decision(id: "m3", change: ids[2], outcome: .rejected, at: at("09:09:00"), by: BoardFixture.chair,
                              note: "No load test of the new provider")],
            ids[3]: [Decision(id: "m4", change: ids[3], outcome: .deferred, at: at("09:11:00"), by: BoardFixture.chair)],
            ids[4]: [Decision(id: "m5", change: ids[4], outcome: .approved, at: at("09:12:30"), by: "ana.ribeiro")],
        ]
        let snapshot = BoardSnapshot(day: BoardFixture.day, meeting: meeting, agenda: BoardFixture.inMeeting.agenda, late: [])
        return MeetingMinutes(snapshot: snapshot, meeting: meeting, decisions: decisions, now: at("09:20:00"))
    }()

    /// The chair's board at 09:05 on the panel (figures answered as the runtime would), sized `width` × `height`.
    static func panel(_ figures: Figures, width: Int, height: Int, unicode: Bool = true) -> AppState {
        var state = BoardFixture.board(BoardFixture.inMeeting, width: width, height: height)
        state.unicode = unicode
        _ = update(&state, .key(.character("p")))
        _ = update(&state, .figuresLoaded(figures))
        return state
    }

    /// The chair's board at 09:20 on the minutes, sized `width` × `height`.
    static func minutesScreen(width: Int, height: Int) -> AppState {
        var state = BoardFixture.board(BoardFixture.inMeeting, width: width, height: height)
        _ = update(&state, .key(.character("m")))
        _ = update(&state, .minutesLoaded(minutes))
        return state
    }
}
