import CabinetKit
import CabinetUI
import Terminal

/// The board's state in the run loop: terminal events become messages, `update`'s effects are
/// executed against the store, and the snapshot is reloaded after writes and whenever another
/// process committed (the store's data version changed); the reload asks `update` again for
/// the figures and minutes of the open screens. The figures are computed in the background and
/// handed to `update` on the first event after they are ready (a tick at the latest).
struct BoardLoop {
    let store: any Store
    let environment: [String: String]
    /// Midnight UTC of the day shown.
    let day: Timestamp
    /// The change of `cab present ID`.
    let pinnedID: String?
    var state: AppState
    /// The store's data version at the last load.
    var version: Int?
    let figures: BackgroundFigures
    var quitting = false

    init(store: any Store, options: BoardOptions, environment: [String: String]) {
        self.store = store
        self.environment = environment
        figures = BackgroundFigures(store: store)
        let now = Timestamp.now(environment: environment)
        day = (options.day ?? now).startOfDay
        pinnedID = options.changeID
        state = AppState(
            role: options.presenter ? .presenter : .chair, chair: options.chair, onCall: options.onCall,
            itemMinutes: options.itemMinutes, day: day.day, now: now, changeID: options.changeID,
            openPanel: options.startScreen == .panel, panelPeriod: options.panelPeriod.map(PanelPeriod.fixed) ?? .standard)
    }

    /// Reads what the board needs before the first frame. A board opened on the panel starts its
    /// figures first, so they are computed while the day's snapshot loads.
    mutating func start() {
        if state.screen == .panel { figures.request(state.panel.period.period(at: state.now)) }
        do throws(CabinetError) {
            state.services = try store.services()
        } catch {
            send(.failed(error.description))
        }
        reload()
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
        }
        if quitting { return .quit }
        return figures.isBusy ? .proceedAndTickWithin(milliseconds: BoardLoop.busyPollMilliseconds) : .proceed
    }

    /// How soon the loop looks again for figures being computed in the background.
    static let busyPollMilliseconds = 20

    func render(_ context: TerminalContext) -> CellBuffer {
        var shown = state
        shown.unicode = context.unicode
        return CabinetUI.render(shown, width: context.width, height: context.height)
    }

    private mutating func send(_ msg: Msg) {
        execute(CabinetUI.update(&state, msg))
    }

    /// Runs effects in order; the first failure stops the rest and is reported. Writes are
    /// followed by a reload so this board shows them at once.
    private mutating func execute(_ effects: [Effect]) {
        var wrote = false
        defer { if wrote { reload() } }
        for effect in effects {
            do throws(CabinetError) {
                switch effect {
                case .quit:
                    quitting = true
                    return
                case .openMeeting(let meeting):
                    wrote = true
                    _ = try store.openMeeting(meeting)
                case .startMeeting(let day, let time):
                    wrote = true
                    try store.startMeeting(on: day, at: time)
                case .endMeeting(let day, let time):
                    wrote = true
                    try store.endMeeting(on: day, at: time)
                case .clock(let action, let change, let day, let time):
                    wrote = true
                    try store.clock(action, change: change, on: day, at: time)
                case .record(let decision):
                    wrote = true
                    try store.record(decision)
                case .setAttendance(let day, let name, let role, let present):
                    wrote = true
                    try store.setAttendance(on: day, name: name, role: role, present: present)
                case .loadFigures(let period):
                    figures.request(period)
                case .loadMinutes(let day):
                    send(.minutesLoaded(try store.minutes(on: try Self.instant(day), now: Timestamp.now(environment: environment))))
                }
            } catch {
                if case .alreadyDecided(let change, let outcome, let by, let at) = error {
                    send(.decisionRefused(change: change, message: "\(change) was already decided by \(by) at \(at.iso8601) (\(outcome.rawValue))"))
                } else {
                    send(.failed(error.description))
                }
                return
            }
        }
    }

    /// Midnight UTC of a day written `2026-11-27`.
    private static func instant(_ day: String) throws(CabinetError) -> Timestamp {
        do { return try Timestamp(dayOrInstant: day) } catch { throw .invalidArgument(name: "day", problem: error.description) }
    }

    /// Reloads when another process committed since the last load.
    private mutating func pollForChanges() {
        do throws(CabinetError) {
            if try store.dataVersion() != version { reload() }
        } catch {
            send(.failed(error.description))
        }
    }

    private mutating func reload() {
        do throws(CabinetError) {
            version = try store.dataVersion()
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
            send(.failed(error.description))
        }
    }
}
