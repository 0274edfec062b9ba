import Foundation

/// What the risk score is made of, each turned into a number the model weighs.
public enum RiskFeature: String, Vocabulary {
    /// log2(1 + files changed); 0 when not stated.
    case filesChanged = "files-changed"
    /// log2(1 + services in the blast radius).
    case servicesAffected = "services-affected"
    /// The highest incident rate among the touched services (a share, 0…1).
    case incidentRate = "incident-rate"
    /// 1 for a database migration (schema category or `hasMigration`), else 0.
    case migration
    /// How many config areas needing mandatory review the change touches (0…3).
    case configFlags = "config-flags"

    /// The words a reviewer reads in the score's parts.
    public var label: String {
        switch self {
        case .filesChanged: "files changed"
        case .servicesAffected: "services affected"
        case .incidentRate: "incident rate of services"
        case .migration: "database migration"
        case .configFlags: "config flags"
        }
    }
}

/// One change's features, in `RiskFeature.allCases` order, with what each was made from.
public struct RiskFeatures: Hashable, Sendable {
    public var values: [Double]
    /// The readable source of each value: `40 files`, `3 services`, `2.5%`, `yes`, `iam`.
    public var sources: [String]

    public init(change: Change, radius: BlastRadius, history: [String: ServiceHistory]) {
        let migration = Self.isMigration(hasMigration: change.hasMigration, category: change.category)
        values = Self.values(filesChanged: change.filesChanged, affected: radius.affected.count, services: change.services,
                             migration: migration, configFlags: change.touches.count, history: history)
        sources = [
            change.filesChanged.map { "\($0) files" } ?? "not stated",
            "\(radius.affected.count) service\(radius.affected.count == 1 ? "" : "s")",
            change.services.contains { (history[$0]?.changes ?? 0) > 0 } ? FigureText.percent(values[2]) : "no history",
            migration ? "yes" : "no",
            change.touches.isEmpty ? "none" : change.touches.map(\.rawValue).joined(separator: ", "),
        ]
    }

    /// The feature values, from the parts of a change the store keeps (the one definition both
    /// scoring and calibration use).
    public static func values(
        filesChanged: Int?, affected: Int, services: [String], migration: Bool, configFlags: Int, history: [String: ServiceHistory]
    ) -> [Double] {
        [
            log2(1 + Double(max(0, filesChanged ?? 0))),
            log2(1 + Double(affected)),
            services.map { history[$0]?.incidentRate ?? 0 }.max() ?? 0,
            migration ? 1 : 0,
            Double(configFlags),
        ]
    }

    public static func isMigration(hasMigration: Bool?, category: ChangeCategory?) -> Bool {
        hasMigration == true || category == .databaseSchema
    }
}
