import CabinetKit
import CabinetUI

/// The board's writes made while the store could not be reached, oldest first. Shared with the
/// runtime, so whatever was never sent is said on standard error after the board closes.
final class WaitingWrites {
    var effects: [Effect] = []
    /// Why they were not sent.
    var problem = "the store could not be reached"

    /// One line per write, as a person would recognize it.
    var descriptions: [String] { effects.map(Self.describe) }

    static func describe(_ effect: Effect) -> String {
        switch effect {
        case .record(let decision): "\(decision.outcome.rawValue) for \(decision.change) by \(decision.by) at \(decision.at.iso8601)"
        case .clock(let action, let change, _, let time): "\(action) of \(change)'s timer at \(time.iso8601)"
        case .setAttendance(let day, let name, _, let present): "\(name) \(present ? "present" : "absent") on \(day)"
        case .openMeeting(let meeting): "opening the meeting of \(meeting.date)"
        case .startMeeting(let day, let time): "starting the meeting of \(day) at \(time.iso8601)"
        case .endMeeting(let day, let time): "ending the meeting of \(day) at \(time.iso8601)"
        case .quit, .loadFigures, .loadMinutes: "\(effect)"
        }
    }
}
