import CabinetModel
import TerminalKit

extension AppState {
    /// Decides the target entry (or `changeID`) by the chair. The item being presented is decided
    /// at once; approving a change that is not ready first takes an override reason, deciding any
    /// other change first asks for a yes, and deciding a change decided today corrects that
    /// decision, with a reason (a rejection's or a deferral's own serves).
    mutating func decide(_ outcome: Outcome, conditions: String? = nil, note: String? = nil, change changeID: String? = nil,
                         confirmed: Bool = false) -> [Effect] {
        guard let entry = changeID.flatMap(entry(for:)) ?? targetEntry, decidable(entry) else { return [] }
        return proceed(PendingDecision(change: entry.change.id, outcome: outcome, conditions: conditions, note: note,
                                       correcting: snapshot?.decisionToday(entry), confirmed: confirmed))
    }

    /// Asks for what `pending` still needs, or records it.
    private mutating func proceed(_ pending: PendingDecision) -> [Effect] {
        guard let entry = entry(for: pending.change) else { return [] }
        if pending.correcting != nil, pending.correctionReason == nil, pending.outcome.approves {
            dialog = .correctionReason(pending, field: TextField(multiline: true))
        } else if pending.outcome == .deferred, pending.deferral == nil {
            dialog = .deferral(pending, field: TextField(proposedDeferral(of: entry).note, multiline: true))
        } else if pending.outcome.approves, !entry.readiness.isReady, pending.overrideReason == nil {
            dialog = .overrideReason(pending, field: TextField(multiline: true))
        } else if pending.correcting == nil, pending.overrideReason == nil, pending.deferral == nil, !pending.confirmed,
                  let doubt = doubt(about: pending.change) {
            dialog = .confirmDecision(pending, doubt: doubt)
        } else {
            return record(pending)
        }
        return []
    }

    /// The deferral `d` proposes: to the next weekday's meeting, for the change's readiness problems.
    private func proposedDeferral(of entry: QueueEntry) -> Deferral {
        let problems = entry.readiness.problems.map { $0.replacing(": needs more preparation", with: "") }
        return Deferral(target: Deferral.nextWeekday(after: day) ?? day, reason: problems.joined(separator: "; "))
    }

    /// Why deciding `id` now needs a second thought: it is not the item being presented; nil when it is.
    func doubt(about id: String) -> String? {
        guard let snapshot, snapshot.meetingInProgress else {
            let ended = snapshot?.meeting?.endedAt != nil
            return ended ? "the meeting has ended: \(id) was not decided in it" : "the meeting has not started: \(id) is on no frozen agenda"
        }
        let current = snapshot.currentChangeID
        if current == id { return nil }
        let started = snapshot.item(for: id)?.startedAt != nil
        let running = snapshot.meeting?.items.contains(where: \.isRunning) ?? false
        if started, !running { return nil }
        return "\(id) is not being presented" + (current.map { " (\($0) is)" } ?? "")
    }

    /// Records a decision now, by the chair, and moves on.
    private mutating func record(_ pending: PendingDecision) -> [Effect] {
        let id = pending.change
        guard let entry = entry(for: id), decidable(entry) else { return [] }
        let started = snapshot?.item(for: id).map { $0.startedAt != nil && $0.endedAt == nil } ?? false
        let end = started ? [ClockStep(.end, id)] : []
        let decision = Decision(id: Self.decisionID(change: id, at: now, correcting: pending.correcting), change: id, outcome: pending.outcome,
                                at: now, by: chair, conditions: pending.conditions, note: pending.recordedNote, supersedes: pending.correcting?.id)
        status = StatusLine("\(id): \(pending.outcome.rawValue)")
        return [.decide(decision, clocks: end + moveOn(after: id), day: day)]
    }

