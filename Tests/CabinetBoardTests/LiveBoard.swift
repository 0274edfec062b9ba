import CabinetModel
import CabinetStore
import Foundation
import Terminal
import TerminalKit
@testable import CabinetBoard
@testable import CabinetUI

/// The board as `cab` runs it (the run loop, its inbox and the effect executor) on a real SQLite
/// file in a folder of its own, with the clock pinned by `CAB_NOW` and moved by the test. What a
/// key does is read back from the store, not from a stand-in.
final class LiveBoard {
    let folder = NSTemporaryDirectory() + "cabinet-board-" + UUID().uuidString
    let store: SQLiteStore
    private(set) var loop: BoardLoop
    private(set) var now: Timestamp
    private(set) var quit = false
    let context: TerminalContext

    /// The day of the fixture's meeting, 2026-11-27, a Friday.
    static let day = "2026-11-27"

    /// Three changes for the board, submitted the evening before: two ready, one whose rollback
    /// takes 15 minutes (over 5), so it is not ready.
    static let morning = [
        change("CHG-A", "Add index on orders.created_at", rollbackMinutes: 3),
        change("CHG-B", "Resize node pool behind the gateway", rollbackMinutes: 4),
        change("CHG-C", "Switch SMS provider", rollbackMinutes: 15),
    ]

    static func change(_ id: String, _ title: String, rollbackMinutes: Int) -> String {
        """
        { "id": "\(id)", "title": "\(title)", "owner": "raj.patel", "team": "orders", "type": "normal",
          "category": "single-service", "risk": "high", "route": "cab", "services": ["Order Service"],
          "blastRadius": "Order Service writes", "rollbackPlan": "Drop the index", "rollbackMinutes": \(rollbackMinutes),
          "verification": "p99 under 80 ms", "windowStart": "2026-12-01T10:00:00Z", "windowEnd": "2026-12-01T11:00:00Z",
          "submittedAt": "2026-11-26T17:00:00Z" }
        """
    }

    init(chair: String = "priya", at time: String = "09:00:00", width: Int = 100, height: Int = 30) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        store = try SQLiteStore(path: folder + "/cabinet.sqlite")
        let document = "{\"services\": [{\"name\": \"Order Service\", \"team\": \"orders\"}], \"changes\": [\(Self.morning.joined(separator: ","))]}"
        _ = try store.importDocument(try InterchangeReader.read(Data(document.utf8), source: "morning.json"))
        now = try Timestamp(iso8601: "\(Self.day)T\(time)Z")
        context = TerminalContext(width: width, height: height, unicode: true)
        loop = BoardLoop(store: store, options: BoardOptions(chair: chair), environment: ["CAB_NOW": now.iso8601])
        loop.start()
        _ = loop.handle(.tick, context: context)
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    /// Another `cab` process on the same file, as a second terminal would open it.
    func anotherProcess() throws -> SQLiteStore { try SQLiteStore(path: store.path) }

    func send(_ event: TerminalEvent) {
        if loop.handle(event, context: context) == .quit { quit = true }
    }

    func press(_ key: Key) { send(.key(key)) }

    /// One key per character: "s", " ", "a"…
    func press(_ keys: String) {
        for character in keys { press(.character(character)) }
    }

    /// Types text into the open field, a key per character.
    func type(_ text: String) { press(text) }

    /// Text as a terminal with bracketed paste hands it over: whole, line breaks and all.
    func paste(_ text: String) { send(.paste(text)) }

    /// Lets `milliseconds` pass and ticks once; returns what the board asks of the terminal.
    func tick(after milliseconds: Int64) -> LoopControl {
        now = Timestamp(milliseconds: now.milliseconds + milliseconds)
        loop.environment["CAB_NOW"] = now.iso8601
        return loop.handle(.tick, context: context)
    }

    /// Lets `seconds` pass, a tick a second, as the terminal's read timeout does.
    func wait(seconds: Int) {
        for _ in 0..<seconds {
            now = Timestamp(milliseconds: now.milliseconds + 1000)
            loop.environment["CAB_NOW"] = now.iso8601
            send(.tick)
        }
    }

    var screen: [String] { loop.render(context).lines }
    func shows(_ fragment: String) -> Bool { screen.contains { $0.contains(fragment) } }

    /// Every decision the store holds, oldest first.
    func decisions() throws -> [Decision] {
        try ["CHG-A", "CHG-B", "CHG-C"].flatMap { try store.decisions(forChange: $0) }.sorted { $0.at.milliseconds < $1.at.milliseconds }
    }

    /// The day's meeting as the store has it.
    func meeting() throws -> Meeting? { try store.boardSnapshot(on: now.startOfDay, now: now).meeting }
}
