import Foundation

/// Where a deferral sends a change and why. It is kept in the deferral's note as
/// `to 2026-11-30: rollback takes 15 min (over 5)`, so it is chained and exported with the decision.
public struct Deferral: Hashable, Sendable {
    /// The UTC day of the meeting the change goes to, `2026-11-30`.
    public var target: String
    public var reason: String

    public init(target: String, reason: String) {
        self.target = target
        self.reason = reason
    }

    /// The deferral stated by `text` (`to YYYY-MM-DD: reason`); nil when it names no valid day.
    public init?(parsing text: String) {
        guard text.hasPrefix("to "), let colon = text.firstIndex(of: ":") else { return nil }
        let target = String(text[text.index(text.startIndex, offsetBy: 3)..<colon]).trimmingCharacters(in: .whitespaces)
        guard target.count == 10, (try? Timestamp(dayOrInstant: target))?.day == target else { return nil }
        self.init(target: target, reason: String(text[text.index(after: colon)...]).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// The deferral a decision records; nil for other outcomes and for a deferral with no target (recorded before targets).
    public init?(_ decision: Decision) {
        guard decision.outcome == .deferred, let note = decision.note else { return nil }
        self.init(parsing: note)
    }

    /// The note that records this deferral.
    public var note: String { "to \(target): \(reason)" }

    /// The first weekday (Monday to Friday) after the UTC day `day`; nil when `day` is not a day.
    public static func nextWeekday(after day: String) -> String? {
        guard day.count == 10, let start = try? Timestamp(dayOrInstant: day) else { return nil }
        var next = start.adding(days: 1)
        // 1970-01-01 was a Thursday: day 0 is weekday 4, with Sunday as 0.
        while [0, 6].contains((next.milliseconds / 86_400_000 + 4) % 7) { next = next.adding(days: 1) }
        return next.day
    }
}

extension Decision {
    /// True when the change this decision (its latest) leaves undecided may be on the agenda of
    /// the UTC day `day`: a deferral, once its target meeting's day has come.
    public func returnsToBoard(on day: String) -> Bool {
        outcome == .deferred && (Deferral(self)?.target ?? day) <= day
    }
}
