/// Does the board add value? The article's rules, applied to a period's figures: a board that
/// rejects nothing and catches nothing is theater; one that rejects much and slows delivery is
/// a bottleneck; otherwise it is healthy. The reasons name the figures that led there.
public struct Verdict: Hashable, Sendable, Encodable {
    public enum Kind: String, Sendable, Encodable {
        case theater, bottleneck, healthy
        case insufficientData = "insufficient-data"
    }

    public let kind: Kind
    public let reasons: [String]

    /// Above this pass-through rate the board approves without changing anything.
    public static let rubberStampRate = 0.95
    /// At or above this share of rejections and deferrals the board "rejects much".
    public static let heavyRejectionRate = 0.20
    /// Submission to approval should take at most this long (median), in hours.
    public static let latencyTargetHours = 4.0

    public init(_ figures: Figures) {
        let board = figures.board
        guard let passThrough = board.passThroughRate else {
            kind = .insufficientData
            reasons = ["no board decisions in the period"]
            return
        }
        let peerRate = figures.figures(for: .peer)?.figures.incidentRate
        let rejecting = (board.rejectedRate ?? 0) + (board.deferredRate ?? 0)
        let median = board.approvalLatency.medianHours
        var reasons: [String] = []

        let rubberStamp = passThrough > Verdict.rubberStampRate
        // The board catches something only if its approvals are shown to be safer than peer review's.
        let saferThanPeer = board.incidentRate.flatMap { boardRate in peerRate.map { boardRate < $0 } } ?? false
        let slow = median.map { $0 > Verdict.latencyTargetHours } ?? false
        let percent = FigureText.percent

        if rubberStamp {
            reasons.append("pass-through \(percent(passThrough)) is over \(percent(Verdict.rubberStampRate)): the board approves without changing anything")
        } else {
            reasons.append("pass-through \(percent(passThrough)): the board changes or stops \(percent(1 - passThrough)) of what it sees")
        }
        if let boardRate = board.incidentRate, let peerRate {
            reasons.append(!saferThanPeer
                ? "incidents per approved change \(percent(boardRate)), no better than peer review's \(percent(peerRate))"
                : "incidents per approved change \(percent(boardRate)), below peer review's \(percent(peerRate))")
        } else if let boardRate = board.incidentRate {
            reasons.append("incidents per approved change \(percent(boardRate)); no peer-reviewed changes to compare")
        }
        if rejecting >= Verdict.heavyRejectionRate {
            reasons.append("rejected or deferred \(percent(rejecting)) of its reviews")
        }
        if let median {
            reasons.append(slow
                ? "median approval \(FigureText.hours(median)), over the \(Int(Verdict.latencyTargetHours)) h target"
                : "median approval \(FigureText.hours(median)), within the \(Int(Verdict.latencyTargetHours)) h target")
        }
        if let share = figures.cabShare, share > 0.10 {
            reasons.append("\(percent(share)) of all changes reach the board (goal under 10%)")
        }

        if rubberStamp && !saferThanPeer {
            kind = .theater
        } else if rejecting >= Verdict.heavyRejectionRate && slow {
            kind = .bottleneck
        } else {
            kind = .healthy
        }
        self.reasons = reasons
    }

    /// One line: the kind and its reasons.
    public var line: String {
        let name: String = switch kind {
        case .theater: "Theater"
        case .bottleneck: "Bottleneck"
        case .healthy: "Healthy"
        case .insufficientData: "Not enough data"
        }
        return "\(name): " + reasons.joined(separator: "; ")
    }
}
