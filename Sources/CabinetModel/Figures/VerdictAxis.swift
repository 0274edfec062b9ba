/// One of the article's three tests of a board, judged on its own: value (pass-through), safety
/// (incidents of approved changes: their rate, its trend and peer review's) and speed (mean
/// submission-to-approval latency). Each is ok, warning or failing with the figures that decided it,
/// or `tooFew` when the sample is below the stated minimum. The bands live in `Verdict`.
public struct VerdictAxis: Hashable, Sendable, Encodable {
    public enum Name: String, Sendable, Encodable, CaseIterable {
        case value, safety, speed
    }

    public enum Status: String, Sendable, Encodable {
        case ok, warning, failing
        case tooFew = "too-few"
    }

    public let name: Name
    public let status: Status
    /// The figures that decided the status, in words.
    public let reason: String
    /// Reviews (value) or approved changes (safety, speed) the axis is judged on.
    public let sample: Int
    /// Below this sample the axis is not judged.
    public let minimumSample: Int
    /// Pass-through (value) or incidents per approved change (safety), with its Wilson interval.
    public internal(set) var rate: Double?
    public internal(set) var interval: RateInterval?
    /// Safety: approved changes linked to an incident (the rate's numerator).
    public internal(set) var incidents: Int?
    /// Safety: the weekly trend of the incident rate.
    public internal(set) var trend: Trend?
    /// Safety: peer review's rate, its interval and sample, and Newcombe's interval on board − peer.
    public internal(set) var peerRate: Double?
    public internal(set) var peerInterval: RateInterval?
    public internal(set) var peerSample: Int?
    public internal(set) var difference: Double?
    public internal(set) var differenceInterval: RateInterval?
    /// Speed: the judged mean and, beside it, the median and p90, in hours.
    public internal(set) var meanHours: Double?
    public internal(set) var medianHours: Double?
    public internal(set) var p90Hours: Double?

    init(_ name: Name, _ status: Status, _ reason: String, sample: Int, minimumSample: Int) {
        self.name = name
        self.status = status
        self.reason = reason
        self.sample = sample
        self.minimumSample = minimumSample
    }

    /// "value failing: pass-through 97.0% …".
    public var line: String { "\(name.rawValue) \(judged): \(reason)" }

    /// A few words for the panel: "safety failing (incidents 2.0% vs peer review's 2.0%)".
    public var brief: String {
        let figure: String = switch name {
        case .value: rate.map { "pass-through \(FigureText.percent($0))" } ?? "\(sample) reviews"
        case .safety:
            switch (rate, peerRate) {
            case let (rate?, peer?): "incidents \(FigureText.percent(rate)) vs peer review's \(FigureText.percent(peer)), n = \(incidents ?? 0)"
            case let (rate?, nil): "incidents \(FigureText.percent(rate)), trend \((trend ?? .flat).rawValue)"
            default: "\(sample) approved"
            }
        case .speed: meanHours.map { "mean approval \(FigureText.hours($0))" } ?? "\(sample) approved"
        }
        return "\(name.rawValue) \(judged) (\(figure))"
    }

    private var judged: String { status == .tooFew ? "not judged" : status.rawValue }
}

extension VerdictAxis {
    /// Value: pass-through over `Verdict.rubberStampRate` fails, over `Verdict.passThroughWarningRate` warns.
    static func value(_ board: ReviewFigures) -> VerdictAxis {
        let minimum = Verdict.minimumReviews
        guard board.reviewed >= minimum, let rate = board.passThroughRate else {
            return VerdictAxis(.value, .tooFew, "too few reviews to judge pass-through (n = \(board.reviewed), at least \(minimum) needed)",
                               sample: board.reviewed, minimumSample: minimum)
        }
        let interval = RateInterval.wilson(board.passedThrough, of: board.reviewed)
        let figure = "pass-through \(percent(rate)) \(ciText(interval)), n = \(board.reviewed)"
        let line = percent(Verdict.rubberStampRate)
        var axis = if rate > Verdict.rubberStampRate {
            VerdictAxis(.value, .failing, "\(figure) is over \(line): the board approves without changing anything", sample: board.reviewed,
                        minimumSample: minimum)
        } else if rate > Verdict.passThroughWarningRate {
            VerdictAxis(.value, .warning, "\(figure) is near the \(line) line (warning over \(percent(Verdict.passThroughWarningRate)))",
                        sample: board.reviewed, minimumSample: minimum)
        } else {
            VerdictAxis(.value, .ok, "\(figure): the board changes or stops \(percent(1 - rate)) of what it sees", sample: board.reviewed,
                        minimumSample: minimum)
        }
        axis.rate = rate
        axis.interval = interval
        return axis
    }

