import CabinetModel
import TerminalKit

/// The chair's control of the agenda and the meeting's record: reordering, pulling a late change
/// in, ad-hoc attendees, who must be in the room, notes and action items, publishing the minutes.
extension AppState {
    /// K/J: moves the selected agenda item one place up or down; one write per move.
    mutating func moveItem(by delta: Int) -> [Effect] {
        guard let snapshot, agendaOpen(snapshot), let row = selectedRow else { return [] }
        let id = row.entry.change.id
        guard !row.isLate, let index = snapshot.agenda.firstIndex(where: { $0.change.id == id }) else {
            status = StatusLine("\(id) is late, not on the agenda: i pulls it in", isError: true)
            return []
        }
        let target = index + delta
        guard snapshot.agenda.indices.contains(target) else {
            status = StatusLine("\(id) is already \(delta < 0 ? "first" : "last") on the agenda")
            return []
        }
        status = StatusLine("\(id) moved to place \(target + 1) of \(snapshot.agenda.count)")
        return [.moveAgendaItem(day: day, change: id, to: target + 1)]
    }

    /// i: asks why the selected late change joins today's meeting.
    mutating func askWhyPullIn() {
        guard let snapshot, agendaOpen(snapshot), let row = selectedRow else { return }
        guard row.isLate else {
            status = StatusLine("\(row.entry.change.id) is on the agenda already: i pulls in a late change (Tab reaches them)", isError: true)
            return
        }
        dialog = .agendaText(.pullIn(change: row.entry.change.id), field: TextField(multiline: true))
    }

    /// N: the notes of the item on the card, prefilled with what was typed before.
    mutating func askForNotes() {
        guard let id = agendaItemOnCard() else { return }
        dialog = .agendaText(.notes(change: id), field: TextField(snapshot?.item(for: id)?.notes ?? "", multiline: true))
    }

    /// A: an action item on the item on the card: its text, then its owner and due day.
    mutating func askForActionItem() {
        guard let id = agendaItemOnCard() else { return }
        dialog = .agendaText(.actionText(change: id), field: TextField(multiline: true))
    }

    /// P: publishes the ended meeting's minutes to a file; the webhook is asked about next.
    mutating func publishMinutes() -> [Effect] {
        guard snapshot?.meeting?.endedAt != nil else {
            status = StatusLine("the minutes are published once the meeting has ended: e ends it", isError: true)
            return []
        }
        return [.publishMinutes(day: day, webhook: nil)]
    }

    /// The minutes reached their file (and the webhook, when given); a webhook not posted to yet is asked about.
    mutating func published(path: String, webhook: String?) {
        if let webhook {
            status = StatusLine("minutes written to \(path) and posted to \(webhook)")
        } else {
            status = StatusLine("minutes written to \(path)")
            if let configured = minutesWebhook { dialog = .confirmPublish(webhook: configured) }
        }
    }

    /// Accepts the text of an agenda prompt: each prompt's text checked by the rule of its field.
    mutating func submit(_ prompt: AgendaPrompt, _ field: TextField) -> [Effect] {
        switch prompt {
        case .pullIn(let change):
            guard let reason = required(field, or: "say why \(change) joins today's meeting, or Esc to leave"), checked(reason, .long, "reason") else {
                return []
            }
            dialog = nil
            status = StatusLine("\(change) joins today's agenda, last")
            return [.addToAgenda(day: day, change: change, reason: reason, by: chair, at: now)]
        case .notes(let change):
            let notes = BoardText.trimmed(field.text)
            guard checked(notes, .long, "notes") else { return [] }
            dialog = nil
            status = StatusLine(notes.isEmpty ? "\(change): notes cleared" : "\(change): notes kept for the minutes")
            return [.setNotes(day: day, change: change, notes: notes.isEmpty ? nil : notes)]
        case .actionText(let change):
            guard let text = required(field, or: "say what is to be done, or Esc to leave"), checked(text, .long, "text") else { return [] }
            let owner = entry(for: change)?.change.owner ?? ""
            dialog = .agendaText(.actionOwner(change: change, text: text), field: TextField(owner, multiline: false))
        case .actionOwner(let change, let text):
            guard let typed = TypedOwner(field.text), checked(typed.owner, .short, "owner") else {
                status = StatusLine("name who does it, then the due day if any: raj 2026-12-04", isError: true)
                return []
            }
            dialog = nil
            status = StatusLine("action item on \(change) for \(typed.owner)" + (typed.due.map { ", due \($0)" } ?? ""))
            return [.addActionItem(ActionItem(kind: .action, change: change, meeting: day, text: text, owner: typed.owner, due: typed.due,
                                              openedAt: now, openedBy: chair))]
        case .attendee:
            guard let typed = TypedAttendee(field.text), checked(typed.name, .short, "name"), checked(typed.team ?? "", .short, "team") else {
                status = StatusLine("write a name, and 'for TEAM' if they speak for one: dana for payments", isError: true)
                return []
            }
            dialog = nil
            status = StatusLine("\(typed.name) is present" + (typed.team.map { ", for \($0)" } ?? ""))
            let attendee = Attendee(name: typed.name, role: typed.team == nil ? .observer : .downstream, present: true, speaksFor: typed.team)
            return [.addAttendee(day: day, attendee, opening: snapshot?.meeting == nil ? suggestedMeeting : nil)]
        }
        return []
    }

    /// Who must be in the room for `entry`, from the service graph and today's attendance.
    func requiredAttendance(for entry: QueueEntry) -> RequiredAttendance {
        RequiredAttendance(change: entry.change, services: services, attendees: attendees)
    }

    /// Starting an item whose owner or required teams are absent goes ahead (never blocked); the
    /// status line says who is missing. The effects are returned unchanged.
    mutating func flaggingMissing(_ effects: [Effect]) -> [Effect] {
        let started = effects.flatMap { effect -> [String] in
            guard case .clocks(let steps, _, _) = effect else { return [] }
            return steps.filter { $0.action == .start || $0.action == .resume }.map(\.change)
        }
        if let id = started.last, let entry = entry(for: id) {
            let missing = requiredAttendance(for: entry).missing
            if !missing.isEmpty { status = StatusLine("\(id) presented without \(missing.joined(separator: ", ")) (flagged in the minutes)", isError: true) }
        }
        return effects
    }

    /// True while the agenda can be changed: the meeting started (its agenda frozen) and not ended; otherwise says why.
    private mutating func agendaOpen(_ snapshot: BoardSnapshot) -> Bool {
        guard snapshot.meeting?.agendaFrozenAt != nil else {
            status = StatusLine("the agenda is the queue until the meeting starts: s starts it", isError: true)
            return false
        }
        guard snapshot.meeting?.endedAt == nil else {
            status = StatusLine("the meeting has ended: its agenda is closed", isError: true)
            return false
        }
        return true
    }

    /// The change on the card when it is an item of today's started meeting; otherwise says why not.
    private mutating func agendaItemOnCard() -> String? {
        guard let id = cardChangeID else { return nil }
        guard snapshot?.item(for: id) != nil else {
            status = StatusLine("\(id) is not on today's agenda: notes and action items belong to its items", isError: true)
            return nil
        }
        return id
    }

    /// True when `text` meets the rule of its field (as decisions' text does); otherwise the status line says why.
    private mutating func checked(_ text: String, _ rule: FieldText, _ name: String) -> Bool {
        guard let (field, problem) = FieldText.firstProblem(in: [(name, text, rule)]) else { return true }
        status = StatusLine("the \(field) \(problem)", isError: true)
        return false
    }
}
