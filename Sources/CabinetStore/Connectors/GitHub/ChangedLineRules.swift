import Foundation
import CabinetModel
/// The configuration areas that need the board, read from the lines a diff changes in
/// Kubernetes YAML (`*.yaml`, `*.yml`) and Terraform (`*.tf`, `*.tfvars`): the keys and kinds
/// that set resource limits, network policy and IAM. A changed line counts whether added or removed.
enum ChangedLineRules {
    /// Words (lower-case) whose presence on a changed YAML line marks the area.
    static let kubernetes: [(ConfigArea, [String])] = [
        (.resourceLimits, ["limits:", "requests:", "cpu:", "memory:", "ephemeral-storage:", "kind: resourcequota", "kind: limitrange",
                           "kind: horizontalpodautoscaler", "minreplicas:", "maxreplicas:", "hard:"]),
        (.networking, ["kind: networkpolicy", "kind: ingress", "ingress:", "egress:", "ipblock:", "cidr:", "hostnetwork:", "policytypes:",
                       "namespaceselector:", "loadbalancersourceranges:"]),
        (.iam, ["kind: role", "kind: clusterrole", "kind: rolebinding", "kind: clusterrolebinding", "kind: serviceaccount", "serviceaccountname:",
                "verbs:", "apigroups:", "roleref:", "eks.amazonaws.com/role-arn", "iam.gke.io/gcp-service-account", "automountserviceaccounttoken:"]),
    ]

    /// Words (lower-case) whose presence on a changed Terraform line marks the area.
    static let terraform: [(ConfigArea, [String])] = [
        (.resourceLimits, ["aws_autoscaling_group", "aws_appautoscaling", "min_size", "max_size", "desired_capacity", "max_capacity",
                           "min_capacity", "reserved_concurrent_executions", "memory_size", "limits", "requests", "cpu", "memory"]),
        (.networking, ["aws_security_group", "aws_network_acl", "aws_vpc", "aws_subnet", "aws_route", "google_compute_firewall",
                       "azurerm_network_security", "ingress", "egress", "cidr_blocks", "cidr_block", "from_port", "to_port", "source_ranges"]),
        (.iam, ["aws_iam_", "_iam_member", "_iam_binding", "_iam_policy", "azurerm_role_assignment", "assume_role_policy", "actions",
                "\"action\"", "principals", "\"principal\"", "policy_arn", "role ="]),
    ]

    /// The areas the changed `lines` of the file at `path` touch, in `ConfigArea` order.
    static func touches(path: String, lines: [String]) -> [ConfigArea] {
        let lower = path.lowercased()
        let rules: [(ConfigArea, [String])]
        if lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") { rules = kubernetes }
        else if lower.hasSuffix(".tf") || lower.hasSuffix(".tfvars") { rules = terraform }
        else { return [] }
        let changed = lines.map { $0.lowercased().trimmingCharacters(in: .whitespaces) }.filter { !$0.hasPrefix("#") && !$0.hasPrefix("//") }
        return rules.filter { _, words in changed.contains { line in words.contains { line.contains($0) } } }.map(\.0)
    }
}
