import CabinetModel
import TerminalKit

/// Everything the board shows, as a value: `update` changes it, `render` draws it.
public struct AppState: Hashable, Sendable {
    /// Chair (runs the meeting), presenter (follows it read-only) or reader (`cab panel`).
    public var role: BoardRole
    /// The chair's name: who opens the meeting and whom decisions are recorded by.
    public var chair: String
    /// The on-call engineer, on the suggested roster.
    public var onCall: String?
    /// The item allotment for a meeting this board opens; an open meeting's own allotment wins.
    public var itemMinutes: Int
    /// The services, for the suggested attendance roster.
    public var services: [Service]
    /// The UTC day the board shows, `2026-11-27`.
    public var day: String
    /// The time of the last tick: timers and decisions use it.
    public var now: Timestamp
    /// The terminal's size, for mouse clicks; `render` takes its own.
    public var width: Int
    public var height: Int
    /// True when block and box characters can be drawn; ASCII otherwise.
    public var unicode: Bool
    /// The last snapshot read from the store; nil until the first load.
    public var snapshot: BoardSnapshot?
    /// The change of `cab present ID` when it is not on the day's board.
    public var pinned: QueueEntry?
    /// The screen stack; the agenda is always at the bottom, but for a reader, who has the panel alone.
    public var screens: [Screen]
    /// Which change the card shows.
    public var card: CardTarget
    /// The card's focused field, its scroll and whether it fills the screen; nil when no field is focused.
    public var cardFocus: CardFocus?
    /// The selected row of the agenda (agenda rows, then late rows, after the filter).
    public var selection: Int
    /// The selected row of the attendance list.
    public var attendanceSelection: Int
    /// The first line of the help overlay that is shown.
    public var helpScroll: Int
    /// The queue filter: rows whose id, title, owner, team, category, risk, route or strategy contain it.
    public var filter: String
    /// The open text field or question, if any.
    public var dialog: Dialog?
    /// The message above the footer; cleared by the next key.
    public var status: StatusLine?
    /// Set while the shared store cannot be reached: the board keeps its screen and says so.
    public var connection: ConnectionNotice?
    /// The effectiveness panel's period and figures.
    public var panel: PanelState
    /// The minutes of the day's meeting as last read; nil before they arrive or without a meeting.
    public var minutes: MeetingMinutes?
    /// The first line of the minutes that is shown.
    public var minutesScroll: Int
    /// A presenter's practice timer (`cab present ID`); never written.
    public var rehearsal: Rehearsal?
    /// On a presenter's board: the outcome of the item the meeting just decided.
    public var outcome: OutcomeBanner?
    /// The webhook the minutes may be posted to when the chair asks (`cab --minutes-webhook`); nil when none is configured.
    public var minutesWebhook: String?

    /// A board for `day`; the presenter starts on the card of the meeting's current item, or of `changeID`;
    /// the reader has the effectiveness panel for `panelPeriod` alone.
    public init(
        role: BoardRole, chair: String, onCall: String? = nil, itemMinutes: Int = 3, services: [Service] = [],
        day: String, now: Timestamp, width: Int = 80, height: Int = 24, unicode: Bool = true, changeID: String? = nil,
        panelPeriod: PanelPeriod = .standard
    ) {
        self.role = role
        self.chair = chair
        self.onCall = onCall
        self.itemMinutes = max(1, itemMinutes)
        self.services = services
        self.day = day
        self.now = now
        self.width = width
        self.height = height
        self.unicode = unicode
        self.screens = role == .reader ? [.panel] : role == .presenter || changeID != nil ? [.agenda, .item] : [.agenda]
        self.card = changeID.map(CardTarget.change) ?? .following
        self.selection = 0
        self.attendanceSelection = 0
        self.helpScroll = 0
        self.filter = ""
        self.panel = PanelState(period: panelPeriod)
        self.minutesScroll = 0
    }

