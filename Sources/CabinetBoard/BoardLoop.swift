import CabinetModel
import CabinetStore
import TerminalKit
import CabinetUI
import Terminal

/// The board's state in the run loop: terminal events become messages in an inbox, which is
/// drained one message at a time through `update`; its effects are executed against the store
/// (what the store answers joins the inbox's end), and the snapshot is reloaded after writes and whenever another
/// process committed (the store's data version changed); the reload asks `update` again for
/// the figures and minutes of the open screens. The figures are computed in the background and
/// handed to `update` on the first event after they are ready (a tick at the latest).
/// When a shared store cannot be reached, the board keeps its screen, says it is reconnecting,
/// and keeps the writes made meanwhile to send them again, in order, once the store answers;
/// a decision carries its own id, so sending it twice records it once.
struct BoardLoop {
    let store: any Store
    /// The process's environment; the clock (`CAB_NOW`, else the wall clock) is read from it at every event.
    var environment: [String: String]
    /// Midnight UTC of the day shown.
    let day: Timestamp
    /// The change of `cab present ID`.
    let pinnedID: String?
    var state: AppState
    /// Messages waiting for `update`, oldest first.
    var inbox: [Msg] = []
    /// The store's data version at the last load.
    var version: Int?
    let figures: BackgroundFigures
    var quitting = false
    /// Writes made while the store could not be reached, oldest first.
    let waiting: WaitingWrites
    /// Set by a quit refused because writes were waiting: the next quit leaves without them.
    var warnedOfUnsaved = false
    /// Why the store cannot be reached, while it cannot.
    var connectionProblem: String?
    /// Set once the database file was removed or replaced: from then on nothing is written.
    var goneProblem: String?
    /// Where the minutes go when the chair publishes them; nil when this board cannot publish.
    let publisher: MinutesPublisher?
    /// What the last frame was rendered from, its clock to the second: an event that leaves it
    /// the same (an idle tick) renders nothing, so a long field costs nothing while the board waits.
    private var drawn: AppState?

    init(
        store: any Store, options: BoardOptions, environment: [String: String], waiting: WaitingWrites = WaitingWrites(),
        publisher: MinutesPublisher? = nil
    ) {
        self.store = store
        self.publisher = publisher
        self.waiting = waiting
        self.environment = environment
        figures = BackgroundFigures(store: store)
        let now = Timestamp.now(environment: environment)
        day = (options.day ?? now).startOfDay
        pinnedID = options.changeID
        state = AppState(
            role: options.presenter ? .presenter : options.startScreen == .panel ? .reader : .chair, chair: options.chair,
            onCall: options.onCall, itemMinutes: options.itemMinutes, day: day.day, now: now, changeID: options.changeID, panelPeriod: options.panelPeriod.map(PanelPeriod.fixed) ?? .standard)
        state.minutesWebhook = publisher?.webhook
    }

    /// Reads what the board needs before the first frame. A board opened on the panel starts its
    /// figures first, so they are computed while the day's snapshot loads.
    mutating func start() {
        if state.screen == .panel { figures.request(state.panel.period.period(at: state.now)) }
        do throws(CabinetError) {
            state.services = try store.services()
        } catch {
            report(error)
        }
        reload()
        drain()
    }

    mutating func handle(_ event: TerminalEvent, context: TerminalContext) -> LoopControl {
        state.unicode = context.unicode
        if state.width != context.width || state.height != context.height {
            send(.resize(width: context.width, height: context.height))
        }
        send(.tick(Timestamp.now(environment: environment)))
        for answer in figures.take() { send(answer) }
        switch event {
        case .tick: pollForChanges()
        case .key(.resize): break
        case .key(let key): send(.key(key))
        case .paste(let text): send(.paste(text))
        }
        drain()
        if quitting { return .quit }
        if figures.isBusy { return .proceedAndTickWithin(milliseconds: BoardLoop.busyPollMilliseconds) }
        // The board shows time to the second at most (the item's timer), so a tick within the second changes nothing.
        var shown = state
        shown.now = Timestamp(milliseconds: state.now.milliseconds - state.now.milliseconds % 1000)
        if shown == drawn { return .unchanged }
        drawn = shown
        return .proceed
    }

