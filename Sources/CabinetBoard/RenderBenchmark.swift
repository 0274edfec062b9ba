import CabinetModel
import CabinetStore
import TerminalKit
import CabinetUI
import Foundation

/// Times the work the board does for each frame, as the terminal loop does it: `render` the
/// state into a cell buffer, then diff it against the previous frame. The meeting's first item
/// runs and the clock moves one second a frame, so every frame differs from the one before
/// (the timer, the time used, the meeting clock). No terminal and no store are involved.
public struct RenderBenchmark: Sendable {
    /// Which screen the frames show.
    public enum Screen: String, CaseIterable, Sendable {
        /// The queue, its first row (the running item) selected.
        case queue
        /// The card of the running item, with its large digits.
        case card
    }

    /// The figures of one run: each frame's render + diff, in milliseconds, sorted.
    public struct Result: Sendable {
        public var milliseconds: [Double]
        /// Cells the diffs found changed, over all frames.
        public var changedCells: Int

        public var median: Double { percentile(0.5) }
        public var p99: Double { percentile(0.99) }

        /// Linear interpolation between the closest ranks (numpy's default), as `scripts/bench-board` reports.
        public func percentile(_ share: Double) -> Double {
            guard let last = milliseconds.indices.last else { return .nan }
            let position = Double(last) * share
            let lower = Int(position)
            let upper = min(lower + 1, last)
            return milliseconds[lower] + (position - Double(lower)) * (milliseconds[upper] - milliseconds[lower])
        }
    }

    /// The fixed clock of the demo fixture: 09:05 UTC on the day.
    public static let fixtureNow = Timestamp(milliseconds: 1_795_770_300_000)

    public var snapshot: BoardSnapshot
    public var services: [Service]
    public var now: Timestamp

    /// A benchmark of `snapshot` at `now`. Unless an item of its meeting is running, a meeting
    /// over its agenda is made up, started at `now` with the first item running.
    public init(snapshot: BoardSnapshot, services: [Service], now: Timestamp) {
        self.snapshot = snapshot
        self.services = services
        self.now = now
        if !(snapshot.meeting?.items.contains(where: \.isRunning) ?? false) {
            let items = snapshot.agenda.enumerated().map { position, entry in
                AgendaItem(change: entry.change.id, position: position, startedAt: position == 0 ? now : nil)
            }
            self.snapshot.meeting = Meeting(date: snapshot.day, chair: Self.chair, startedAt: now, agendaFrozenAt: now,
                                            attendees: snapshot.meeting?.attendees ?? [], items: items)
        }
    }

    /// A benchmark of the day `store` holds at `now`.
    public init(store: any Store, now: Timestamp) throws(CabinetError) {
        self.init(snapshot: try store.boardSnapshot(on: now.startOfDay, now: now), services: try store.services(), now: now)
    }

    /// The fixed fixture: the default demo (2,000 changes, seed 1, clock `fixtureNow`) written to
    /// a file in `directory`, which is removed afterwards, and read back as the board reads it.
    public static func demo(in directory: String) throws(CabinetError) -> RenderBenchmark {
        let path = directory + "/cab-bench-\(ProcessInfo.processInfo.processIdentifier).sqlite"
        defer { for suffix in ["", "-wal", "-shm", ".lock"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let store = try SQLiteStore.writeDemo(DemoHistory(changeCount: 2000, seed: 1, now: fixtureNow), at: path)
        return try RenderBenchmark(store: store, now: fixtureNow)
    }

    /// Renders `frames` frames of `screen` at `width` × `height` after one to warm up, each a
    /// second after the last, and times each render with the diff against the frame before.
    public func run(frames: Int, width: Int, height: Int, screen: Screen) -> Result {
        var state = AppState(role: .chair, chair: Self.chair, services: services, day: snapshot.day, now: now)
        _ = update(&state, .resize(width: width, height: height))
        _ = update(&state, .loaded(snapshot))
        if screen == .card {
            state.card = .following
            state.screens = [.agenda, .item]
        }
        let clock = ContinuousClock()
        var previous = render(state, width: width, height: height)
        var result = Result(milliseconds: [], changedCells: 0)
        result.milliseconds.reserveCapacity(frames)
        for frame in 1...max(1, frames) {
            _ = update(&state, .tick(Timestamp(milliseconds: now.milliseconds + Int64(frame) * 1000)))
            let start = clock.now
            let next = render(state, width: width, height: height)
            let runs = CellBuffer.diff(from: previous, to: next)
            let elapsed = clock.now - start
            result.milliseconds.append(Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000)
            result.changedCells += runs.reduce(0) { $0 + $1.cells.count }
            previous = next
        }
        result.milliseconds.sort()
        return result
    }

    private static let chair = "bench"
}
