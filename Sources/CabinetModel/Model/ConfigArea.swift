/// Configuration a change may touch that always needs the board's review, whatever the
/// change's stated risk: resource limits, networking rules and IAM permissions.
public enum ConfigArea: String, Vocabulary {
    case resourceLimits = "resource-limits"
    case networking
    case iam
}