    /// The screen on top of the stack.
    public var screen: Screen { screens.last ?? .agenda }

    /// The screen whose key bindings apply now: an open dialog's, else the top screen's.
    public var keyScreen: Screen {
        switch dialog {
        case .filter?, .conditions?, .rejectReason?, .overrideReason?, .correctionReason?, .deferral?, .agendaText?, .followUpNote?: .input
        case .confirmReject?, .confirmDecision?, .confirmEnd?, .confirmPublish?: .confirm
        case nil: screen
        }
    }
}

/// Which change the card shows.
public enum CardTarget: Hashable, Sendable {
    /// The meeting's current item, changing as the meeting moves on.
    case following
    case change(String)
}

/// A decision the chair asked for, gathering what it still needs before it is recorded: a yes,
/// an override reason (a change that is not ready approved), a correction's reason.
public struct PendingDecision: Hashable, Sendable {
    public var change: String
    public var outcome: Outcome
    public var conditions: String?
    /// The rejection's reason.
    public var note: String?
    /// Where a deferral sends the change, and why.
    public var deferral: Deferral?
    /// The decision of today that this one corrects (supersedes).
    public var correcting: Decision?
    public var correctionReason: String?
    public var overrideReason: String?
    /// True once the chair said yes to deciding a change that is not being presented.
    public var confirmed = false

    /// The decision's note: the deferral, the rejection's reason, the override and the correction, in that order.
    var recordedNote: String? {
        let parts = [deferral?.note, note, overrideReason.map(Readiness.overrideNote),
                     correcting.map { "corrects \(BoardText.describe($0))" + (correctionReason.map { ": \($0)" } ?? "") }].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }
}

/// A question or text field over the board.
public enum Dialog: Hashable, Sendable {
    /// Typing the queue filter; Esc puts `previous` back.
    case filter(previous: String, field: TextField)
    /// The conditions of an approval.
    case conditions(change: String, field: TextField)
    /// Why a change is rejected; required.
    case rejectReason(change: String, field: TextField)
    /// The last step before recording a rejection.
    case confirmReject(change: String, reason: String)
    /// Why a change that is not ready is approved all the same; required, and recorded with the decision.
    case overrideReason(PendingDecision, field: TextField)
    /// Where a deferral sends the change and why, as `to 2026-11-30: reason`; prefilled with the
    /// next weekday and the readiness problems.
    case deferral(PendingDecision, field: TextField)
    /// Why today's decision is corrected by an approval; required, and recorded with the superseding decision.
    case correctionReason(PendingDecision, field: TextField)
    /// A decision on a change that is not the one being presented, waiting for a yes; `doubt` says why it asks.
    case confirmDecision(PendingDecision, doubt: String)
    case confirmEnd
    /// A text the chair types to control the agenda and keep its record (see `AgendaPrompt`).
    case agendaText(AgendaPrompt, field: TextField)
    /// The minutes were written to a file: post them to the configured webhook too?
    case confirmPublish(webhook: String)
    /// What follows up an emergency's review, required with follow-up-required.
    case followUpNote(change: String, field: TextField)
}

/// A one-line message above the footer.
/// The board lost its store and is reconnecting; `waiting` writes will be sent again. When the
/// store is `gone` (its file removed or replaced), nothing is sent again: the writes are not saved.
public struct ConnectionNotice: Hashable, Sendable {
    public var problem: String
    public var waiting: Int
    public var gone = false

    public var text: String {
        let count = "\(waiting) \(waiting == 1 ? "change" : "changes")"
        if gone { return "not saving: \(problem); quit and check the file" + (waiting == 0 ? "" : " (\(count) not saved)") }
        return "reconnecting: \(problem)" + (waiting == 0 ? "" : " (\(count) waiting to be saved)")
    }
}

public struct StatusLine: Hashable, Sendable {
    public var text: String
    public var isError: Bool

    public init(_ text: String, isError: Bool = false) {
        self.text = text
        self.isError = isError
    }
}
