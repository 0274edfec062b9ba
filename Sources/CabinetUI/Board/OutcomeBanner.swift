import CabinetModel
import TerminalKit

/// What the chair decided about the item a presenter was following, with its conditions or
/// reason; the presenter's board shows it until the item after it gives way to another.
public struct OutcomeBanner: Hashable, Sendable {
    public var decision: Decision
    /// The item the meeting moved on to when the decision was seen; nil when none followed.
    public var shownDuring: String?

    /// "CHG-1042 approved with conditions by priya at 09:34: Owner on call during the window".
    public var text: String {
        let outcome = decision.outcome == .approvedWithConditions ? "approved with conditions" : decision.outcome.rawValue
        let said = [decision.conditions, decision.note].compactMap { $0 }.filter { !BoardText.trimmed($0).isEmpty }
        return "\(decision.change) \(outcome) by \(decision.by) at \(BoardText.time(decision.at))"
            + (said.isEmpty ? "" : ": " + said.joined(separator: "; "))
    }

    /// The theme role of the outcome: approvals good, rejections bad, deferrals a warning.
    var role: StyleRole {
        switch decision.outcome {
        case .approved, .approvedWithConditions: .good
        case .rejected: .bad
        case .deferred: .warn
        }
    }
}

extension AppState {
    /// On a presenter's board, notes the outcome of the item the meeting was on when the new
    /// snapshot shows it decided; a banner goes once another item than the one after it is current.
    mutating func noteOutcome(before previous: BoardSnapshot?, now current: BoardSnapshot) {
        guard role == .presenter else { return }
        func entry(_ id: String, in snapshot: BoardSnapshot) -> QueueEntry? { snapshot.agenda.first { $0.change.id == id } }
        if let previous, let id = previous.currentChangeID,
           let before = entry(id, in: previous), previous.decisionToday(before) == nil,
           let after = entry(id, in: current), let decision = current.decisionToday(after) {
            outcome = OutcomeBanner(decision: decision, shownDuring: current.currentChangeID)
        } else if let banner = outcome, current.currentChangeID != banner.shownDuring {
            outcome = nil
        }
    }
}

/// The outcome banner, wrapped to at most three rows just above the status line.
enum OutcomeBannerView {
    static func draw(_ state: AppState, into buffer: inout CellBuffer, glyphs: Glyphs) {
        guard let banner = state.outcome, state.dialog == nil, state.screen != .help else { return }
        let lines = TextWrap.wrap(banner.text, width: buffer.width - 4, maxLines: 3, marker: glyphs.more)
        let top = buffer.height - 2 - lines.count
        guard top > BoardLayout.body(height: buffer.height).lowerBound else { return }
        buffer.fill(x: 0, y: top, width: buffer.width, height: lines.count, role: banner.role)
        for (offset, line) in lines.enumerated() {
            buffer.write(line, x: 2, y: top + offset, role: banner.role)
        }
    }
}