    /// How soon the loop looks again for figures being computed in the background.
    static let busyPollMilliseconds = 20

    func render(_ context: TerminalContext) -> CellBuffer {
        var shown = state
        shown.unicode = context.unicode
        return CabinetUI.render(shown, width: context.width, height: context.height)
    }

    private mutating func send(_ msg: Msg) {
        inbox.append(msg)
    }

    /// Hands the inbox to `update` message by message, running each one's effects before the next.
    private mutating func drain() {
        while !inbox.isEmpty {
            execute(CabinetUI.update(&state, inbox.removeFirst()))
        }
    }

    /// Runs effects in order; the first failure stops the rest and is reported. Writes are
    /// followed by a reload so this board shows them at once. While the store cannot be
    /// reached, writes wait in order behind the ones already waiting.
    private mutating func execute(_ effects: [Effect]) {
        var wrote = false
        defer { if wrote && connectionProblem == nil && goneProblem == nil { reload() } }
        for effect in effects {
            switch effect {
            case .quit:
                quitting = mayQuit()
                return
            case .loadFigures(let period):
                figures.request(period)
            case .loadMinutes(let day):
                do throws(CabinetError) {
                    send(.minutesLoaded(try store.minutes(on: try Self.instant(day), now: Timestamp.now(environment: environment))))
                } catch {
                    report(error)
                    return
                }
            case .publishMinutes(let day, let webhook):
                do throws(CabinetError) {
                    try publishMinutes(on: day, to: webhook)
                } catch {
                    report(error)
                    return
                }
            default:
                if goneProblem != nil {
                    waiting.effects.append(effect)
                    gone(nil)
                    continue
                }
                if let connectionProblem {
                    waiting.effects.append(effect)
                    lost(connectionProblem)
                    continue
                }
                do throws(CabinetError) {
                    wrote = true
                    try write(effect)
                } catch {
                    if case .storeDisconnected(_, let problem) = error {
                        waiting.effects.append(effect)
                        lost(problem)
                        continue
                    }
                    if case .storeGone(_, let problem) = error {
                        waiting.effects.append(effect)
                        gone(problem)
                        continue
                    }
                    if case .alreadyDecided(let change, let outcome, let by, let at) = error {
                        send(.decisionRefused(change: change, message: "\(change) was already decided by \(by) at \(at.iso8601) (\(outcome.rawValue))"))
                    } else {
                        send(.failed(error.description))
                    }
                    return
                }
            }
        }
    }

    /// Quitting with writes waiting first tries to send them; if the store still cannot be
    /// reached, the board stays and says so once, and a second quit leaves without them.
    private mutating func mayQuit() -> Bool {
        guard goneProblem == nil, !waiting.effects.isEmpty, !warnedOfUnsaved else { return true }
        do throws(CabinetError) {
            try sendWaiting()
            return true
        } catch {
            warnedOfUnsaved = true
            let count = waiting.effects.count
            send(.failed("\(count) \(count == 1 ? "change is" : "changes are") not saved yet (the store cannot be reached): q again quits without them"))
            return false
        }
    }

    /// Runs one write against the store.
    private func write(_ effect: Effect) throws(CabinetError) {
        switch effect {
        case .startMeeting(let day, let time, let meeting): try store.startMeeting(on: day, at: time, opening: meeting)
        case .endMeeting(let day, let time): try store.endMeeting(on: day, at: time)
        case .clocks(let steps, let day, let time): try store.clock(steps, on: day, at: time)
        case .decide(let decision, let steps, let day): try store.record(decision, clocks: steps, on: day)
        case .reviewEmergency(let review, let steps, let day): try store.record(review, clocks: steps, on: day)
        case .setAttendance(let day, let name, let role, let present, let meeting):
            try store.setAttendance(on: day, name: name, role: role, present: present, opening: meeting)
        case .addToAgenda(let day, let change, let reason, let by, let time):
            _ = try store.addToAgenda(on: day, change: change, reason: reason, by: by, at: time)
        case .moveAgendaItem(let day, let change, let place): _ = try store.moveAgendaItem(on: day, change: change, to: place)
        case .setNotes(let day, let change, let notes): try store.setNotes(on: day, change: change, notes: notes)
        case .addActionItem(let item): _ = try store.addActionItem(item)
        case .addAttendee(let day, let attendee, let meeting): try store.addAttendee(on: day, attendee, opening: meeting)
        case .quit, .loadFigures, .loadMinutes, .publishMinutes: break
        }
    }

