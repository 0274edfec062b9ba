/// The service catalogue as a graph, indexed for fast walks: each service's direct consumers
/// (the services that depend on it) are the reverse of `dependsOn`.
public struct ServiceGraph: Sendable {
    public let services: [Service]
    private let index: [String: Int]
    private let consumers: [[Int]]

    public init(_ services: [Service]) {
        self.services = services
        var index: [String: Int] = [:]
        index.reserveCapacity(services.count)
        for (position, service) in services.enumerated() where index[service.name] == nil { index[service.name] = position }
        var consumers = Array(repeating: [Int](), count: services.count)
        for (position, service) in services.enumerated() {
            for dependency in service.dependsOn {
                if let upstream = index[dependency] { consumers[upstream].append(position) }
            }
        }
        self.index = index
        self.consumers = consumers
    }

    public func service(named name: String) -> Service? { index[name].map { services[$0] } }

    /// The blast radius of touching `touched`: the services themselves, their direct consumers,
    /// the consumers of those and so on, and the teams that own them all.
    public func impact(of touched: [String]) -> BlastRadius {
        var distance = Array(repeating: -1, count: services.count)
        var frontier: [Int] = []
        var unknown: [String] = []
        for name in touched {
            guard let position = index[name] else { unknown.append(name); continue }
            if distance[position] < 0 { distance[position] = 0; frontier.append(position) }
        }
        var direct: [String] = [], transitive: [String] = []
        var teams = Set(frontier.map { services[$0].team })
        var level = 0
        while !frontier.isEmpty {
            level += 1
            var next: [Int] = []
            for position in frontier {
                for consumer in consumers[position] where distance[consumer] < 0 {
                    distance[consumer] = level
                    next.append(consumer)
                    teams.insert(services[consumer].team)
                    if level == 1 { direct.append(services[consumer].name) } else { transitive.append(services[consumer].name) }
                }
            }
            frontier = next
        }
        var seen = Set<String>()
        return BlastRadius(touched: touched.filter { seen.insert($0).inserted }, direct: direct.sorted(), transitive: transitive.sorted(),
                           teams: teams.sorted(), unknown: unknown)
    }

    /// A dependency cycle, as the names along it from a service back to itself (`A → B → A`
    /// reads "A depends on B, which depends on A"); `nil` when the graph has none.
    public func cycle() -> [String]? {
        enum Mark { case unvisited, onPath, done }
        var marks = Array(repeating: Mark.unvisited, count: services.count)
        for root in services.indices where marks[root] == .unvisited {
            // An explicit stack of (service, next dependency to follow), so deep graphs cannot overflow.
            var stack: [(node: Int, next: Int)] = [(root, 0)]
            marks[root] = .onPath
            while let top = stack.last {
                let dependencies = services[top.node].dependsOn
                guard top.next < dependencies.count else {
                    marks[top.node] = .done
                    stack.removeLast()
                    continue
                }
                stack[stack.count - 1].next += 1
                guard let dependency = index[dependencies[top.next]] else { continue }
                switch marks[dependency] {
                case .unvisited:
                    marks[dependency] = .onPath
                    stack.append((dependency, 0))
                case .onPath:
                    let path = stack.map(\.node).drop(while: { $0 != dependency }).map { services[$0].name }
                    return path + [services[dependency].name]
                case .done:
                    continue
                }
            }
        }
        return nil
    }
}
