/// A reporting period `[since, until)` in UTC.
public struct Period: Hashable, Sendable {
    public let since: Timestamp
    public let until: Timestamp

    public init(since: Timestamp, until: Timestamp) throws(CabinetError) {
        guard since < until else {
            throw .invalidArgument(name: "--since/--until", problem: "the period is empty: \(since.iso8601) is not before \(until.iso8601)")
        }
        self.since = since
        self.until = until
    }

    /// The `days` days up to `now` (the default report period is 30); at least one day.
    public init(lastDays days: Int64, endingAt now: Timestamp) {
        since = now.adding(days: -max(1, days))
        until = now
    }

    public func contains(_ time: Timestamp) -> Bool { since <= time && time < until }
}