    /// Reads the day's minutes and publishes them: the file always, the webhook when given.
    private mutating func publishMinutes(on day: String, to webhook: String?) throws(CabinetError) {
        guard let publisher else { throw .refused("this board does not publish minutes: cab minutes --markdown prints them") }
        guard let minutes = try store.minutes(on: try Self.instant(day), now: Timestamp.now(environment: environment)) else {
            throw .notFound(kind: "meeting on", id: day)
        }
        send(.minutesPublished(path: try publisher.publish(minutes, to: webhook), webhook: webhook))
    }

    /// Midnight UTC of a day written `2026-11-27`.
    private static func instant(_ day: String) throws(CabinetError) -> Timestamp {
        do { return try Timestamp(dayOrInstant: day) } catch { throw .invalidArgument(name: "day", problem: error.description) }
    }

    /// Reloads when another process committed since the last load. After an outage, the writes
    /// kept meanwhile go first.
    private mutating func pollForChanges() {
        guard goneProblem == nil else { return }
        do throws(CabinetError) {
            let current = try store.dataVersion()
            if connectionProblem != nil {
                try sendWaiting()
                connectionProblem = nil
                send(.connection(problem: nil, waiting: 0))
                reload()
            } else if current != version {
                reload()
            }
        } catch {
            report(error)
        }
    }

    /// Sends the kept writes in order; the first that fails again stays first.
    private mutating func sendWaiting() throws(CabinetError) {
        while let effect = waiting.effects.first {
            do throws(CabinetError) {
                try write(effect)
            } catch {
                if case .storeDisconnected = error { throw error }
                // Refused now (someone decided meanwhile): said once, and not kept.
                waiting.effects.removeFirst()
                send(.failed(error.description))
                continue
            }
            waiting.effects.removeFirst()
        }
    }

    private mutating func lost(_ problem: String) {
        connectionProblem = problem
        send(.connection(problem: problem, waiting: waiting.effects.count))
    }

    /// The database file is gone (`problem` says how, the first time): the board stops writing,
    /// keeps what was not saved to list it at the end, and says so until it closes.
    private mutating func gone(_ problem: String?) {
        if let problem {
            goneProblem = "the database file \(problem)"
            waiting.problem = "the database file \(problem)"
        }
        send(.storeGone(problem: goneProblem ?? "", unsaved: waiting.effects.count))
    }

    /// A lost connection is said on the reconnecting line, a file gone on that line too; anything
    /// else on the status line.
    private mutating func report(_ error: CabinetError) {
        switch error {
        case .storeDisconnected(_, let problem): lost(problem)
        case .storeGone(_, let problem): gone(problem)
        default: send(.failed(error.description))
        }
    }

    private mutating func reload() {
        do throws(CabinetError) {
            version = try store.dataVersion()
            // The read-only panel (`cab panel`) never shows the day: its figures are all it reads again.
            if state.role == .reader { return figures.request(state.panel.period.period(at: state.now)) }
            let now = Timestamp.now(environment: environment)
            let snapshot = try store.boardSnapshot(on: day, now: now)
            send(.loaded(snapshot))
            if let pinnedID, !(snapshot.agenda + snapshot.late).contains(where: { $0.change.id == pinnedID }) {
                guard let change = try store.change(id: pinnedID) else {
                    send(.failed("no change '\(pinnedID)' in the store"))
                    return
                }
                send(.pinnedLoaded(QueueEntry(change: change, now: now, latestDecision: try store.decisions(forChange: pinnedID).last)))
            }
        } catch {
            report(error)
        }
    }
}
