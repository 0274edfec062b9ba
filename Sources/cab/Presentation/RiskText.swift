import CabinetModel
import TerminalKit
import Foundation

/// The readable forms of `cab impact` and `cab risk`: the blast radius with the last incident,
/// and the score with its parts so a reviewer sees why.
public enum RiskText {
    public static func impact(_ change: Change, _ assessment: ChangeAssessment, graph: ServiceGraph, now: Timestamp) -> String {
        let radius = assessment.impact
        func named(_ services: [String]) -> String {
            services.isEmpty ? "none" : services.map { name in graph.service(named: name).map { "\(name) (\($0.team))" } ?? "\(name) (not in the catalogue)" }
                .joined(separator: ", ")
        }
        var lines = [
            "\(change.id)  \(change.title)",
            radius.sentence(lastIncident: assessment.lastIncident, now: now),
            "  touched:     \(named(radius.touched))",
            "  direct:      \(named(radius.direct))",
            "  transitive:  \(named(radius.transitive))",
            "  teams:       \(radius.teams.isEmpty ? "none" : radius.teams.joined(separator: ", "))",
        ].map(\.inert)
        if let incident = assessment.lastIncident { lines.append("  last incident: \(incident.id) at \(incident.openedAt.iso8601)".inert) }
        return lines.joined(separator: "\n")
    }

    /// The score, each part's contribution to the log-odds, the verdict against the threshold,
    /// and what the model is (calibrated when, or the default), with any warnings.
    public static func risk(_ change: Change, _ score: RiskScore, policy: RiskPolicy, warnings: [String]) -> String {
        var table = TextTable(header: ["part", "from", "value", "weight", "log-odds"], rightAligned: [2, 3, 4])
        table.add(["baseline", "", "", "", signed(score.intercept)])
        for part in score.parts {
            table.add([part.feature.label, part.source, String(format: "%.2f", part.value), String(format: "%.2f", part.weight), signed(part.contribution)])
        }
        table.add(["total", "", "", "", signed(score.logOdds)])
        let model = policy.calibration.map { "weights calibrated \($0.calibratedAt.day) on \($0.changes) changes" } ?? "uncalibrated default weights"
        let verdict = score.isOverThreshold ? "over the \(percent(score.threshold)) threshold: the board reviews it (risk review gate)"
            : "under the \(percent(score.threshold)) threshold"
        var lines = [
            "\(change.id)  \(change.title)".inert,
            "Risk score \(percent(score.probability)) (probability that an incident follows), \(verdict)",
            table.rendered,
            "(\(model))",
        ]
        lines += warnings.map { "warning: \($0)".inert }
        return lines.joined(separator: "\n")
    }

    /// `cab risk` without an id: the threshold, where the weights come from, and the weights.
    public static func policy(_ policy: RiskPolicy, warnings: [String]) -> String {
        let source = policy.calibration.map {
            "calibrated \($0.calibratedAt.iso8601) on \($0.changes) changes (Brier \(String(format: "%.4f", $0.brier)), default \(String(format: "%.4f", $0.defaultBrier)))"
        } ?? "uncalibrated defaults"
        var table = TextTable(header: ["feature", "weight"], rightAligned: [1])
        table.add(["intercept", String(format: "%.3f", policy.model.intercept)])
        for (feature, weight) in zip(RiskFeature.allCases, policy.model.weights) { table.add([feature.rawValue, String(format: "%.3f", weight)]) }
        return (["Risk threshold \(percent(policy.threshold)); weights \(source)", table.rendered] + warnings.map { "warning: \($0)".inert })
            .joined(separator: "\n")
    }

    /// The lines `cab change show` adds: blast radius, score, and flags, drawn inert.
    public static func summary(_ assessment: ChangeAssessment, now: Timestamp) -> [String] {
        RiskSummary.lines(assessment, now: now).map(\.inert)
    }

    /// `12.3%`.
    public static func percent(_ probability: Double) -> String { FigureText.percent(probability) }

    static func signed(_ value: Double) -> String { RiskSummary.signed(value) }
}
