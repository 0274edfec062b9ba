import CabinetModel
@testable import TerminalKit
import Testing
@testable import CabinetUI

/// Each screen at 80×24, 120×40 and 60×16, compared with the files in __Snapshots__.
@Suite struct RenderSnapshotTests {
    static let sizes = [(80, 24), (120, 40), (60, 16)]

    /// The screens, each reached the way a user gets there.
    static let screens: [(name: String, make: @Sendable (Int, Int) -> AppState)] = [
        ("queue-before-meeting", { BoardFixture.board(BoardFixture.beforeMeeting, width: $0, height: $1) }),
        ("queue-in-meeting", { w, h in
            var state = BoardFixture.board(BoardFixture.inMeeting, width: w, height: h)
            _ = update(&state, .key(.down))
            return state
        }),
        ("card-running", { w, h in
            var state = BoardFixture.board(BoardFixture.inMeeting, width: w, height: h)
            _ = update(&state, .key(.character("f")))
            return state
        }),
        ("card-overrun", { w, h in
            var state = BoardFixture.board(BoardFixture.inMeeting, width: w, height: h)
            _ = update(&state, .key(.character("f")))
            _ = update(&state, .tick(BoardFixture.at("09:06:40")))
            return state
        }),
        ("card-long-text", { w, h in
            var state = BoardFixture.board(BoardFixture.beforeMeeting, width: w, height: h)
            for _ in 0..<5 { _ = update(&state, .key(.down)) }
            _ = update(&state, .key(.enter))
            return state
        }),
        ("presenter-card", { BoardFixture.board(BoardFixture.inMeeting, role: .presenter, width: $0, height: $1) }),
        ("attendance", { w, h in
            var state = BoardFixture.board(BoardFixture.inMeeting, width: w, height: h)
            _ = update(&state, .key(.character("t")))
            _ = update(&state, .key(.down))
            return state
        }),
        ("help", { w, h in
            var state = BoardFixture.board(BoardFixture.inMeeting, width: w, height: h)
            _ = update(&state, .key(.character("?")))
            return state
        }),
        ("conditions-field", { w, h in
            var state = BoardFixture.board(BoardFixture.inMeeting, width: w, height: h)
            _ = update(&state, .key(.character("f")))
            _ = update(&state, .key(.character("c")))
            for character in "Only after the 15:00 freeze ends" { _ = update(&state, .key(.character(character))) }
            return state
        }),
        ("reject-confirmation", { w, h in
            var state = BoardFixture.board(BoardFixture.inMeeting, width: w, height: h)
            _ = update(&state, .key(.character("f")))
            _ = update(&state, .key(.character("r")))
            for character in "No load test" { _ = update(&state, .key(.character(character))) }
            _ = update(&state, .key(.enter))
            return state
        }),
        ("override-reason", { w, h in
            var state = BoardFixture.board(BoardFixture.beforeMeeting, width: w, height: h)
            for _ in 0..<2 { _ = update(&state, .key(.down)) }
            _ = update(&state, .key(.character("a")))
            for character in "Provider contract ends tonight" { _ = update(&state, .key(.character(character))) }
            return state
        }),
        ("deferral-field", { w, h in
            var state = BoardFixture.board(BoardFixture.inMeeting, width: w, height: h)
            _ = update(&state, .key(.character("f")))
            _ = update(&state, .key(.character("d")))
            return state
        }),
        ("queue-filtered", { w, h in
            var state = BoardFixture.board(BoardFixture.inMeeting, width: w, height: h)
            _ = update(&state, .key(.character("/")))
            for character in "orders" { _ = update(&state, .key(.character(character))) }
            return state
        }),
        ("queue-ascii", { w, h in
            var state = BoardFixture.board(BoardFixture.inMeeting, width: w, height: h)
            state.unicode = false
            return state
        }),
        ("panel", { PanelFixture.panel(PanelFixture.healthy, width: $0, height: $1) }),
        ("panel-rubber-stamp", { PanelFixture.panel(PanelFixture.rubberStamp, width: $0, height: $1) }),
        ("panel-empty", { PanelFixture.panel(PanelFixture.empty, width: $0, height: $1) }),
        ("panel-ascii", { PanelFixture.panel(PanelFixture.healthy, width: $0, height: $1, unicode: false) }),
        ("panel-help", { w, h in
            var state = PanelFixture.panel(PanelFixture.healthy, width: w, height: h)
            _ = update(&state, .key(.character("?")))
            return state
        }),
        ("minutes", { PanelFixture.minutesScreen(width: $0, height: $1) }),
        ("minutes-scrolled", { w, h in
            var state = PanelFixture.minutesScreen(width: w, height: h)
            for _ in 0..<8 { _ = update(&state, .key(.down)) }
            return state
        }),
        ("panel-dora", { w, h in
            var state = PanelFixture.panel(PanelFixture.deployed, width: w, height: h)
            _ = update(&state, .key(.character("o")))
            return state
        }),
    ]

