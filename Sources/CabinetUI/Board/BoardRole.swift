import CabinetModel
import TerminalKit
/// Who is looking at the board: the chair runs the meeting; a presenter follows it read-only;
/// a reader (`cab panel`) sees the effectiveness panel only.
public enum BoardRole: Hashable, Sendable {
    case chair
    /// `cab present`: the current item's card and timer; keys that change anything only explain.
    case presenter
    /// `cab panel`: the effectiveness panel, read-only; Esc or q quits, and the board itself takes `cab`.
    case reader

    /// Actions only the chair may take: they write to the store.
    public static let chairActions: Set<Action> = [
        .startMeeting, .endMeeting, .startPause, .next, .approve, .approveWithConditions, .reject, .defer, .toggle,
        .moveItemUp, .moveItemDown, .pullIn, .addAttendee, .notes, .addActionItem, .publishMinutes, .pirAccepted, .pirFollowUp,
    ]

    /// The actions a reader has on the panel: its period, its help, and quitting.
    public static let readerActions: Set<Action> = [.days7, .days30, .days90, .doraPage, .help, .up, .down, .back, .close, .quit]

    /// True when this role may take `action`; the footer and help offer no other.
    public func allows(_ action: Action) -> Bool {
        switch self {
        case .chair: action != .close && action != .restartRehearsal
        case .presenter: !Self.chairActions.contains(action) && action != .close
        case .reader: Self.readerActions.contains(action)
        }
    }

    /// What the status line says when a key this role may not use is pressed.
    var refusal: String {
        switch self {
        case .chair, .presenter: "read-only: the chair runs the meeting"
        case .reader: "read-only panel: `cab` opens the board"
        }
    }
}
