import CabinetModel
@testable import TerminalKit
import Testing
@testable import CabinetUI

/// 10,000 random messages (keys, clicks, resizes from 1×1 to 300×100, ticks, reloads, store
/// errors, figures and minutes, stale or not) on the pure core, from a fixed seed: nothing
/// crashes, the invariants hold, and every screen is visited, the panel and the minutes too.
@Suite struct FuzzTests {
    /// SplitMix64: small, fast, and the same sequence on every machine.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let keys: [Key] = KeyTable.standard.bindings.flatMap(\.keys)
        + [.left, .right, .home, .end, .pageUp, .pageDown, .backTab, .backspace, .delete, .function(5), .resize, .control("x")]
        + "xyz 1é日😀\u{1B}\u{7}\t".map { Key.character($0) }

    @Test(arguments: [UInt64(1), 2, 3])
    func randomMessagesKeepTheInvariants(seed: UInt64) {
        var random = Generator(state: seed)
        var board = BoardDriver(role: seed == 3 ? .presenter : .chair)
        board.world.figureGroups = PanelFixture.healthyGroups
        var visited: Set<Screen> = []
        let snapshots = [BoardFixture.beforeMeeting, BoardFixture.inMeeting, BoardSnapshot(day: BoardFixture.day, meeting: nil, agenda: [], late: [])]
        for step in 0..<(10_000 / 3 + 1) {
            switch Int.random(in: 0..<100, using: &random) {
            case 0..<55:
                board.press(Self.keys.randomElement(using: &random) ?? .enter)
            case 55..<62:
                board.press(.click(x: Int.random(in: -2...302, using: &random), y: Int.random(in: -2...102, using: &random)))
            case 62..<72:
                board.send(.resize(width: Int.random(in: 1...300, using: &random), height: Int.random(in: 1...100, using: &random)))
            case 72..<90:
                board.wait(seconds: Double.random(in: 0...90, using: &random))
            case 90..<95:
                board.reload()
            case 95..<98:
                board.send(.loaded(snapshots.randomElement(using: &random) ?? BoardFixture.inMeeting))
            case 98:
                board.send(Bool.random(using: &random) ? .failed("disk I/O error \u{1B}[2J") : .decisionRefused(change: "CHG-0001041", message: "taken"))
            default:
                let figures = [PanelFixture.healthy, PanelFixture.rubberStamp, PanelFixture.empty].randomElement(using: &random) ?? PanelFixture.empty
                board.send(Bool.random(using: &random) ? .figuresLoaded(figures) : .minutesLoaded(Bool.random(using: &random) ? PanelFixture.minutes : nil))
            }
            check(board.state, step: step)
            visited.insert(board.state.screen)
        }
        #expect(visited.isSuperset(of: [.agenda, .item, .panel, .minutes, .attendance, .help]), "visited \(visited)")
    }

    private func check(_ state: AppState, step: Int) {
        let rows = state.rows
        #expect(rows.isEmpty ? state.selection == 0 : rows.indices.contains(state.selection), "step \(step): selection \(state.selection) of \(rows.count)")
        let people = state.attendees
        #expect(people.isEmpty ? state.attendanceSelection == 0 : people.indices.contains(state.attendanceSelection), "step \(step)")
        #expect(state.screens.first == .agenda, "step \(step)")
        #expect(state.screens.filter { $0 == .panel || $0 == .minutes }.count <= 1, "step \(step): \(state.screens)")
        let minutes = state.minutes.map { MinutesView.lines($0, width: state.width, glyphs: Glyphs(unicode: state.unicode)).count } ?? 0
        #expect(state.minutesScroll >= 0 && state.minutesScroll <= max(0, minutes - MinutesView.visibleLines(height: state.height)), "step \(step)")
        let buffer = render(state, width: state.width, height: state.height)
        #expect(buffer.width == state.width && buffer.height == state.height, "step \(step)")
        #expect(buffer.cells.count == state.width * state.height)
        #expect(buffer.cells.allSatisfy { InertText.isInert($0.text) }, "step \(step): a control character reached a cell")
    }
}
