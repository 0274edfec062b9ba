import CabinetModel
import TerminalKit

/// One row of the queue screen: an agenda entry, or a change that arrived after the freeze.
struct BoardRow: Hashable, Sendable {
    var entry: QueueEntry
    /// "Late — next meeting": submitted after the agenda was frozen.
    var isLate: Bool
}

extension AppState {
    /// The queue's rows after the filter: the agenda, then the late changes.
    var rows: [BoardRow] {
        guard let snapshot else { return [] }
        return (snapshot.agenda.map { BoardRow(entry: $0, isLate: false) } + snapshot.late.map { BoardRow(entry: $0, isLate: true) })
            .filter { matchesFilter($0.entry) }
    }

    var selectedRow: BoardRow? {
        let rows = rows
        return rows.indices.contains(selection) ? rows[selection] : nil
    }

    /// The entry of a change on the day's board (or the pinned one), wherever it is.
    func entry(for changeID: String) -> QueueEntry? {
        let all = (snapshot?.agenda ?? []) + (snapshot?.late ?? [])
        return all.first { $0.change.id == changeID } ?? pinned.flatMap { $0.change.id == changeID ? $0 : nil }
    }

    /// The change the card shows: the chosen one, or the meeting's current item.
    var cardChangeID: String? {
        switch card {
        case .change(let id): id
        case .following: snapshot?.currentChangeID
        }
    }

    var cardEntry: QueueEntry? { cardChangeID.flatMap(entry(for:)) }

    /// The entry an action on this screen is about: the card's, or the selected row's.
    var targetEntry: QueueEntry? { screen == .item ? cardEntry : selectedRow?.entry }

    /// The attendees shown: the meeting's, or before it is opened the roster it would get.
    var attendees: [Attendee] {
        if let meeting = snapshot?.meeting { return meeting.attendees }
        return suggestedMeeting.attendees
    }

    /// The meeting this board opens when the chair starts it or takes attendance.
    var suggestedMeeting: Meeting {
        let agenda = (snapshot?.agenda ?? []).map(\.change)
        let roster = MeetingRoster.suggested(chair: chair, onCall: onCall, agenda: agenda, services: services)
        return Meeting(date: day, chair: chair, itemMinutes: itemMinutes, attendees: roster)
    }

    /// The item allotment in minutes: the meeting's own once opened.
    var allotmentMinutes: Int { snapshot?.itemMinutes(default: itemMinutes) ?? itemMinutes }

    private func matchesFilter(_ entry: QueueEntry) -> Bool {
        let needle = filter.lowercased()
        guard !needle.allSatisfy(\.isWhitespace) else { return true }
        let change = entry.change
        let haystack = [change.id, change.title, change.owner, change.team, change.category.rawValue, change.risk.rawValue,
                        change.route.rawValue, entry.strategy]
        return haystack.contains { $0.lowercased().contains(needle) }
    }
}
