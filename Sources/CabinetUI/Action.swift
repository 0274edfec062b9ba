import CabinetModel
import TerminalKit
/// What a key asks the board to do; the key table maps keys to actions per screen.
public enum Action: String, CaseIterable, Hashable, Sendable {
    case up, down, open, back, nextPane, filter, quit
    case startMeeting, endMeeting, startPause, next, follow
    case approve, approveWithConditions, reject, `defer`
    case attendance, toggle, help, panel, minutes
    /// The panel's period: the last 7, 30 or 90 days.
    case days7, days30, days90
    /// Accept the text typed into a field.
    case submit
    /// Leave a field or a question without doing anything.
    case cancel
    /// Answer yes to a question.
    case confirm
    /// A text field's cursor and deletions: a character left or right, the line's start or end,
    /// the character before or under the cursor, the word before it, the line up to it.
    case cursorLeft, cursorRight, lineStart, lineEnd, deleteBackward, deleteForward, deleteWord, deleteToLineStart
    /// The queue: clear the filter; the first or last change; a page up or down.
    case clearFilter, top, bottom, pageUp, pageDown
    /// A presenter's practice timer (`cab present ID`) back to the full allotment.
    case restartRehearsal
    /// The agenda: move the selected item up or down, pull a late change in with a reason, add an
    /// attendee, type the presented item's notes or an action item, publish the minutes.
    case moveItemUp, moveItemDown, pullIn, addAttendee, notes, addActionItem, publishMinutes
    /// An emergency's post-implementation review: accepted, or follow-up required (with a note).
    case pirAccepted, pirFollowUp
    /// The panel's DORA page, and back.
    case doraPage
    /// The card: focus its next or previous field; show the focused field full screen (or the card again).
    case nextField, previousField, zoom
    /// `cab panel`'s Esc: quit the read-only panel.
    case close
}
