import CabinetModel
import TerminalKit

/// The board's small text formats: times, durations, decisions.
enum BoardText {
    /// "09:30" (UTC).
    static func time(_ instant: Timestamp) -> String { String(instant.iso8601.dropFirst(11).prefix(5)) }

    /// "11-27 09:30" (UTC).
    static func dayAndTime(_ instant: Timestamp) -> String { String(instant.iso8601.dropFirst(5).prefix(11)).replacing("T", with: " ") }

    /// "4:05", "12:00": minutes and seconds, rounded down.
    static func duration(milliseconds: Int64) -> String {
        let seconds = max(0, milliseconds) / 1000
        let rest = seconds % 60
        return "\(seconds / 60):" + (rest < 10 ? "0\(rest)" : "\(rest)")
    }

    /// "15 min": a budget or an allotment, in whole minutes, so it never reads like a time of day.
    static func minutes(milliseconds: Int64) -> String { "\(max(0, milliseconds) / 60_000) min" }

    /// "approved-with-conditions by priya.raman at 09:31".
    static func describe(_ decision: Decision) -> String {
        "\(decision.outcome.rawValue) by \(decision.by) at \(time(decision.at))"
    }

    static func trimmed(_ text: String) -> String {
        String(text.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
