import CabinetModel
import CabinetStore
import CabinetUI
import Foundation
import TerminalKit

/// The work the board does for each frame, as the terminal loop does it: `render` the state into
/// a cell buffer, then diff it against the previous frame. The meeting's first item runs and the
/// clock moves a second a frame, so every frame differs from the one before. No terminal, no store.
struct BoardFrames {
    /// Which screen the frames show.
    enum Screen: String {
        /// The queue, its first row (the running item) selected.
        case queue
        /// The card of the running item, with its large digits.
        case card
    }

    /// The fixed clock of the demo fixture: 09:05 UTC on 2026-11-27.
    static let fixtureNow = Timestamp(milliseconds: 1_795_770_300_000)

    private var state: AppState
    private var previous: CellBuffer
    private let width: Int
    private let height: Int
    private let start: Timestamp
    private var frame: Int64 = 0

    /// Frames of `snapshot` at `width`×`height`; unless an item of its meeting runs, a meeting over
    /// its agenda is made up, started at `now` with the first item running.
    init(snapshot: BoardSnapshot, services: [Service], now: Timestamp, screen: Screen, width: Int, height: Int) {
        var snapshot = snapshot
        if !(snapshot.meeting?.items.contains(where: \.isRunning) ?? false) {
            let items = snapshot.agenda.enumerated().map { position, entry in
                AgendaItem(change: entry.change.id, position: position, startedAt: position == 0 ? now : nil)
            }
            snapshot.meeting = Meeting(date: snapshot.day, chair: "bench", startedAt: now, agendaFrozenAt: now,
                                       attendees: snapshot.meeting?.attendees ?? [], items: items)
        }
        state = AppState(role: .chair, chair: "bench", services: services, day: snapshot.day, now: now)
        _ = update(&state, .resize(width: width, height: height))
        _ = update(&state, .loaded(snapshot))
        if screen == .card {
            state.card = .following
            state.screens = [.agenda, .item]
        }
        self.width = width
        self.height = height
        start = now
        previous = render(state, width: width, height: height)
    }

    /// The default demo (2,000 changes, seed 1, clock `fixtureNow`), written to a temporary file and read back as the board reads it.
    static func demo(screen: Screen, width: Int, height: Int) throws -> BoardFrames {
        let path = NSTemporaryDirectory() + "/cab-bench-\(ProcessInfo.processInfo.processIdentifier).sqlite"
        defer { for suffix in ["", "-wal", "-shm", ".lock"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let store = try SQLiteStore.writeDemo(DemoHistory(changeCount: 2000, seed: 1, now: fixtureNow), at: path)
        return BoardFrames(snapshot: try store.boardSnapshot(on: fixtureNow.startOfDay, now: fixtureNow), services: try store.services(),
                           now: fixtureNow, screen: screen, width: width, height: height)
    }

    /// The next frame, a second after the last: rendered and diffed against it. Returns the cells that changed.
    mutating func next() -> Int {
        frame += 1
        _ = update(&state, .tick(Timestamp(milliseconds: start.milliseconds + frame * 1000)))
        let next = render(state, width: width, height: height)
        let changed = CellBuffer.diff(from: previous, to: next).reduce(0) { $0 + $1.cells.count }
        previous = next
        return changed
    }
}
