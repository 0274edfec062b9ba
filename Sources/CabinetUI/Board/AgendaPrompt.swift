import CabinetModel

/// What the chair is typing to control the agenda and keep the meeting's record.
public enum AgendaPrompt: Hashable, Sendable {
    /// Why a late or urgent change joins today's meeting; required.
    case pullIn(change: String)
    /// The discussion notes of the item (prefilled with the notes so far; blank clears them).
    case notes(change: String)
    /// What an action item asks; required.
    case actionText(change: String)
    /// Who does the action item, and by when: `raj 2026-12-04` (the day may be left out).
    case actionOwner(change: String, text: String)
    /// An ad-hoc attendee: `dana`, or `dana for payments` when they speak for a team.
    case attendee

    /// True when line breaks are kept: reasons, notes and an action's text.
    var multiline: Bool {
        switch self {
        case .pullIn, .notes, .actionText: true
        case .actionOwner, .attendee: false
        }
    }

    /// The box's title.
    var title: String {
        switch self {
        case .pullIn(let change): "Pull \(change) into today's meeting"
        case .notes(let change): "Notes on \(change)"
        case .actionText(let change), .actionOwner(let change, _): "Action item on \(change)"
        case .attendee: "Add an attendee"
        }
    }

    /// The line above the field.
    var prompt: String {
        switch self {
        case .pullIn: "Why it joins the meeting (required, goes in the minutes):"
        case .notes: "Discussion notes (go in the minutes; empty clears them):"
        case .actionText: "What is to be done (required):"
        case .actionOwner: "Who does it, and the day it is due if any: raj 2026-12-04"
        case .attendee: "Name, and the team they speak for if any: dana for payments"
        }
    }
}

extension AgendaPrompt {
    /// A line shown above the field: for the owner of an action item, its text, so the chair sees what they assign.
    var context: String? {
        guard case .actionOwner(_, let text) = self else { return nil }
        return text
    }
}

/// An ad-hoc attendee as typed: `dana`, or `dana for payments`.
struct TypedAttendee: Hashable, Sendable {
    var name: String
    var team: String?

    init?(_ text: String) {
        let split = text.firstRange(of: " for ")
        let name = BoardText.trimmed(split.map { String(text[..<$0.lowerBound]) } ?? text)
        let team = split.map { BoardText.trimmed(String(text[$0.upperBound...])) }
        guard !name.isEmpty, team?.isEmpty != true else { return nil }
        self.name = name
        self.team = team
    }
}

/// An action item's owner and due day as typed: `raj`, or `raj 2026-12-04`.
struct TypedOwner: Hashable, Sendable {
    var owner: String
    var due: String?

    init?(_ text: String) {
        var words = text.split(separator: " ").map(String.init)
        let last = words.last ?? ""
        let due = last.count == 10 && (try? Timestamp(dayOrInstant: last))?.day == last ? last : nil
        if due != nil { words.removeLast() }
        guard !words.isEmpty else { return nil }
        owner = words.joined(separator: " ")
        self.due = due
    }
}
