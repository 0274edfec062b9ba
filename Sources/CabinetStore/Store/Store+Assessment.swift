import CabinetModel
extension Store {
    /// A change with what automation finds about it, and the context it was assessed in.
    public func assessedChange(_ id: String, now: Timestamp) throws(CabinetError) -> (change: Change, assessment: ChangeAssessment, context: RiskContext) {
        guard let change = try change(id: id) else { throw .notFound(kind: "change", id: id) }
        let context = try riskContext(for: [change], now: now)
        return (change, context.assess(change), context)
    }

    /// Why the risk weights should not be trusted as they are: never calibrated, calibrated over
    /// 90 days ago, or changes deployed since then no longer look like the ones it learned from.
    public func riskWarnings(policy: RiskPolicy, now: Timestamp) throws(CabinetError) -> [String] {
        var warnings = policy.ageWarning(now: now).map { [$0] } ?? []
        if let calibration = policy.calibration {
            let settled = now.adding(days: -Calibrator.settleDays)
            if calibration.until < settled {
                warnings += RiskDrift.warnings(since: calibration, recent: try riskSamples(since: calibration.until, until: settled, now: now))
            }
        }
        return warnings
    }
}
