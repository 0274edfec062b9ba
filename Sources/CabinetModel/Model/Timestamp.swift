import Foundation

/// An instant in UTC with millisecond precision: the one time type of the model, so every
/// backend stores, compares and subtracts times the same way.
public struct Timestamp: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    public var milliseconds: Int64

    public init(milliseconds: Int64) { self.milliseconds = milliseconds }

    public init(_ date: Date) { milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded()) }

    /// The current time, or `CAB_NOW` (ISO 8601 with zone) when set, so tests and demos can pin the clock.
    public static func now(environment: [String: String] = ProcessInfo.processInfo.environment) -> Timestamp {
        if let pinned = environment["CAB_NOW"], let value = try? Timestamp(iso8601: pinned) { return value }
        return Timestamp(Date())
    }

    /// Refuses a `CAB_NOW` that is set but cannot be read: a pinned clock quietly ignored would
    /// date records by the wall clock instead.
    public static func checkPinnedClock(environment: [String: String] = ProcessInfo.processInfo.environment) throws(CabinetError) {
        guard let pinned = environment["CAB_NOW"] else { return }
        do { _ = try Timestamp(iso8601: pinned) } catch { throw .invalidArgument(name: "CAB_NOW", problem: error.description) }
    }

    public var date: Date { Date(timeIntervalSince1970: Double(milliseconds) / 1000) }

    public static func < (a: Timestamp, b: Timestamp) -> Bool { a.milliseconds < b.milliseconds }

    public func adding(minutes: Int64) -> Timestamp { Timestamp(milliseconds: milliseconds + minutes * 60_000) }
    public func adding(hours: Int64) -> Timestamp { adding(minutes: hours * 60) }
    public func adding(days: Int64) -> Timestamp { adding(hours: days * 24) }

    /// Hours from `self` to `later`, as a fraction.
    public func hours(until later: Timestamp) -> Double { Double(later.milliseconds - milliseconds) / 3_600_000 }

    public var description: String { iso8601 }
}

// MARK: - ISO 8601

extension Timestamp {
    public static let millisecondsPerDay: Int64 = 86_400_000

    /// Parses `YYYY-MM-DDTHH:MM[:SS[.fff]]` followed by `Z` or `±HH:MM`. A time without a zone
    /// is refused: the same text would mean different instants on different machines.
    public init(iso8601 text: String) throws(TimestampError) {
        let bytes = Array(text.utf8)
        var cursor = ISOCursor(bytes: bytes, text: text)
        let (year, month, day) = try cursor.date()
        guard cursor.take(UInt8(ascii: "T")) || cursor.take(UInt8(ascii: " ")) else {
            throw cursor.atEnd ? .missingTime(text) : .malformed(text)
        }
        let hour = try cursor.number(digits: 2, max: 23)
        try cursor.expect(UInt8(ascii: ":"))
        let minute = try cursor.number(digits: 2, max: 59)
        var second: Int64 = 0
        var millis: Int64 = 0
        if cursor.take(UInt8(ascii: ":")) {
            second = try cursor.number(digits: 2, max: 60)
            guard second < 60 else { throw .tooPrecise(text) }
            if cursor.take(UInt8(ascii: ".")) || cursor.take(UInt8(ascii: ",")) {
                millis = try cursor.fraction()
            }
        }
        let offsetMinutes = try cursor.zone()
        guard cursor.atEnd else { throw .malformed(text) }
        let days = Timestamp.daysFromCivil(year: year, month: month, day: day)
        let seconds = ((days * 24 + hour) * 60 + minute - offsetMinutes) * 60 + second
        self.init(milliseconds: seconds * 1000 + millis)
        guard Timestamp.writable.contains(self) else { throw .outOfRange(text) }
    }

    /// The instants `iso8601` writes as a four-digit year, 0000-01-01T00:00:00Z up to the end
    /// of 9999: a time outside them, once stored, could not be exported and read back.
    public static let writable = Timestamp(milliseconds: daysFromCivil(year: 0, month: 1, day: 1) * millisecondsPerDay)
        ..< Timestamp(milliseconds: daysFromCivil(year: 10_000, month: 1, day: 1) * millisecondsPerDay)

    /// `CAB_NOW` when it is set, checked: a pinned clock that cannot be read is an error rather
    /// than a silent fall back to the real time.
    public static func pinned(environment: [String: String] = ProcessInfo.processInfo.environment) throws(CabinetError) -> Timestamp? {
        guard let text = environment["CAB_NOW"] else { return nil }
        do { return try Timestamp(iso8601: text) } catch { throw .invalidArgument(name: "CAB_NOW", problem: error.description) }
    }

    /// Parses a calendar date `YYYY-MM-DD` as midnight UTC; full timestamps are accepted too.
    public init(dayOrInstant text: String) throws(TimestampError) {
        if text.utf8.count == 10 {
            var cursor = ISOCursor(bytes: Array(text.utf8), text: text)
            let (year, month, day) = try cursor.date()
            self.init(milliseconds: Timestamp.daysFromCivil(year: year, month: month, day: day) * Timestamp.millisecondsPerDay)
        } else {
            try self.init(iso8601: text)
        }
    }

