import CabinetModel
import TerminalKit
/// Who is looking at the board: the chair runs the meeting; a presenter follows it read-only.
public enum BoardRole: Hashable, Sendable {
    case chair
    /// `cab present`: the current item's card and timer; keys that change anything only explain.
    case presenter

    /// Actions only the chair may take: they write to the store.
    public static let chairActions: Set<Action> = [
        .startMeeting, .endMeeting, .startPause, .next, .approve, .approveWithConditions, .reject, .defer, .toggle,
        .moveItemUp, .moveItemDown, .pullIn, .addAttendee, .notes, .addActionItem, .publishMinutes,
    ]

    /// The actions this role does not see in the footer and help.
    var hiddenActions: Set<Action> { self == .presenter ? Self.chairActions : [.restartRehearsal] }
}

extension AppState {
    /// The actions not offered now: the role's, except a presenter's rehearsal keys on a card they opened.
    var hiddenActions: Set<Action> {
        rehearsableChange == nil ? role.hiddenActions.union([.restartRehearsal]) : role.hiddenActions.subtracting([.startPause])
    }
}
