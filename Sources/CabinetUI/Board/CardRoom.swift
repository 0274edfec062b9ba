import CabinetModel
import TerminalKit

/// The card's line of who must be in the room for the item (its owner and the teams of the
/// services that consume what it touches), each marked present or absent, flagged (`✗ room:`)
/// when someone is missing, and why the item was pulled into the meeting when it was.
enum CardRoom {
    static func runs(_ state: AppState, entry: QueueEntry, glyphs: Glyphs) -> [TextRun] {
        let required = state.requiredAttendance(for: entry)
        var runs = [TextRun(required.isComplete ? "room: " : "\(glyphs.cross) room: ", required.isComplete ? .dim : .warn)]
        let people = [(required.ownerPresent, "owner \(required.owner)")]
            + required.teams.map { ($0.isPresent, "team \($0.name)" + ($0.isPresent ? " (\($0.presentFor.joined(separator: ", ")))" : "")) }
        for (index, (present, name)) in people.enumerated() {
            if index > 0 { runs.append(TextRun(" \(glyphs.dot) ", .dim)) }
            runs.append(TextRun("\(glyphs.mark(present)) \(InertText.sanitize(name))", present ? .good : .bad))
        }
        if let reason = state.snapshot?.item(for: entry.change.id)?.addedReason {
            runs += [TextRun(" \(glyphs.dot) ", .dim), TextRun("pulled in: \(InertText.sanitize(reason))", .warn)]
        }
        return runs
    }
}