    /// `board-CHG-1-<ms>`, and for the n-th correction in a row `…-c<n>`: a correction made in the
    /// same millisecond as the decision it corrects (a pinned clock) must not reuse its id.
    static func decisionID(change: String, at time: Timestamp, correcting: Decision?) -> String {
        let base = "board-\(change)-\(time.milliseconds)"
        guard let correcting else { return base }
        let previous = correcting.id.firstMatch(of: /-c([0-9]+)$/).flatMap { Int($0.1) } ?? 0
        return base + "-c\(previous + 1)"
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
        case .overrideReason(let pending, var field)?:
            apply(&field)
            dialog = .overrideReason(pending, field: field)
        case .correctionReason(let pending, var field)?:
            apply(&field)
            dialog = .correctionReason(pending, field: field)
        case .deferral(let pending, var field)?:
            apply(&field)
            dialog = .deferral(pending, field: field)
        case .agendaText(let prompt, var field)?:
            apply(&field)
            dialog = .agendaText(prompt, field: field)
        case .followUpNote(let change, var field)?:
            apply(&field)
            dialog = .followUpNote(change: change, field: field)
        default:
            break
        }
    }

    mutating func submitDialog() -> [Effect] {
        switch dialog {
        case .filter?:
            dialog = nil
        case .conditions(let change, let field)?:
            guard let conditions = required(field, or: "write the conditions, or Esc to leave") else { return [] }
            dialog = nil
            return decide(.approvedWithConditions, conditions: conditions, change: change)
        case .rejectReason(let change, let field)?:
            guard let reason = required(field, or: "a reason is required to reject") else { return [] }
            dialog = .confirmReject(change: change, reason: reason)
        case .overrideReason(var pending, let field)?:
            guard let reason = required(field, or: "an override reason is required to approve a change that is not ready") else { return [] }
            dialog = nil
            pending.overrideReason = reason
            return proceed(pending)
        case .deferral(var pending, let field)?:
            let form = "write the target meeting's day, then the reason: to \(Deferral.nextWeekday(after: day) ?? day): reason"
            guard let text = required(field, or: form) else { return [] }
            guard let deferral = Deferral(parsing: text), !deferral.reason.isEmpty else {
                status = StatusLine(form, isError: true)
                return []
            }
            guard deferral.target > day else {
                status = StatusLine("defer to a later meeting than today's (\(day))", isError: true)
                return []
            }
            dialog = nil
            pending.deferral = deferral
            return proceed(pending)
        case .correctionReason(var pending, let field)?:
            guard let reason = required(field, or: "a reason is required to correct a decision") else { return [] }
            dialog = nil
            pending.correctionReason = reason
            return proceed(pending)
        case .agendaText(let prompt, let field)?:
            return submit(prompt, field)
        case .followUpNote(let change, let field)?:
            guard let note = required(field, or: "say what follows up, or Esc to leave") else { return [] }
            dialog = nil
            return reviewEmergency(.followUpRequired, note: note, change: change)
        default:
            break
        }
        return []
    }

    /// The field's text, trimmed; when it is blank, nil and `problem` on the status line.
    mutating func required(_ field: TextField, or problem: String) -> String? {
        let text = BoardText.trimmed(field.text)
        if text.isEmpty { status = StatusLine(problem, isError: true) }
        return text.isEmpty ? nil : text
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
            return decide(.rejected, note: reason, change: change, confirmed: true)
        case .confirmDecision(var pending, _)?:
            dialog = nil
            pending.confirmed = true
            return proceed(pending)
        case .confirmEnd?:
            dialog = nil
            status = StatusLine("meeting ended: P publishes the minutes")
            return endMeeting()
        case .confirmPublish(let webhook)?:
            dialog = nil
            return [.publishMinutes(day: day, webhook: webhook)]
        default:
            return []
        }
    }

    /// True when the entry can be decided (or reviewed) now; otherwise the status line says why not.
    mutating func decidable(_ entry: QueueEntry, asReview: Bool = false) -> Bool {
        let id = entry.change.id
        if snapshot?.late.contains(where: { $0.change.id == id }) == true {
            status = StatusLine("\(id) is late: it goes to the next meeting", isError: true)
            return false
        }
        if entry.kind == .pir, !asReview {
            status = StatusLine("\(id) is an emergency back for its review (PIR), not a decision: v accepted, u follow-up required", isError: true)
            return false
        }
        if entry.kind == .review, asReview {
            status = StatusLine("\(id) is not an emergency back for its review: a, c, r or d decide it", isError: true)
            return false
        }
        return true
    }
}
