import CabinetModel

/// One change's card as a message: the heading, the facts, the four fields, readiness, then
/// impact and risk, as labelled raw text. `CardMarkdown` and `CardSlack` lay it out, each
/// escaping every value for its own target.
public struct ChangeCard: Sendable {
    /// A label written here and a value that may come from the store.
    public typealias Field = (label: String, value: String)

    /// `CHG-1: Add index on orders.created_at`.
    public var heading: String
    /// Owner, team, type, category, risk, route and state on one line.
    public var facts: String
    public var services: String
    /// Blast radius, rollback plan, verification and window, `—` where one is missing.
    public var fourFields: [Field]
    public var isReady: Bool
    /// `Ready for the board.` or `Not ready: …` with what to fix.
    public var readiness: String
    /// Impact, teams, risk score, flags and lessons.
    public var assessment: [Field]

    public init(_ change: Change, assessment: ChangeAssessment, now: Timestamp) {
        heading = "\(change.id): \(change.title)"
        facts = "owner \(change.owner) (\(change.team)) · \(change.type.rawValue) · \(change.category.rawValue) · \(change.risk.rawValue) risk"
            + " · route \(change.route.rawValue) · \(change.state.rawValue)"
        services = change.services.isEmpty ? "—" : change.services.joined(separator: ", ")
        func stated(_ text: String) -> String { text.isBlank ? "—" : text }
        fourFields = [
            ("Blast radius", stated(change.blastRadius)),
            ("Rollback plan", stated(change.rollbackPlan) + " (\(change.rollbackMinutes.map { "\($0) min" } ?? "time not stated"))"),
            ("Verification", stated(change.verification)),
            ("Window", "\(change.windowStart.map(\.iso8601) ?? "—") → \(change.windowEnd.map(\.iso8601) ?? "—")"),
        ]
        let readiness = Readiness(change: change, now: now)
        isReady = readiness.isReady
        self.readiness = readiness.isReady ? "Ready for the board." : "Not ready: " + readiness.problems.joined(separator: "; ")
        self.assessment = RiskSummary.fields(assessment, now: now) + assessment.lessons.map { ("Lesson", $0.line) }
    }
}
