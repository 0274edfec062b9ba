/// An ISO 8601 week (Monday to Monday, UTC), identified by its index since the Monday
/// 1970-01-05 so that SQL can bucket by integer arithmetic alone, on any backend.
public struct ISOWeek: Hashable, Comparable, Sendable {
    /// Weeks since 1970-01-05T00:00:00Z.
    public let index: Int64

    /// The Monday week 0 starts on, in milliseconds since the epoch.
    public static let epochMonday: Int64 = 4 * Timestamp.millisecondsPerDay
    /// A week in milliseconds.
    public static let length: Int64 = 7 * Timestamp.millisecondsPerDay

    public init(index: Int64) { self.index = index }

    public init(containing time: Timestamp) {
        index = (time.milliseconds - ISOWeek.epochMonday).floorDivided(by: ISOWeek.length).quotient
    }

    public var start: Timestamp { Timestamp(milliseconds: ISOWeek.epochMonday + index * ISOWeek.length) }
    public var end: Timestamp { Timestamp(milliseconds: start.milliseconds + ISOWeek.length) }

    /// `2026-W48`: the ISO year is the year of the week's Thursday.
    public var label: String {
        let thursday = start.adding(days: 3)
        let year = Int64(thursday.day.prefix(4)) ?? 1970
        let firstDay = Timestamp.daysFromCivil(year: year, month: 1, day: 1)
        let thursdayDay = thursday.milliseconds / Timestamp.millisecondsPerDay
        let week = (thursdayDay - firstDay) / 7 + 1
        return "\(year)-W\(week < 10 ? "0" : "")\(week)"
    }

    public static func < (a: ISOWeek, b: ISOWeek) -> Bool { a.index < b.index }

    /// The weeks that intersect `period`, in order.
    public static func covering(_ period: Period) -> [ISOWeek] {
        let first = ISOWeek(containing: period.since).index
        let last = ISOWeek(containing: Timestamp(milliseconds: period.until.milliseconds - 1)).index
        return (first...max(first, last)).map(ISOWeek.init(index:))
    }
}
