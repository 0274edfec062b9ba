/// The article's deployment strategy for each category × risk: the safer the rollout, the
/// higher the risk.
public enum DeploymentStrategy {
    public static func suggested(category: ChangeCategory, risk: Risk) -> String {
        switch (category, risk) {
        case (.singleService, .low): "standard deploy"
        case (.singleService, .medium): "canary release"
        case (.singleService, .high): "blue-green with manual gate"
        case (.multiService, .low): "coordinated rollout"
        case (.multiService, .medium): "phased deployment"
        case (.multiService, .high): "maintenance window"
        case (.databaseSchema, .low): "backward-compatible migration"
        case (.databaseSchema, .medium): "dual-write period"
        case (.databaseSchema, .high): "scheduled downtime"
        case (.infrastructure, .low): "IaC apply with plan review"
        case (.infrastructure, .medium): "staged rollout by region"
        case (.infrastructure, .high): "full CAB"
        case (.thirdPartyIntegration, .low): "feature-flagged activation"
        case (.thirdPartyIntegration, .medium): "shadow traffic testing"
        case (.thirdPartyIntegration, .high): "parallel run with fallback"
        }
    }
}
