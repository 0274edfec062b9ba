import CabinetModel
import TerminalKit

extension AppState {
    /// Records a decision on the target entry (or `changeID`) now, by the chair, and moves on.
    mutating func decide(_ outcome: Outcome, conditions: String? = nil, note: String? = nil, change changeID: String? = nil) -> [Effect] {
        guard let entry = changeID.flatMap(entry(for:)) ?? targetEntry, decidable(entry) else { return [] }
        let id = entry.change.id
        let started = snapshot?.item(for: id).map { $0.startedAt != nil && $0.endedAt == nil } ?? false
        let end = started ? [ClockStep(.end, id)] : []
        let decision = Decision(id: "board-\(id)-\(now.milliseconds)", change: id, outcome: outcome, at: now, by: chair,
                                conditions: conditions, note: note)
        status = StatusLine("\(id): \(outcome.rawValue)")
        return [.decide(decision, clocks: end + moveOn(after: id), day: day)]
    }

    mutating func askForConditions() {
        guard let entry = targetEntry, decidable(entry) else { return }
        dialog = .conditions(change: entry.change.id, field: TextField(multiline: true))
    }

    mutating func askForReason() {
        guard let entry = targetEntry, decidable(entry) else { return }
        dialog = .rejectReason(change: entry.change.id, field: TextField(multiline: true))
    }

    /// Text typed or pasted into the open field, at its cursor.
    mutating func type(_ text: String) {
        editField { $0.insert(text) }
    }

    /// A paste goes into the open text field, line breaks and all; with no field open it is
    /// dropped whole, so none of its characters is ever taken as a key.
    mutating func paste(_ text: String) {
        guard keyScreen == .input else {
            status = StatusLine("pasted text goes into a text field only: nothing was done", isError: true)
            return
        }
        type(text)
    }

    /// Changes the open field's text or cursor; the queue filter follows its field as it is typed.
    mutating func editField(_ apply: (inout TextField) -> Void) {
        switch dialog {
        case .filter(let previous, var field)?:
            apply(&field)
            dialog = .filter(previous: previous, field: field)
            if filter != field.text {
                filter = field.text
                selection = 0
            }
        case .conditions(let change, var field)?:
            apply(&field)
            dialog = .conditions(change: change, field: field)
        case .rejectReason(let change, var field)?:
            apply(&field)
            dialog = .rejectReason(change: change, field: field)
        default:
            break
        }
    }

    mutating func submitDialog() -> [Effect] {
        switch dialog {
        case .filter?:
            dialog = nil
        case .conditions(let change, let field)?:
            let conditions = BoardText.trimmed(field.text)
            guard !conditions.isEmpty else {
                status = StatusLine("write the conditions, or Esc to leave", isError: true)
                return []
            }
            dialog = nil
            return decide(.approvedWithConditions, conditions: conditions, change: change)
        case .rejectReason(let change, let field)?:
            let reason = BoardText.trimmed(field.text)
            guard !reason.isEmpty else {
                status = StatusLine("a reason is required to reject", isError: true)
                return []
            }
            dialog = .confirmReject(change: change, reason: reason)
        default:
            break
        }
        return []
    }

    mutating func cancelDialog() {
        if case .filter(let previous, _)? = dialog {
            filter = previous
            clampSelections()
        }
        dialog = nil
    }

    mutating func confirmDialog() -> [Effect] {
        switch dialog {
        case .confirmReject(let change, let reason)?:
            dialog = nil
            return decide(.rejected, note: reason, change: change)
        case .confirmEnd?:
            dialog = nil
            status = StatusLine("meeting ended")
            return endMeeting()
        default:
            return []
        }
    }

    /// True when the entry can be decided now; otherwise the status line says why not.
    private mutating func decidable(_ entry: QueueEntry) -> Bool {
        let id = entry.change.id
        if let decision = snapshot?.decisionToday(entry) {
            status = StatusLine("\(id) is already decided: \(BoardText.describe(decision))", isError: true)
            return false
        }
        if snapshot?.late.contains(where: { $0.change.id == id }) == true {
            status = StatusLine("\(id) is late: it goes to the next meeting", isError: true)
            return false
        }
        return true
    }
}
