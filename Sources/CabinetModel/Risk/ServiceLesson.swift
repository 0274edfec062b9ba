/// A lesson of a closed blameless review, brought back to the next change that touches one of
/// the incident's services: "last incident on Payment Gateway: rollback took 25 min, not 5: 2026-10-14".
public struct ServiceLesson: Hashable, Sendable {
    public var service: String
    public var incident: String
    public var incidentOpenedAt: Timestamp
    /// The lesson's action item (`ACT-4`) and what it says.
    public var lesson: String
    public var text: String

    public init(service: String, incident: String, incidentOpenedAt: Timestamp, lesson: String, text: String) {
        self.service = service; self.incident = incident; self.incidentOpenedAt = incidentOpenedAt; self.lesson = lesson; self.text = text
    }

    /// "last incident on Payment Gateway: rollback took 25 min, not 5: 2026-10-14".
    public var line: String { "last incident on \(service): \(text): \(incidentOpenedAt.day)" }

    /// The latest lesson of each service: the newest incident's, and of its lessons the first recorded.
    public static func latestByService(_ lessons: [ServiceLesson]) -> [String: ServiceLesson] {
        var latest: [String: ServiceLesson] = [:]
        for lesson in lessons {
            if let known = latest[lesson.service], !lesson.isNewer(than: known) { continue }
            latest[lesson.service] = lesson
        }
        return latest
    }

    /// The lessons for a change touching `services`, in the order of its services, one per lesson.
    public static func forServices(_ services: [String], in latest: [String: ServiceLesson]) -> [ServiceLesson] {
        var seen: Set<String> = []
        return services.compactMap { latest[$0] }.filter { seen.insert($0.lesson).inserted }
    }

    private func isNewer(than other: ServiceLesson) -> Bool {
        if incidentOpenedAt != other.incidentOpenedAt { return incidentOpenedAt > other.incidentOpenedAt }
        if incident != other.incident { return incident > other.incident }
        return (ActionItem.number(lesson) ?? Int.max) < (ActionItem.number(other.lesson) ?? Int.max)
    }
}