    /// `2026-11-27T09:30:00Z`, with `.sss` only when the milliseconds are not zero.
    public var iso8601: String {
        let (days, msOfDay) = milliseconds.floorDivided(by: Timestamp.millisecondsPerDay)
        let (year, month, day) = Timestamp.civilFromDays(days)
        let seconds = msOfDay / 1000, ms = msOfDay % 1000
        var text = "\(zeroPadded(year, width: 4))-\(zeroPadded(month, width: 2))-\(zeroPadded(day, width: 2))T\(zeroPadded(seconds / 3600, width: 2)):\(zeroPadded(seconds / 60 % 60, width: 2)):\(zeroPadded(seconds % 60, width: 2))"
        if ms != 0 { text += ".\(zeroPadded(ms, width: 3))" }
        return text + "Z"
    }

    /// The UTC calendar day, `2026-11-27`.
    public var day: String { String(iso8601.prefix(10)) }

    /// Midnight UTC of this instant's day.
    public var startOfDay: Timestamp {
        Timestamp(milliseconds: milliseconds.floorDivided(by: Timestamp.millisecondsPerDay).quotient * Timestamp.millisecondsPerDay)
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civilFromDays(_ days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

/// `value` in decimal with leading zeros up to `width` digits.
public func zeroPadded(_ value: some BinaryInteger, width: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
}

extension Int64 {
    /// Division rounding toward negative infinity, with a non-negative remainder.
    func floorDivided(by divisor: Int64) -> (quotient: Int64, remainder: Int64) {
        let q = self / divisor, r = self % divisor
        return r < 0 ? (q - 1, r + divisor) : (q, r)
    }
}

/// Why a text is not an ISO 8601 instant.
public enum TimestampError: Error, Equatable, Sendable, CustomStringConvertible {
    case malformed(String)
    case missingTime(String)
    case missingZone(String)
    case outOfRange(String)
    /// Finer than a millisecond, or a leap second: stored, it would read back as another time.
    case tooPrecise(String)

    public var description: String {
        switch self {
        case .malformed(let text): "'\(text)' is not an ISO 8601 time (like 2026-11-27T09:30:00Z)"
        case .missingTime(let text): "'\(text)' has no time of day (like 2026-11-27T09:30:00Z)"
        case .missingZone(let text): "'\(text)' has no zone: add Z or an offset like +02:00"
        case .outOfRange(let text): "'\(text)' falls outside the years 0000 to 9999 in UTC"
        case .tooPrecise(let text): "'\(text)' is finer than a millisecond or a leap second, which Cabinet cannot keep as written"
        }
    }
}

/// A byte cursor over an ISO 8601 text; hand-written because `ISO8601DateFormatter` is slow
/// on bulk imports and accepts times without a zone.
private struct ISOCursor {
    let bytes: [UInt8]
    let text: String
    var index = 0

    var atEnd: Bool { index == bytes.count }

    mutating func take(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    mutating func expect(_ byte: UInt8) throws(TimestampError) {
        guard take(byte) else { throw .malformed(text) }
    }

    mutating func number(digits: Int, min: Int64 = 0, max: Int64) throws(TimestampError) -> Int64 {
        guard index + digits <= bytes.count else { throw .malformed(text) }
        var value: Int64 = 0
        for _ in 0..<digits {
            let byte = bytes[index]
            guard byte >= 48, byte <= 57 else { throw .malformed(text) }
            value = value * 10 + Int64(byte - 48)
            index += 1
        }
        guard value >= min, value <= max else { throw .malformed(text) }
        return value
    }

    mutating func date() throws(TimestampError) -> (Int64, Int64, Int64) {
        let year = try number(digits: 4, max: 9999)
        try expect(UInt8(ascii: "-"))
        let month = try number(digits: 2, min: 1, max: 12)
        try expect(UInt8(ascii: "-"))
        let day = try number(digits: 2, min: 1, max: 31)
        let nextMonth = month == 12 ? Timestamp.daysFromCivil(year: year + 1, month: 1, day: 1)
            : Timestamp.daysFromCivil(year: year, month: month + 1, day: 1)
        guard day <= nextMonth - Timestamp.daysFromCivil(year: year, month: month, day: 1) else { throw .malformed(text) }
        return (year, month, day)
    }

    mutating func fraction() throws(TimestampError) -> Int64 {
        var millis: Int64 = 0, count = 0
        while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
            if count < 3 { millis = millis * 10 + Int64(bytes[index] - 48) } else if bytes[index] != 48 { throw .tooPrecise(text) }
            count += 1
            index += 1
        }
        guard count > 0 else { throw .malformed(text) }
        for _ in count..<max(count, 3) { millis *= 10 }
        return millis
    }

    /// The zone offset in minutes east of UTC.
    mutating func zone() throws(TimestampError) -> Int64 {
        if take(UInt8(ascii: "Z")) || take(UInt8(ascii: "z")) { return 0 }
        let sign: Int64
        if take(UInt8(ascii: "+")) { sign = 1 } else if take(UInt8(ascii: "-")) { sign = -1 } else {
            throw atEnd ? .missingZone(text) : .malformed(text)
        }
        let hours = try number(digits: 2, max: 18)
        _ = take(UInt8(ascii: ":"))
        let minutes = try number(digits: 2, max: 59)
        return sign * (hours * 60 + minutes)
    }
}
