import CabinetModel
@testable import TerminalKit
import Testing
@testable import CabinetUI

/// Drives the board like a chair at the keyboard, against an in-memory stand-in for the store
/// that applies effects the way the store does (the clock through `AgendaItem.applying`), so a
/// test reads like a user's script: press keys, let time pass, read the screen.
struct BoardDriver: CustomTestStringConvertible {
    var state: AppState
    var world: World
    /// Every effect `update` asked for, in order.
    var effects: [Effect] = []
    var quit = false

    init(role: BoardRole = .chair, width: Int = 80, height: Int = 24, now: Timestamp = BoardFixture.at("09:00:00")) {
        world = World(changes: BoardFixture.changes + [BoardFixture.lateChange])
        state = AppState(role: role, chair: role == .chair ? BoardFixture.chair : "viewer", onCall: "ana.ribeiro",
                         services: BoardFixture.services, day: BoardFixture.day, now: now)
        send(.resize(width: width, height: height))
        send(.loaded(world.snapshot(now: now)))
    }

    /// The stand-in store for the pure screens: changes, one meeting, decisions, and the aggregates
    /// the figures come from. It keeps none of the store's rules: what a key records, and what the
    /// store refuses, are tested on the real loop and store (Tests/CabinetBoardTests).
    struct World {
        var changes: [Change]
        var meeting: Meeting?
        var decisions: [String: Decision] = [:]
        /// Post-implementation reviews of emergencies, by change.
        var reviews: [String: PostImplementationReview] = [:]
        var figureGroups: [RouteWeek: FigureCounts] = [:]
        /// Action items raised on the board, numbered as the store numbers them.
        var actions: [ActionItem] = []
        /// The webhooks the minutes were published with (nil: the file only), in order.
        var publications: [String?] = []
        var followUps = FollowUps()

        func figures(for period: Period) -> Figures {
            var figures = Figures(period: period, groups: figureGroups, incidentsByRoute: [:], boardIncidentsByWeek: [:])
            figures.followUps = followUps
            return figures
        }

        func minutes(now: Timestamp) -> MeetingMinutes? {
            meeting.map { meeting in
                var minutes = MeetingMinutes(snapshot: snapshot(now: now), meeting: meeting, decisions: decisions.mapValues { [$0] },
                                             services: BoardFixture.services, now: now)
                minutes.actions = actions.filter { $0.meeting == meeting.date }
                return minutes
            }
        }

        func snapshot(now: Timestamp) -> BoardSnapshot {
            let visible = changes.filter { $0.submittedAt <= now }
            let entries = visible.map { QueueEntry(change: $0, now: now, latestDecision: decisions[$0.id], assessment: AssessmentFixture.assess($0),
                                                   pir: reviews[$0.id]) }
            guard let meeting, meeting.agendaFrozenAt != nil else {
                return BoardSnapshot(day: BoardFixture.day, meeting: meeting, agenda: entries, late: [])
            }
            let onAgenda = Set(meeting.items.map(\.change))
            return BoardSnapshot(day: BoardFixture.day, meeting: meeting,
                                 agenda: meeting.items.compactMap { item in entries.first { $0.change.id == item.change } },
                                 late: entries.filter { !onAgenda.contains($0.change.id) && $0.latestDecision == nil })
        }

        /// Moves the clocks of agenda items, as the store does.
        mutating func clock(_ steps: [ClockStep], at time: Timestamp) -> Msg? {
            for step in steps {
                guard let index = meeting?.items.firstIndex(where: { $0.change == step.change }) else { return .failed("\(step.change) is not on the agenda") }
                if let item = meeting?.items[index].applying(step.action, at: time) { meeting?.items[index] = item }
            }
            return nil
        }