    @Test(arguments: screens.indices, sizes.indices)
    func screenMatchesItsSnapshot(screen: Int, size: Int) throws {
        let (width, height) = Self.sizes[size]
        let (name, make) = Self.screens[screen]
        let buffer = render(make(width, height), width: width, height: height)
        #expect(buffer.width == width && buffer.height == height)
        try Snapshot.assertMatches(buffer, named: "\(name)-\(width)x\(height)")
    }

    /// The screens of the meeting's truth at the two sizes a chair uses most: the card's cut
    /// fields with their markers, a focused and scrolled field, a field full screen, the footer
    /// before, during and after the meeting, an empty store, and `cab panel`'s read-only panel.
    static let readingSizes = [(80, 24), (120, 36)]

    static let readingScreens: [(name: String, make: @Sendable (Int, Int) -> AppState)] = [
        ("card-cut-fields", { w, h in
            var state = BoardFixture.board(BoardFixture.inMeeting, width: w, height: h)
            for _ in 0..<5 { _ = update(&state, .key(.down)) }
            _ = update(&state, .key(.enter))
            return state
        }),
        ("card-rollback-scrolled", { w, h in
            var state = BoardFixture.board(longRollbackBoard, width: w, height: h)
            _ = update(&state, .key(.enter))
            for key in [Key.tab, .tab, .character("j"), .character("j"), .character("j")] { _ = update(&state, .key(key)) }
            return state
        }),
        ("card-rollback-full-screen", { w, h in
            var state = BoardFixture.board(longRollbackBoard, width: w, height: h)
            _ = update(&state, .key(.enter))
            for key in [Key.tab, .tab, .enter] { _ = update(&state, .key(key)) }
            return state
        }),
        ("card-before-meeting", { w, h in
            var state = BoardFixture.board(BoardFixture.beforeMeeting, width: w, height: h)
            _ = update(&state, .key(.enter))
            return state
        }),
        ("queue-after-meeting", { w, h in
            var snapshot = BoardFixture.inMeeting
            snapshot.meeting?.endedAt = BoardFixture.at("09:05:00")
            return BoardFixture.board(snapshot, width: w, height: h)
        }),
        ("queue-empty-store", { BoardFixture.board(BoardSnapshot(day: BoardFixture.day, meeting: nil, agenda: [], late: []), width: $0, height: $1) }),
        ("panel-reader", { w, h in
            var state = PanelFixture.panel(PanelFixture.healthy, width: w, height: h)
            state.role = .reader
            state.screens = [.panel]
            return state
        }),
    ]

    /// The board before the meeting with a change whose rollback plan runs long on top.
    static let longRollbackBoard = BoardSnapshot(
        day: BoardFixture.day, meeting: nil,
        agenda: [BoardFixture.entry(ScreensTellTheTruthTests.longRollback)] + BoardFixture.changes.map { BoardFixture.entry($0) }, late: [])

    @Test(arguments: readingScreens.indices, readingSizes.indices)
    func readingScreenMatchesItsSnapshot(screen: Int, size: Int) throws {
        let (width, height) = Self.readingSizes[size]
        let (name, make) = Self.readingScreens[screen]
        try Snapshot.assertMatches(render(make(width, height), width: width, height: height), named: "\(name)-\(width)x\(height)")
    }

    @Test(arguments: [(59, 16), (60, 15), (30, 8), (1, 1)])
    func tooSmallNotice(width: Int, height: Int) throws {
        let buffer = render(BoardFixture.board(BoardFixture.inMeeting, width: width, height: height), width: width, height: height)
        #expect(buffer.width == width && buffer.height == height)
        if width >= 32 { #expect(buffer.lines.contains { $0.contains("terminal too small (need 60×16)") }) }
        try Snapshot.assertMatches(buffer, named: "too-small-\(width)x\(height)")
    }
}
