/// The board's figures for one group of changes, exactly as DESIGN.md defines them; a share
/// whose denominator is empty is `nil` (JSON `null`), never 0.
public struct ReviewFigures: Hashable, Sendable, Encodable {
    public let reviewed: Int
    /// Of `reviewed`, those approved as they stood on first decision: `passThroughRate`'s numerator.
    public let passedThrough: Int
    public let passThroughRate: Double?
    public let modifiedRate: Double?
    public let rejectedRate: Double?
    public let deferredRate: Double?
    public let approved: Int
    /// Of `approved`, the changes linked to at least one incident: `incidentRate`'s numerator.
    public let approvedWithIncident: Int
    public let incidentCount: Int
    public let incidentRate: Double?
    public let approvalLatency: ApprovalLatency
    /// The latencies' spread, for charts (not part of the JSON report).
    public let latencyHistogram: LatencyHistogram

    public init(_ counts: FigureCounts) {
        reviewed = counts.reviewed
        passedThrough = counts.firstOutcomes[.approved] ?? 0
        let share = { (outcome: Outcome) in ratio(counts.firstOutcomes[outcome] ?? 0, counts.reviewed) }
        passThroughRate = share(.approved)
        modifiedRate = share(.approvedWithConditions)
        rejectedRate = share(.rejected)
        deferredRate = share(.deferred)
        approved = counts.approved
        approvedWithIncident = counts.approvedWithIncident
        incidentCount = counts.incidents
        incidentRate = ratio(counts.approvedWithIncident, counts.approved)
        approvalLatency = ApprovalLatency(milliseconds: counts.latencies)
        latencyHistogram = LatencyHistogram(milliseconds: counts.latencies)
    }

    enum CodingKeys: String, CodingKey {
        case reviewed, passThroughRate, modifiedRate, rejectedRate, deferredRate
        case approved, incidentCount, incidentRate, approvalLatency
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(reviewed, forKey: .reviewed)
        try container.encode(passThroughRate, forKey: .passThroughRate)
        try container.encode(modifiedRate, forKey: .modifiedRate)
        try container.encode(rejectedRate, forKey: .rejectedRate)
        try container.encode(deferredRate, forKey: .deferredRate)
        try container.encode(approved, forKey: .approved)
        try container.encode(incidentCount, forKey: .incidentCount)
        try container.encode(incidentRate, forKey: .incidentRate)
        try container.encode(approvalLatency, forKey: .approvalLatency)
    }
}

/// `part / whole`, or `nil` when `whole` is zero.
func ratio(_ part: Int, _ whole: Int) -> Double? {
    whole == 0 ? nil : Double(part) / Double(whole)
}
