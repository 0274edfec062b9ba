/// Another change deploying at the same time on the same or dependent services: flagged on both.
public struct Conflict: Hashable, Sendable {
    /// The other change's id and title.
    public var other: String
    public var otherTitle: String
    /// Where the two windows overlap.
    public var overlapStart: Timestamp
    public var overlapEnd: Timestamp
    /// The same for both changes: `both touch Order Service` or `Checkout Web depends on Order Service`.
    public var reason: String

    public init(other: String, otherTitle: String, overlapStart: Timestamp, overlapEnd: Timestamp, reason: String) {
        self.other = other; self.otherTitle = otherTitle; self.overlapStart = overlapStart; self.overlapEnd = overlapEnd; self.reason = reason
    }

    /// States in which a change may still deploy, so its window can collide with another's.
    public static let pendingStates: [ChangeState] = [.new, .assess, .authorize, .scheduled, .implement]

    /// The conflicts of `change` with `others`: windows overlapping, and services shared or one
    /// side's services depending directly on the other's.
    public static func find(for change: Change, among others: [Change], graph: ServiceGraph) -> [Conflict] {
        guard let start = change.windowStart, let end = change.windowEnd, pendingStates.contains(change.state) else { return [] }
        var conflicts: [Conflict] = []
        for other in others where other.id != change.id && pendingStates.contains(other.state) {
            guard let otherStart = other.windowStart, let otherEnd = other.windowEnd, start < otherEnd, otherStart < end else { continue }
            guard let reason = reason(change, other, graph: graph) else { continue }
            conflicts.append(Conflict(other: other.id, otherTitle: other.title, overlapStart: max(start, otherStart),
                                      overlapEnd: min(end, otherEnd), reason: reason))
        }
        return conflicts.sorted { ($0.overlapStart, $0.other) < ($1.overlapStart, $1.other) }
    }

    /// Why two changes' services collide, named so both changes read the same sentence: a
    /// service both touch, or a touched service that depends directly on one the other touches;
    /// `nil` when they are independent.
    static func reason(_ a: Change, _ b: Change, graph: ServiceGraph) -> String? {
        let shared = a.services.filter(b.services.contains)
        if !shared.isEmpty { return "both touch \(shared.joined(separator: ", "))" }
        // Ordered by id so the sentence does not depend on which change is assessed.
        let (first, second) = a.id < b.id ? (a, b) : (b, a)
        for (downstream, upstream) in [(first, second), (second, first)] {
            for consumer in downstream.services {
                if let provider = graph.service(named: consumer)?.dependsOn.first(where: upstream.services.contains) {
                    return "\(consumer) depends on \(provider)"
                }
            }
        }
        return nil
    }
}