    /// Safety: the board's incidents per approved change against peer review's, by Newcombe's interval
    /// on the difference, and their trend (`incidentTrend`); without a peer comparison the trend alone decides.
    static func safety(_ board: ReviewFigures, peer: ReviewFigures?, weeks: [WeekFigures]) -> VerdictAxis {
        let trend = incidentTrend(weeks)
        let minimum = Verdict.minimumApprovals
        let n = board.approved, k = board.approvedWithIncident
        guard n >= minimum, let rate = board.incidentRate else {
            return VerdictAxis(.safety, .tooFew, "too few approved changes to judge incidents (n = \(n), at least \(minimum) needed)",
                               sample: n, minimumSample: minimum)
        }
        let interval = RateInterval.wilson(k, of: n)
        let figure = "incidents per approved change \(percent(rate)) \(ciText(interval)), \(k) of \(n), trend \(trend.rawValue)"
        var axis: VerdictAxis
        if k == 0 {
            axis = VerdictAxis(.safety, .ok, "no incidents from \(n) approved changes \(ciText(interval))", sample: n, minimumSample: minimum)
        } else if let peer, peer.approved >= minimum, let peerRate = peer.incidentRate,
                  let difference = RateInterval.newcombe(k, of: n, minus: peer.approvedWithIncident, of: peer.approved) {
            let versus = "peer review's \(percent(peerRate)) \(ciText(RateInterval.wilson(peer.approvedWithIncident, of: peer.approved)))"
            let gap = "difference \(signedPoints(rate - peerRate)), \(ciText(difference, signed: true))"
            if difference.isBelow(0) {
                axis = VerdictAxis(.safety, trend == .up ? .warning : .ok,
                                   "\(figure), safer than \(versus) (\(gap))\(trend == .up ? ", but rising" : "")", sample: n, minimumSample: minimum)
            } else if difference.isAbove(-Verdict.meaningfulReduction * peerRate) {
                axis = VerdictAxis(.safety, trend == .down ? .warning : .failing,
                                   "\(figure), no better than \(versus) (\(gap)): \(trend == .down ? "falling, but " : "")not catching risks",
                                   sample: n, minimumSample: minimum)
            } else {
                axis = VerdictAxis(.safety, .tooFew, "\(figure); too few incidents to tell against \(versus) (n = \(k), \(gap))",
                                   sample: n, minimumSample: minimum)
            }
            axis.peerRate = peerRate
            axis.peerInterval = RateInterval.wilson(peer.approvedWithIncident, of: peer.approved)
            axis.peerSample = peer.approved
            axis.difference = rate - peerRate
            axis.differenceInterval = difference
        } else {
            let status: Status = switch trend {
            case .down: .ok
            case .flat: .warning
            case .up: .failing
            }
            let word = switch trend {
            case .down: "trending toward zero"
            case .flat: "not trending toward zero"
            case .up: "rising: not catching risks"
            }
            axis = VerdictAxis(.safety, status, "\(figure), \(word); too few peer-reviewed approvals to compare", sample: n, minimumSample: minimum)
        }
        axis.rate = rate
        axis.interval = interval
        axis.incidents = k
        axis.trend = trend
        return axis
    }

    /// The direction of the board's incident rate only where the counts show one: over the last
    /// `Trend.window` weeks, the later half's pooled rate against the earlier half's, down or up when
    /// Newcombe's interval on their difference excludes zero, flat otherwise (or when a half has no approvals).
    static func incidentTrend(_ weeks: [WeekFigures]) -> Trend {
        let window = weeks.suffix(Trend.window).map(\.figures)
        let earlier = window.prefix(window.count / 2), later = window.suffix(window.count - window.count / 2)
        let pooled = { (half: ArraySlice<ReviewFigures>) in (half.reduce(0) { $0 + $1.approvedWithIncident }, half.reduce(0) { $0 + $1.approved }) }
        let (before, after) = (pooled(earlier), pooled(later))
        guard let change = RateInterval.newcombe(after.0, of: after.1, minus: before.0, of: before.1) else { return .flat }
        return change.isBelow(0) ? .down : change.isAbove(0) ? .up : .flat
    }

    /// Speed: the mean submission-to-approval latency over `Verdict.latencyFailingHours` fails, over
    /// `Verdict.latencyTargetHours` warns; the median and p90 stand beside it.
    static func speed(_ board: ReviewFigures) -> VerdictAxis {
        let minimum = Verdict.minimumApprovals
        let latency = board.approvalLatency
        guard board.approved >= minimum, let mean = latency.meanHours else {
            return VerdictAxis(.speed, .tooFew, "too few approvals to judge latency (n = \(board.approved), at least \(minimum) needed)",
                               sample: board.approved, minimumSample: minimum)
        }
        let target = Int(Verdict.latencyTargetHours), failing = Int(Verdict.latencyFailingHours)
        let beside = "median \(FigureText.hours(latency.medianHours)), p90 \(FigureText.hours(latency.p90Hours)), n = \(board.approved)"
        let status: Status = mean > Verdict.latencyFailingHours ? .failing : mean > Verdict.latencyTargetHours ? .warning : .ok
        let judged = switch status {
        case .failing: "over \(failing) h (target \(target) h): the board slows delivery"
        case .warning: "over the \(target) h target (warning up to \(failing) h)"
        default: "within the \(target) h target"
        }
        var axis = VerdictAxis(.speed, status, "mean approval \(FigureText.hours(mean)) \(judged) (\(beside))", sample: board.approved,
                               minimumSample: minimum)
        axis.meanHours = mean
        axis.medianHours = latency.medianHours
        axis.p90Hours = latency.p90Hours
        return axis
    }

    private static func percent(_ share: Double) -> String { FigureText.percent(share) }

    /// "(95% CI 71.2–73.4%)", or the signed form for a difference in percentage points.
    static func ciText(_ interval: RateInterval?, signed: Bool = false) -> String {
        guard let interval else { return "" }
        if signed { return "95% CI \(signedPoints(interval.low)) to \(signedPoints(interval.high))" }
        let low = String(format: "%.1f", interval.low * 100), high = String(format: "%.1f", interval.high * 100)
        return "(95% CI \(low)–\(high)%)"
    }

    /// A difference of rates in percentage points: "+1.2 pt", "-0.4 pt".
    static func signedPoints(_ difference: Double) -> String { String(format: "%+.1f pt", difference * 100) }
}
