import CabinetModel
@testable import TerminalKit

/// What automation knows on the fixture's day, made by hand: each service's history, pinned
/// weights (so the snapshots do not move when the default weights do), and a freeze. Assessed
/// with it, the fixture's changes carry every flag the board shows: CHG-0001041 and CHG-0001044
/// conflict (both touch Order Service from 15:30 to 16:00), CHG-0001043 and CHG-0001046 fall in
/// the freeze, CHG-0001042 and CHG-0001046 need a mandatory review, and CHG-0001043's score is
/// over the threshold.
enum AssessmentFixture {
    static let freeze = Freeze(id: "FRZ-1", from: BoardFixture.at("17:30:00"), to: BoardFixture.at("18:30:00"),
                               reason: "payments audit", addedBy: BoardFixture.chair)

    static let history: [String: ServiceHistory] = [
        "Postgres Main": ServiceHistory(changes: 120, changesWithIncident: 6, lastIncident: incident("INC-311", "2026-11-13T10:00:00Z")),
        "Order Service": ServiceHistory(changes: 200, changesWithIncident: 8, lastIncident: incident("INC-318", "2026-11-20T16:30:00Z")),
        "API Gateway": ServiceHistory(changes: 80, changesWithIncident: 1, lastIncident: incident("INC-290", "2026-10-28T07:15:00Z")),
        "Checkout Web": ServiceHistory(changes: 150, changesWithIncident: 3),
        "Notification Worker": ServiceHistory(changes: 40, changesWithIncident: 12, lastIncident: incident("INC-322", "2026-11-26T21:00:00Z")),
    ]

    /// The uncalibrated default's weights as they were when the snapshots were recorded.
    static let policy = RiskPolicy(threshold: 0.25, calibration: RiskCalibration(
        id: "CAL-1", calibratedAt: BoardFixture.at("06:00:00"), since: nil, until: BoardFixture.at("06:00:00"), changes: 5000,
        incidents: 120, brier: 0.03, defaultBrier: 0.04, model: RiskModel(intercept: -4.6, weights: [0.25, 0.35, 8.0, 0.7, 0.8]),
        means: [0, 0, 0, 0, 0], deviations: [1, 1, 1, 1, 1]))

    static let context = RiskContext(graph: ServiceGraph(BoardFixture.services), history: history, policy: policy, freezes: [freeze],
                                      neighbours: BoardFixture.changes + [BoardFixture.lateChange])

    static func assess(_ change: Change) -> ChangeAssessment { context.assess(change) }

    private static func incident(_ id: String, _ openedAt: String) -> LastIncident {
        LastIncident(id: id, openedAt: (try? Timestamp(iso8601: openedAt)) ?? Timestamp(milliseconds: 0))
    }
}
