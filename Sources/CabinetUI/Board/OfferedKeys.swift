import CabinetModel
import TerminalKit

/// Which keys do something now: the footer and the `?` overlay offer exactly these, the most
/// useful for the meeting's stage first, and a key bound twice on a screen does what works.
extension AppState {
    /// True when `action` does its job on `screen` in this state for this role (a key that would
    /// only explain why it cannot is not offered).
    func works(_ action: Action, on screen: Screen) -> Bool {
        // A presenter's own card: Space runs the private rehearsal timer, and 0 restarts one that ran.
        if let change = rehearsableChange, action == .startPause || action == .restartRehearsal {
            return screen == .item && (action == .startPause || rehearsal?.change == change)
        }
        guard role.allows(action) else { return false }
        let depth = screens.lastIndex(of: screen).map { $0 + 1 } ?? screens.count
        let meeting = snapshot?.meeting
        let inProgress = snapshot?.meetingInProgress ?? false
        switch action {
        case .back: return depth > 1 || (screen == .item && shownCardFocus?.fullScreen == true)
        case .close: return depth == 1
        case .open: return selectedRow != nil
        case .nextPane: return Set(rows.map(\.isLate)).count == 2
        case .follow:
            guard let current = snapshot?.currentChangeID else { return false }
            return !(screen == .item && cardChangeID == current && card == .following)
        case .attendance: return snapshot != nil
        case .toggle: return snapshot != nil && !attendees.isEmpty
        case .startMeeting: return snapshot != nil && meeting?.startedAt == nil
        case .endMeeting: return inProgress
        case .startPause: return inProgress && target(on: screen).map(hasClock) == true
        case .next:
            let id = screen == .item ? cardChangeID : snapshot?.currentChangeID
            return inProgress && id.flatMap { snapshot?.item(for: $0) } != nil
        case .approve, .approveWithConditions, .reject, .defer:
            guard let entry = target(on: screen) else { return false }
            return snapshot?.late.contains(entry) != true && entry.kind != .pir
        case .up, .top, .pageUp:
            switch screen {
            case .agenda: return selection > 0
            case .attendance: return attendanceSelection > 0
            default: return true
            }
        case .down, .bottom, .pageDown:
            switch screen {
            case .agenda: return selection < rows.count - 1
            case .attendance: return attendanceSelection < attendees.count - 1
            default: return true
            }
        case .clearFilter: return !filter.isEmpty
        case .nextField, .previousField, .zoom: return cardEntry != nil
        case .restartRehearsal: return false
        case .moveItemUp, .moveItemDown: return inProgress && screen == .agenda && selectedRow.map { !$0.isLate } == true
        case .pullIn: return inProgress && selectedRow?.isLate == true
        case .notes, .addActionItem: return inProgress && cardEntry != nil
        case .addAttendee: return snapshot != nil
        case .publishMinutes: return meeting?.endedAt != nil
        case .pirAccepted, .pirFollowUp:
            guard let entry = target(on: screen) else { return false }
            return entry.kind == .pir && entry.pir == nil
        case .doraPage: return screen == .panel
        case .quit, .help, .filter, .panel, .minutes, .days7, .days30, .days90, .submit, .cancel, .confirm,
             .cursorLeft, .cursorRight, .lineStart, .lineEnd, .deleteBackward, .deleteForward, .deleteWord, .deleteToLineStart:
            return true
        }
    }

    /// The actions the meeting's stage makes most useful, first in the footer and the help:
    /// starting it; presenting and deciding while it runs (ending it once all is decided), a decision
    /// coming before `n`, which moves on without one; its minutes after.
    var leadingActions: [Action] {
        guard let meeting = snapshot?.meeting, meeting.startedAt != nil else { return [.startMeeting, .open, .back, .attendance] }
        if meeting.endedAt != nil { return [.minutes, .panel, .open, .back] }
        let deciding: [Action] = [.startPause, .approve, .approveWithConditions, .reject, .defer, .next]
        return snapshot?.undecided.isEmpty == true ? [.endMeeting, .minutes] + deciding : deciding + [.follow]
    }

    /// The bindings offered on `screen` now, most useful first.
    func offeredBindings(on screen: Screen) -> [KeyBinding] {
        KeyTable.standard.offered(on: screen, leading: leadingActions, where: { works($0, on: screen) })
    }

    /// The entry an action on `screen` is about: the card's, or the selected row's.
    private func target(on screen: Screen) -> QueueEntry? { screen == .item ? cardEntry : selectedRow?.entry }

    /// True when the entry's item timer can be started, paused or resumed now.
    private func hasClock(_ entry: QueueEntry) -> Bool {
        guard let snapshot, let item = snapshot.item(for: entry.change.id) else { return false }
        return item.endedAt == nil && snapshot.decisionToday(entry) == nil
    }
}
