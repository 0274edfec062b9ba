import CabinetModel
import CabinetStore
import TerminalKit
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
        case .decide(let decision, _, _): "\(decision.outcome.rawValue) for \(decision.change) by \(decision.by) at \(decision.at.iso8601)"
        case .reviewEmergency(let review, _, _): "the review (\(review.outcome.rawValue)) of \(review.change) by \(review.by) at \(review.at.iso8601)"
        case .clocks(let steps, _, let time): steps.map { "\($0.action) of \($0.change)'s timer" }.joined(separator: ", ") + " at \(time.iso8601)"
        case .setAttendance(let day, let name, _, let present, _): "\(name) \(present ? "present" : "absent") on \(day)"
        case .startMeeting(let day, let time, _): "starting the meeting of \(day) at \(time.iso8601)"
        case .endMeeting(let day, let time): "ending the meeting of \(day) at \(time.iso8601)"
        case .addToAgenda(let day, let change, let reason, _, _): "\(change) pulled into the meeting of \(day) (\(reason))"
        case .moveAgendaItem(let day, let change, let place): "\(change) moved to place \(place) on the agenda of \(day)"
        case .setNotes(let day, let change, _): "the notes of \(change) on \(day)"
        case .addActionItem(let item): "action item on \(item.change ?? item.meeting ?? "the meeting") for \(item.owner): \(item.text)"
        case .addAttendee(let day, let attendee, _): "\(attendee.name) attending on \(day)"
        case .quit, .loadFigures, .loadMinutes, .publishMinutes: "\(effect)"
        }
    }
}
