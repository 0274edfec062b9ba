/// Smoke tests after a deployment: passed or failed.
public enum SmokeResult: String, Vocabulary {
    case pass, fail
}

/// A post-deployment verification as recorded: the measurements against the article's gates
/// and whether the release may be called stable.
public struct Verification: Hashable, Sendable {
    public var id: String
    public var change: String
    public var at: Timestamp
    public var by: String
    public var smoke: SmokeResult
    /// Percent of requests failing: 0.05 means 0.05%.
    public var errorRate: Double?
    /// The error rate before the deployment, in percent, when it was already above the bar.
    public var baselineErrorRate: Double?
    /// Change of p99 latency, in percent: 12 means 12% slower.
    public var p99Delta: Double?
    /// How long the release held (or soaked) with these numbers, in minutes.
    public var heldMinutes: Int?
    /// 15, or 30 for a high-risk change.
    public var requiredMinutes: Int

    public init(
        id: String, change: String, at: Timestamp, by: String, smoke: SmokeResult, errorRate: Double? = nil,
        baselineErrorRate: Double? = nil, p99Delta: Double? = nil, heldMinutes: Int? = nil, requiredMinutes: Int
    ) {
        self.id = id; self.change = change; self.at = at; self.by = by; self.smoke = smoke; self.errorRate = errorRate
        self.baselineErrorRate = baselineErrorRate; self.p99Delta = p99Delta; self.heldMinutes = heldMinutes
        self.requiredMinutes = requiredMinutes
    }

    public var gates: [VerificationGate] { VerificationGate.evaluate(self) }

    /// Every gate passed: the release may be called stable.
    public var isStable: Bool { gates.allSatisfy { $0.passed == true } }
}

/// One of the article's release gates and how a verification fared against it.
public struct VerificationGate: Hashable, Sendable {
    public var name: String
    /// `nil` when it was not measured (which keeps the release from being called stable).
    public var passed: Bool?
    public var detail: String

    /// An error rate under this (percent) passes whatever the baseline.
    public static let maximumErrorRate = 0.1
    /// p99 latency may rise at most this much (percent).
    public static let maximumP99Increase = 20.0
    public static let holdMinutes = 15
    /// High-risk changes soak longer.
    public static let highRiskSoakMinutes = 30

    public static func requiredMinutes(highRisk: Bool) -> Int { highRisk ? highRiskSoakMinutes : holdMinutes }

    static func evaluate(_ v: Verification) -> [VerificationGate] {
        var gates = [VerificationGate(name: "smoke", passed: v.smoke == .pass, detail: "smoke tests \(v.smoke == .pass ? "passed" : "failed")")]
        if let rate = v.errorRate {
            let underBar = rate < maximumErrorRate
            let withinBaseline = v.baselineErrorRate.map { rate <= $0 } ?? false
            let bar = v.baselineErrorRate.map { "under \(percent(maximumErrorRate)) or the baseline \(percent($0))" } ?? "under \(percent(maximumErrorRate))"
            gates.append(VerificationGate(name: "error rate", passed: underBar || withinBaseline, detail: "error rate \(percent(rate)) (\(bar))"))
        } else {
            gates.append(VerificationGate(name: "error rate", passed: nil, detail: "error rate not measured (--error-rate)"))
        }
        if let delta = v.p99Delta {
            gates.append(VerificationGate(name: "p99", passed: delta <= maximumP99Increase,
                                          detail: "p99 latency \(delta >= 0 ? "+" : "")\(percent(delta)) (at most +\(percent(maximumP99Increase)))"))
        } else {
            gates.append(VerificationGate(name: "p99", passed: nil, detail: "p99 latency change not measured (--p99-delta)"))
        }
        let hold = v.requiredMinutes > holdMinutes ? "soak" : "hold"
        if let minutes = v.heldMinutes {
            gates.append(VerificationGate(name: hold, passed: minutes >= v.requiredMinutes,
                                          detail: "held \(minutes) min (at least \(v.requiredMinutes)\(hold == "soak" ? ", high risk" : ""))"))
        } else {
            gates.append(VerificationGate(name: hold, passed: nil, detail: "time held not stated (--soak-minutes, at least \(v.requiredMinutes))"))
        }
        return gates
    }

    /// `0.05%`, `12%`: as few decimals as the number needs.
    static func percent(_ value: Double) -> String {
        var text = String(value)
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text + "%"
    }
}
