import CabinetModel
import TerminalKit

/// What `update` asks the runtime to do, in order. Each write is one intent of the chair and
/// one `Store` call, written in one transaction; the runtime reloads the snapshot after writes,
/// so no effect asks for a reload. A read's answer comes back as a message.
public enum Effect: Hashable, Sendable {
    /// Starts the meeting (opening it with its chair, allotment and suggested attendees if
    /// nobody has) and freezes its agenda.
    case startMeeting(day: String, at: Timestamp, opening: Meeting?)
    /// Ends the items still on the clock, then the meeting.
    case endMeeting(day: String, at: Timestamp)
    /// Starts, pauses, resumes or ends agenda items' timers, together.
    case clocks([ClockStep], day: String, at: Timestamp)
    /// Records a decision and moves the clocks as deciding does; the store refuses it (and
    /// moves no clock) when someone else decided first.
    case decide(Decision, clocks: [ClockStep], day: String)
    /// Records the post-implementation review of an emergency and moves the clocks as deciding does.
    case reviewEmergency(PostImplementationReview, clocks: [ClockStep], day: String)
    case setAttendance(day: String, name: String, role: AttendeeRole, present: Bool, opening: Meeting?)
    /// Computes the effectiveness figures of a period; answered by `figuresLoaded`.
    case loadFigures(Period)
    /// Reads the minutes of the meeting on a UTC day (`2026-11-27`); answered by `minutesLoaded`.
    case loadMinutes(day: String)
    /// Pulls a late or urgent change into the started meeting's agenda, with the chair's reason.
    case addToAgenda(day: String, change: String, reason: String, by: String, at: Timestamp)
    /// Moves an agenda item to a place (1 is first): one write.
    case moveAgendaItem(day: String, change: String, to: Int)
    /// Replaces an agenda item's discussion notes (nil clears them).
    case setNotes(day: String, change: String, notes: String?)
    /// Records an action item raised in the meeting.
    case addActionItem(ActionItem)
    /// Adds an ad-hoc attendee, opening the meeting as `opening` says if need be.
    case addAttendee(day: String, Attendee, opening: Meeting?)
    /// Writes the day's minutes as Markdown to a file and, given a webhook, posts them there;
    /// answered by `minutesPublished`.
    case publishMinutes(day: String, webhook: String?)
    /// Leaves the board.
    case quit
}
