import CabinetModel
import Foundation
/// A source's wall-clock time `YYYY-MM-DD HH:MM:SS` (ServiceNow's format, optionally with `T`
/// between date and time) read in a time zone: UTC for raw values, the exporting user's zone for
/// display values.
enum SourceTime {
    static func parse(_ text: String, in zone: TimeZone) -> Timestamp? {
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "T" })
        guard parts.count == 2 else { return nil }
        let date = parts[0].split(separator: "-").compactMap { Int($0) }
        let time = parts[1].split(separator: ":").compactMap { Int($0) }
        guard date.count == 3, (2...3).contains(time.count), parts[0].split(separator: "-").count == 3 else { return nil }
        var components = DateComponents()
        components.year = date[0]; components.month = date[1]; components.day = date[2]
        components.hour = time[0]; components.minute = time[1]; components.second = time.count == 3 ? time[2] : 0
        guard (1...12).contains(date[1]), (1...31).contains(date[2]), (0...23).contains(time[0]), (0...59).contains(time[1]) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar.date(from: components).map(Timestamp.init)
    }
}

extension SourceTime {
    /// Jira's `2026-11-27T14:00:00.000+0000`: an ISO 8601 time whose offset has no colon (one
    /// with a colon, or `Z`, reads as well).
    static func jira(_ text: String) -> Timestamp? {
        var text = text
        let offset = text.suffix(5)
        if let sign = offset.first, sign == "+" || sign == "-", offset.dropFirst().allSatisfy(\.isNumber) {
            text.insert(":", at: text.index(text.endIndex, offsetBy: -2))
        }
        return try? Timestamp(iso8601: text)
    }
}
