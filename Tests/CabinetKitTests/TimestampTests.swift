import Testing
@testable import CabinetModel
@testable import CabinetStore

@Suite struct TimestampTests {
    @Test func zonesNameTheSameInstant() throws {
        let utc = try Timestamp(iso8601: "2026-11-02T07:30:00Z")
        #expect(try Timestamp(iso8601: "2026-11-02T09:30:00+02:00") == utc)
        #expect(try Timestamp(iso8601: "2026-11-02T02:30:00-05:00") == utc)
        #expect(utc.milliseconds == 1_793_604_600_000)
    }

    @Test func fractionsAreKeptToTheMillisecond() throws {
        #expect(try Timestamp(iso8601: "1970-01-01T00:00:01.5Z").milliseconds == 1500)
        #expect(try Timestamp(iso8601: "1970-01-01T00:00:00.123000Z").milliseconds == 123)
        #expect(Timestamp(milliseconds: 1500).iso8601 == "1970-01-01T00:00:01.500Z")
    }

    @Test func aTimeWithoutZoneIsRefused() {
        #expect(throws: TimestampError.missingZone("2026-11-02T09:30:00")) { try Timestamp(iso8601: "2026-11-02T09:30:00") }
        #expect(throws: TimestampError.missingTime("2026-11-02")) { try Timestamp(iso8601: "2026-11-02") }
        #expect(throws: TimestampError.malformed("2026-02-30T00:00:00Z")) { try Timestamp(iso8601: "2026-02-30T00:00:00Z") }
    }

    @Test func formattingRoundTrips() throws {
        for text in ["2024-02-29T23:59:59Z", "1999-12-31T00:00:00Z", "2026-11-27T09:30:00.250Z"] {
            #expect(try Timestamp(iso8601: text).iso8601 == text)
        }
    }

    @Test func aDayMeansMidnightUTC() throws {
        #expect(try Timestamp(dayOrInstant: "2026-11-02") == Timestamp(iso8601: "2026-11-02T00:00:00Z"))
        #expect(try Timestamp(iso8601: "2026-11-02T23:59:00-05:00").day == "2026-11-03")
    }

    @Test func isoWeeksStartOnMondayAndTakeTheirThursdaysYear() throws {
        #expect(ISOWeek(containing: try Timestamp(iso8601: "2026-11-08T23:59:59Z")).label == "2026-W45")
        #expect(ISOWeek(containing: try Timestamp(iso8601: "2026-11-09T00:00:00Z")).label == "2026-W46")
        #expect(ISOWeek(containing: try Timestamp(iso8601: "2025-12-29T00:00:00Z")).label == "2026-W01")
        #expect(ISOWeek(containing: try Timestamp(iso8601: "2021-01-03T12:00:00Z")).label == "2020-W53")
        #expect(ISOWeek(containing: try Timestamp(iso8601: "2026-11-04T12:00:00Z")).start == (try Timestamp(iso8601: "2026-11-02T00:00:00Z")))
    }
}

@Suite struct TimestampRangeTests {
    @Test func onlyInstantsThatWriteAsFourDigitYearsAreRead() throws {
        #expect(throws: TimestampError.outOfRange("0000-01-01T00:00:00+01:00")) { try Timestamp(iso8601: "0000-01-01T00:00:00+01:00") }
        #expect(throws: TimestampError.outOfRange("9999-12-31T23:59:59-00:01")) { try Timestamp(iso8601: "9999-12-31T23:59:59-00:01") }
        #expect(try Timestamp(iso8601: "0000-01-01T00:00:00Z").iso8601 == "0000-01-01T00:00:00Z")
        #expect(try Timestamp(iso8601: "9999-12-31T23:59:59.999Z").iso8601 == "9999-12-31T23:59:59.999Z")
    }

    @Test func aPinnedClockThatCannotBeReadIsAnError() throws {
        #expect(throws: CabinetError.invalidArgument(name: "CAB_NOW", problem: "'0000-01-01T00:00:00+01:00' falls outside the years 0000 to 9999 in UTC")) {
            try Timestamp.pinned(environment: ["CAB_NOW": "0000-01-01T00:00:00+01:00"])
        }
        #expect(try Timestamp.pinned(environment: [:]) == nil)
    }
}

/// A time is kept exactly as written or refused: nothing finer than a millisecond, no leap second.
@Suite struct TimestampPrecisionTests {
    @Test func aTimeFinerThanAMillisecondOrALeapSecondIsRefusedNotRounded() throws {
        #expect(throws: TimestampError.tooPrecise("2026-11-27T10:00:00.123456789Z")) { _ = try Timestamp(iso8601: "2026-11-27T10:00:00.123456789Z") }
        #expect(throws: TimestampError.tooPrecise("2026-11-27T10:00:60Z")) { _ = try Timestamp(iso8601: "2026-11-27T10:00:60Z") }
        #expect(try Timestamp(iso8601: "2026-11-27T10:00:00.123000Z").milliseconds % 1000 == 123, "trailing zeros say nothing more")
    }
}
