import CabinetModel
import TerminalKit

/// How the board words an emergency back for its post-implementation review.
enum PIRText {
    /// When it shipped (estimated or not), then its review's outcome, or the keys that record one.
    static func verdict(_ entry: QueueEntry, glyphs: Glyphs) -> (String, StyleRole) {
        let shipped = entry.change.deployment.map { deployment in
            "emergency deployed \(BoardText.dayAndTime(deployment.at))" + (deployment.isEstimated ? " (estimated: its window start)" : "")
        } ?? "emergency"
        guard let review = entry.pir else {
            return ("\(shipped) \(glyphs.dot) post-implementation review due: v accepted, u follow-up required", .warn)
        }
        let note = review.note.map { " \(glyphs.dot) \($0)" } ?? ""
        return ("\(shipped) \(glyphs.dot) PIR \(review.outcome.rawValue) by \(review.by)\(note)", review.outcome == .accepted ? .good : .warn)
    }
}