        /// Applies one effect; the message the runtime would send when the store refuses it.
        mutating func apply(_ effect: Effect, now: Timestamp) -> Msg? {
            switch effect {
            case .startMeeting(_, let time, let opening):
                if meeting == nil { meeting = opening }
                guard meeting?.agendaFrozenAt == nil else { return nil }
                meeting?.startedAt = time
                meeting?.agendaFrozenAt = time
                let waiting = changes.filter { $0.submittedAt <= time && (decisions[$0.id].map { $0.returnsToBoard(on: BoardFixture.day) } ?? true) }
                meeting?.items = waiting.enumerated().map { AgendaItem(change: $0.element.id, position: $0.offset) }
            case .endMeeting(_, let time):
                let open = meeting?.items.filter { $0.startedAt != nil && $0.endedAt == nil }.map { ClockStep(.end, $0.change) } ?? []
                if let refusal = clock(open, at: time) { return refusal }
                meeting?.endedAt = time
            case .clocks(let steps, _, let time):
                return clock(steps, at: time)
            case .decide(let decision, let steps, _):
                decisions[decision.change] = decision
                return clock(steps, at: decision.at)
            case .reviewEmergency(let review, let steps, _):
                if let first = reviews[review.change] {
                    return .decisionRefused(change: review.change, message: "\(review.change) was already reviewed by \(first.by)")
                }
                reviews[review.change] = review
                return clock(steps, at: review.at)
            case .setAttendance(_, let name, let role, let present, let opening):
                if meeting == nil { meeting = opening }
                if let index = meeting?.attendees.firstIndex(where: { $0.name == name }) {
                    meeting?.attendees[index].present = present
                } else {
                    meeting?.attendees.append(Attendee(name: name, role: role, present: present))
                }
            case .addToAgenda(_, let change, let reason, let by, _):
                guard let items = meeting?.items, !items.contains(where: { $0.change == change }) else { return .failed("\(change) is on the agenda") }
                meeting?.items.append(AgendaItem(change: change, position: (items.map(\.position).max() ?? -1) + 1, addedReason: reason, addedBy: by))
            case .moveAgendaItem(_, let change, let place):
                guard var items = meeting?.items, let from = items.firstIndex(where: { $0.change == change }) else { return .failed("not on the agenda") }
                items.insert(items.remove(at: from), at: place - 1)
                meeting?.items = items.enumerated().map { offset, item in
                    var item = item
                    item.position = offset
                    return item
                }
            case .setNotes(_, let change, let notes):
                guard let index = meeting?.items.firstIndex(where: { $0.change == change }) else { return .failed("not on the agenda") }
                meeting?.items[index].notes = notes
            case .addActionItem(var item):
                item.id = ActionItem.id(actions.count + 1)
                actions.append(item)
            case .addAttendee(_, let attendee, let opening):
                if meeting == nil { meeting = opening }
                if let index = meeting?.attendees.firstIndex(where: { $0.name == attendee.name }) {
                    meeting?.attendees[index] = attendee
                } else {
                    meeting?.attendees.append(attendee)
                }
            case .publishMinutes(let day, let webhook):
                publications.append(webhook)
                return .minutesPublished(path: "/srv/cab/cab-minutes-\(day).md", webhook: webhook)
            case .loadFigures(let period):
                return .figuresLoaded(figures(for: period))
            case .loadMinutes:
                return .minutesLoaded(minutes(now: now))
            case .quit:
                break
            }
            return nil
        }
    }

    var now: Timestamp { state.now }

    /// Sends a message, then runs its effects against the world as the runtime does: a read's
    /// answer is sent back at once, a refusal stops the rest, and writes are followed by a reload.
    mutating func send(_ msg: Msg) {
        let produced = update(&state, msg)
        effects += produced
        var wrote = false
        for effect in produced {
            switch effect {
            case .quit:
                quit = true
            case .loadFigures, .loadMinutes, .publishMinutes:
                if let answer = world.apply(effect, now: now) { send(answer) }
            default:
                wrote = true
                if let refusal = world.apply(effect, now: now) {
                    _ = update(&state, refusal)
                    reload()
                    return
                }
            }
        }
        if wrote { reload() }
    }

    mutating func press(_ key: Key) { send(.key(key)) }

    /// Presses one key per character: "s", " ", "a"…
    mutating func press(_ keys: String) {
        for character in keys { press(.character(character)) }
    }

    /// Types text into the open field.
    mutating func type(_ text: String) { press(text) }

    /// Pastes text, as a terminal with bracketed paste hands it over: whole, line breaks and all.
    mutating func paste(_ text: String) { send(.paste(text)) }

    /// Lets `seconds` pass in 250 ms ticks, as the terminal does.
    mutating func wait(seconds: Double) {
        let end = now.milliseconds + Int64(seconds * 1000)
        while now.milliseconds < end {
            send(.tick(Timestamp(milliseconds: min(end, now.milliseconds + 250))))
        }
    }

    /// Someone else writes to the store (another terminal); the board sees it on its next load.
    mutating func elsewhere(_ effect: Effect) {
        _ = world.apply(effect, now: now)
        reload()
    }

    /// The board reloads, as it does when the store's data version moved.
    mutating func reload() { send(.loaded(world.snapshot(now: now))) }

    var screen: [String] { render(state, width: state.width, height: state.height).lines }
    var text: String { screen.joined(separator: "\n") }

    func shows(_ fragment: String) -> Bool { screen.contains { $0.contains(fragment) } }

    /// The role of the first cell of `fragment` on screen.
    func role(of fragment: String) -> StyleRole? {
        let buffer = render(state, width: state.width, height: state.height)
        for y in 0..<buffer.height {
            let cells = (0..<buffer.width).map { buffer[$0, y] }
            let texts = cells.map(\.text)
            for x in texts.indices where texts[x...].joined().hasPrefix(fragment) { return cells[x].role }
        }
        return nil
    }

    func decision(_ change: String) -> Decision? { world.decisions[change] }

    var testDescription: String { "the board shows:\n" + text }
    func item(_ change: String) -> AgendaItem? { world.meeting?.items.first { $0.change == change } }
}
