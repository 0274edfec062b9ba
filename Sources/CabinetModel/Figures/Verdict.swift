/// Does the board add value? The article's three tests, each judged on its own axis (`VerdictAxis`):
/// value (pass-through), safety (incidents of approved changes) and speed (mean approval latency).
/// The verdict names every failing axis; it is healthy only when all three hold. Every threshold and
/// band of the verdict is one of the constants below (README, "The verdict").
public struct Verdict: Hashable, Sendable, Encodable {
    /// The worst of the axes: theater (value and safety failing), then not catching risks, bottleneck,
    /// rubber stamp; healthy when none fails and all are judged; insufficient data when none fails and
    /// an axis has too few changes to judge.
    public enum Kind: String, Sendable, Encodable {
        case theater, bottleneck, healthy
        case notCatchingRisks = "not-catching-risks"
        case rubberStamp = "rubber-stamp"
        case insufficientData = "insufficient-data"
    }

    public let kind: Kind
    /// Value, safety and speed, in that order.
    public let axes: [VerdictAxis]
    /// One line per axis, then remarks (the CAB share).
    public let reasons: [String]

    /// Value fails above this pass-through rate: the board approves without changing anything.
    public static let rubberStampRate = 0.95
    /// Value warns above this pass-through rate (the band 90–95%).
    public static let passThroughWarningRate = 0.90
    /// Speed: the mean submission-to-approval latency should be at most this, in hours; above it warns.
    public static let latencyTargetHours = 4.0
    /// Speed fails above this mean latency, in hours (the warning band is 4–8 h).
    public static let latencyFailingHours = 8.0
    /// Value is not judged on fewer first decisions than this.
    public static let minimumReviews = 20
    /// Safety and speed are not judged on fewer approved changes than this (for each route compared).
    public static let minimumApprovals = 20
    /// Safety: the board counts as "no better than peer review" when the 95% interval on the
    /// difference of their incident rates rules out a reduction of this share of peer review's rate.
    public static let meaningfulReduction = 0.25
    /// Above this share of all changes reaching the board, the verdict remarks on it (not an axis).
    public static let cabShareGoal = 0.10

    public init(_ figures: Figures) {
        let board = figures.board
        axes = [
            VerdictAxis.value(board),
            VerdictAxis.safety(board, peer: figures.figures(for: .peer)?.figures, weeks: figures.weekly),
            VerdictAxis.speed(board),
        ]
        let failing = Set(axes.filter { $0.status == .failing }.map(\.name))
        kind = if failing.isSuperset(of: [.value, .safety]) {
            .theater
        } else if failing.contains(.safety) {
            .notCatchingRisks
        } else if failing.contains(.speed) {
            .bottleneck
        } else if failing.contains(.value) {
            .rubberStamp
        } else if axes.contains(where: { $0.status == .tooFew }) {
            .insufficientData
        } else {
            .healthy
        }
        var reasons = axes.map(\.line)
        if let share = figures.cabShare, share > Verdict.cabShareGoal {
            reasons.append("\(FigureText.percent(share)) of all changes reach the board (goal under \(FigureText.percent(Verdict.cabShareGoal)))")
        }
        self.reasons = reasons
    }

    /// The axes that fail, in the axes' order.
    public var failing: [VerdictAxis.Name] { axes.filter { $0.status == .failing }.map(\.name) }

    /// "Bottleneck, not catching risks", "Healthy", "Healthy, watch speed", "Not enough data to judge safety".
    public var headline: String {
        let failing = failing
        if !failing.isEmpty {
            let theater = failing.contains(.value) && failing.contains(.safety)
            let names = (theater ? ["theater"] : []) + failing.compactMap { name -> String? in
                switch name {
                case .value: theater ? nil : "rubber stamp"
                case .safety: theater ? nil : "not catching risks"
                case .speed: "bottleneck"
                }
            }
            return capitalized(names.joined(separator: ", "))
        }
        let unjudged = axes.filter { $0.status == .tooFew }.map(\.name.rawValue)
        if !unjudged.isEmpty { return "Not enough data to judge " + unjudged.joined(separator: ", ") }
        let warned = axes.filter { $0.status == .warning }.map(\.name.rawValue)
        return warned.isEmpty ? "Healthy" : "Healthy, watch " + warned.joined(separator: ", ")
    }

    /// One line: the headline and its reasons.
    public var line: String { "\(headline): " + reasons.joined(separator: "; ") }

    /// The headline and each axis in a few words, for the panel: "Bottleneck: value ok (…) · safety ok (…) · …".
    public func briefLine(separator: String) -> String { "\(headline): " + axes.map(\.brief).joined(separator: " \(separator) ") }

    private func capitalized(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }

    enum CodingKeys: String, CodingKey { case kind, headline, failing, axes, reasons }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(headline, forKey: .headline)
        try container.encode(failing, forKey: .failing)
        try container.encode(axes, forKey: .axes)
        try container.encode(reasons, forKey: .reasons)
    }
}
