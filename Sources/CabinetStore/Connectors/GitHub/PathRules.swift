import CabinetModel
/// What a pull request's changed paths say: a schema migration (under `migrations/` or a `.sql`
/// file, or the patterns given), the configuration areas that need the board (resource limits,
/// network policy, IAM, read from Kubernetes and Terraform file names), and the services a
/// CODEOWNERS-like map names (`path-prefix service` per line, `#` comments; the longest prefix wins).
public struct PathRules: Sendable {
    public var migrationPatterns: [String]
    /// Path prefix → service.
    public var services: [(prefix: String, service: String)]

    public init(migrationPatterns: [String] = ["migrations/", "*.sql"], services: [(prefix: String, service: String)] = []) {
        self.migrationPatterns = migrationPatterns; self.services = services
    }

    /// Reads a service map: `path-prefix service` per line.
    public static func serviceMap(_ text: String) -> [(prefix: String, service: String)] {
        text.split(whereSeparator: \.isNewline).compactMap { line in
            let words = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0].split(whereSeparator: \.isWhitespace)
            guard words.count >= 2 else { return nil }
            return (String(words[0].drop { $0 == "/" }), String(words[1]))
        }
    }

    func isMigration(_ path: String) -> Bool {
        migrationPatterns.contains { pattern in
            if pattern.hasPrefix("*") { return path.hasSuffix(String(pattern.dropFirst())) }
            return path.hasPrefix(pattern) || path.contains("/" + pattern)
        }
    }

    func service(of path: String) -> String? {
        services.filter { path.hasPrefix($0.prefix) }.max { $0.prefix.count < $1.prefix.count }?.service
    }

    /// The configuration areas the path's name points at.
    func touches(_ path: String) -> [ConfigArea] {
        let lower = path.lowercased()
        var areas: [ConfigArea] = []
        if ["resourcequota", "limitrange", "resources", "hpa", "autoscal"].contains(where: lower.contains) { areas.append(.resourceLimits) }
        if ["networkpolic", "ingress", "security_group", "securitygroup", "firewall", "vpc"].contains(where: lower.contains) { areas.append(.networking) }
        if ["iam", "rbac", "role", "serviceaccount", "policy.json"].contains(where: lower.contains) { areas.append(.iam) }
        return areas
    }
}
