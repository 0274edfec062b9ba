/// The services' record replayed in the order things happened, for features that may see only
/// what was known at the time: a change counts from its submission on, and the incident it
/// caused from the moment that incident was opened. A calibration's samples use it, so that no
/// change is scored with incidents that came after it (held-out changes included).
public struct ServiceHistoryReplay: Sendable {
    /// Each service's record as of the last `advance(to:)`, with the changes added since.
    public private(set) var history: [String: ServiceHistory] = [:]
    /// When each causing change's first incident was opened, oldest first.
    private let incidents: [(change: String, openedAt: Timestamp)]
    private var nextIncident = 0
    /// The services of the causing changes counted so far.
    private var servicesOfCauses: [String: [String]] = [:]
    private let causes: Set<String>
    /// Causing changes whose incident was opened before the change itself was counted.
    private var openedBeforeCounted: Set<String> = []

    /// A replay over the changes that caused incidents, each with the opening time of its first one.
    public init(firstIncidents: [String: Timestamp]) {
        incidents = firstIncidents.map { (change: $0.key, openedAt: $0.value) }
            .sorted { ($0.openedAt.milliseconds, $0.change) < ($1.openedAt.milliseconds, $1.change) }
        causes = Set(firstIncidents.keys)
    }

    /// Counts the incidents opened before `time` against their changes' services.
    public mutating func advance(to time: Timestamp) {
        while nextIncident < incidents.count, incidents[nextIncident].openedAt < time {
            let change = incidents[nextIncident].change
            if let services = servicesOfCauses[change] {
                count(incidentOf: services)
            } else {
                openedBeforeCounted.insert(change)
            }
            nextIncident += 1
        }
    }

    /// Counts a change submitted now against each of its services.
    public mutating func add(change: String, services: [String]) {
        for service in services { history[service, default: ServiceHistory()].changes += 1 }
        guard causes.contains(change) else { return }
        servicesOfCauses[change] = services
        if openedBeforeCounted.remove(change) != nil { count(incidentOf: services) }
    }

    private mutating func count(incidentOf services: [String]) {
        for service in services { history[service, default: ServiceHistory()].changesWithIncident += 1 }
    }
}
