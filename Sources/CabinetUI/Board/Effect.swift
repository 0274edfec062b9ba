import CabinetKit

/// What `update` asks the runtime to do, in order. Each write maps to one `Store` call; the
/// runtime reloads the snapshot after writes, so no effect asks for a reload. A read's answer
/// comes back as a message.
public enum Effect: Hashable, Sendable {
    /// Opens the day's meeting with its chair, allotment and suggested attendees.
    case openMeeting(Meeting)
    /// Starts the meeting and freezes its agenda.
    case startMeeting(day: String, at: Timestamp)
    case endMeeting(day: String, at: Timestamp)
    /// Starts, pauses, resumes or ends an agenda item's timer.
    case clock(ClockAction, change: String, day: String, at: Timestamp)
    /// Records a decision; the store refuses it when someone else decided first.
    case record(Decision)
    case setAttendance(day: String, name: String, role: AttendeeRole, present: Bool)
    /// Computes the effectiveness figures of a period; answered by `figuresLoaded`.
    case loadFigures(Period)
    /// Reads the minutes of the meeting on a UTC day (`2026-11-27`); answered by `minutesLoaded`.
    case loadMinutes(day: String)
    /// Leaves the board.
    case quit
}
