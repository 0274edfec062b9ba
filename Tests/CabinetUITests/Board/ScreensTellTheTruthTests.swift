import CabinetModel
@testable import TerminalKit
import Testing
@testable import CabinetUI

/// What the chair, a presenter and a lead read on the board is true: the footer offers the keys
/// that work now, one status word per item, budgets that read as durations, a read-only panel,
/// and every field of a card can be read in full.
@Suite struct ScreensTellTheTruthTests {
    /// A change whose rollback plan runs to eleven sentences; its last words are "and page the owner".
    static let longRollback: Change = {
        var change = BoardFixture.changes[1]
        change.id = "CHG-0001047"
        change.title = "Move checkout traffic to the new region"
        change.rollbackPlan = (1...10).map { "Step \($0): drain traffic from the new region's pool \($0) and confirm the old pool takes it." }
            .joined(separator: " ") + " Last: restore the DNS weights and page the owner."
        return change
    }()

    /// The footer row of the board.
    static func footer(_ board: BoardDriver) -> String { board.screen.last ?? "" }

    // MARK: 5. The footer and `?` offer the keys that work now

    @Test func onTheCardBeforeTheMeetingSStartsItAsTheFooterSays() {
        var board = BoardDriver()
        board.press(.enter)
        #expect(board.state.screen == .item)
        #expect(Self.footer(board).contains("s start meeting"), "\(board)")
        board.press(" ")
        #expect(board.shows("start the meeting first: s"))
        board.press("s")
        #expect(board.world.meeting?.startedAt == BoardFixture.at("09:00:00"))
        #expect(board.state.screen == .item)
    }

    @Test func theQueueStopsOfferingStartOnceTheMeetingRunsAndAfterItEnds() {
        var board = BoardDriver()
        #expect(Self.footer(board).hasPrefix(" s start meeting"))
        board.press("s")
        #expect(!Self.footer(board).contains("start meeting"), "\(board)")
        board.press("?")
        #expect(!board.shows("Start the meeting"))
        #expect(board.shows("End the meeting"))
        board.press("?")
        board.press("e")
        board.press("y")
        #expect(board.world.meeting?.endedAt != nil)
        #expect(!Self.footer(board).contains("start meeting") && !Self.footer(board).contains("end meeting"), "\(board)")
        #expect(Self.footer(board).hasPrefix(" m minutes"), "\(board)")
    }

    @Test func atEightyColumnsTheCardOffersEveryDecisionAndEndsTheMeetingWhenAllIsDecided() {
        var board = BoardDriver(width: 80, height: 24)
        board.press("s")
        board.press("n")
        // Space timer, a approve, c conditional, r reject, d defer, ? help, q quit: 78 columns at most.
        #expect(Self.footer(board).hasPrefix(" Space timer  a approve  c conditional  r reject  d defer"), "\(board)")
        for _ in 0..<6 {
            board.press("r")
            board.type("not this week")
            board.press(.enter)
            board.press("y")
        }
        #expect(board.world.meeting?.items.allSatisfy { board.decision($0.change) != nil } == true, "\(board)")
        #expect(Self.footer(board).hasPrefix(" e end meeting"), "\(board)")
        board.press("e")
        #expect(board.shows("End the meeting"), "\(board)")
    }

    /// Pressing any key the footer offers does something: it changes the board or asks the store.
    @Test(arguments: [80, 120])
    func everyOfferedKeyDoesSomething(width: Int) {
        let stages: [(String, (inout BoardDriver) -> Void)] = [
            ("the queue before the meeting", { _ in }),
            ("a card before the meeting", { $0.press(.enter) }),
            ("the card of the running item", { $0.press("s"); $0.press("n") }),
            ("the queue while the meeting runs", { $0.press("s"); $0.press("n"); $0.press(.escape) }),
            ("the queue after the meeting", { $0.press("s"); $0.press("e"); $0.press("y") }),
        ]
        for (stage, reach) in stages {
            var board = BoardDriver(width: width, height: 24)
            reach(&board)
            let offered = board.state.offeredBindings(on: board.state.keyScreen)
            let hints = KeyTable.standard.footerHints(offered, width: width - 2)
            #expect(!hints.isEmpty)
            for hint in hints {
                guard let binding = offered.first(where: { $0.keys.first?.label == hint.key }), let key = binding.keys.first else {
                    Issue.record("\(stage): \(hint.key) is offered but bound to nothing")
                    continue
                }
                var pressed = board
                let before = pressed.state
                let effects = pressed.effects.count
                pressed.press(key)
                #expect(pressed.state != before || pressed.effects.count > effects, "\(stage): \(hint.key) \(hint.text) did nothing")
            }
        }
    }

    // MARK: 7. One status vocabulary; budgets as durations; a read-only panel

    @Test func aChangeBackFromADeferralIsReadyNotDeferred() throws {
        let deferred = Decision(id: "d0", change: "CHG-0001046", outcome: .deferred, at: try Timestamp(iso8601: "2026-11-26T09:10:00Z"),
                                by: BoardFixture.chair, note: "to 2026-11-27: waiting for the DNS provider's contract")
        var agenda = BoardFixture.beforeMeeting.agenda
        agenda[5] = BoardFixture.entry(BoardFixture.changes[5], decision: deferred)
        var state = BoardFixture.board(BoardSnapshot(day: BoardFixture.day, meeting: nil, agenda: agenda, late: []), width: 120, height: 40)
        for _ in 0..<5 { _ = update(&state, .key(.down)) }
        let screen = render(state, width: 120, height: 40).lines
        let row = screen.first { $0.contains("CHG-0001046") } ?? ""
        let status = ItemStatus(agenda[5], day: BoardFixture.day)
        #expect(status == .ready)
        #expect(row.contains("ready") && !row.contains("not ready") && !row.contains("deferred"), "\(row)")
        #expect(screen.contains { $0.contains("deferred from 11-26: waiting for the DNS provider's contract") }, "\(screen)")
    }

    @Test func theHeaderStatesTheBudgetAsADuration() {
        var board = BoardDriver(width: 120, height: 30)
        #expect(board.screen[0].contains("not opened · 15 min budget · 6 waiting · 5 items still fit"), "\(board.screen[0])")
        #expect(!board.screen[0].contains("15:00"))
        board.press("s")
        board.wait(seconds: 65)
        #expect(board.screen[0].contains("meeting 1:05 of 15 min"), "\(board.screen[0])")
        board.press("n")
        board.wait(seconds: 5)
        #expect(board.shows("0:05 of 3 min used"))
    }

    @Test func cabPanelIsReadOnlyAndEscQuitsIt() {
        var state = AppState(role: .reader, chair: "lead", day: BoardFixture.day, now: BoardFixture.now)
        _ = update(&state, .resize(width: 100, height: 30))
        _ = update(&state, .loaded(BoardFixture.inMeeting))
        let screen = render(state, width: 100, height: 30).lines
        #expect(!screen[0].contains("chair"), "\(screen[0])")
        #expect(screen[0].contains("effectiveness panel (read-only)"))
        let footer = screen.last ?? ""
        #expect(footer.contains("Esc quit") && !footer.contains("back") && !footer.contains("minutes"), "\(footer)")
        for key in ["a", "m", "s", "e", "t"] {
            #expect(update(&state, .key(.character(Character(key)))).isEmpty)
            #expect(state.screens == [.panel])
        }
        #expect(state.status?.text == "read-only panel: `cab` opens the board")
        _ = update(&state, .key(.character("?")))
        #expect(update(&state, .key(.escape)).isEmpty)
        #expect(state.screens == [.panel])
        #expect(update(&state, .key(.escape)) == [.quit])
    }

    // MARK: 8. Every field can be read in full

    /// The board before the meeting with the long rollback plan first, on its card.
    static func longRollbackCard(width: Int, height: Int) -> BoardDriver {
        var board = BoardDriver(width: width, height: height)
        board.world.changes.insert(longRollback, at: 0)
        board.reload()
        board.press("g")
        board.press(.enter)
        return board
    }

    @Test func aLongRollbackPlanSaysWhatIsBelowAndScrollsToItsEnd() {
        var board = Self.longRollbackCard(width: 120, height: 36)
        #expect(board.shows("CHG-0001047  Move checkout traffic"))
        #expect(!board.shows("page the owner"))
        #expect(board.screen.contains { $0.contains("more lines: Tab") }, "\(board)")
        board.press(.tab)
        board.press(.tab)
        #expect(board.state.cardFocus?.field == 1)
        #expect(board.shows("more lines: j, Enter"), "\(board)")
        for _ in 0..<40 { board.press("j") }
        #expect(board.shows("page the owner."), "\(board)")
        #expect(board.shows("above: k"))
        #expect(board.shows("CHG-0001047  Move checkout traffic"))
        board.press(.pageUp)
        board.press(.pageUp)
        board.press(.pageUp)
        board.press(.pageUp)
        #expect(board.state.cardFocus?.scroll == 0)
    }

    @Test func enterShowsTheFocusedFieldFullScreenAndEscPutsItBack() {
        var board = Self.longRollbackCard(width: 80, height: 24)
        board.press(.tab)
        board.press(.tab)
        board.press(.enter)
        #expect(board.shows("Step 1: drain traffic"))
        #expect(!board.shows("Blast radius"))
        for _ in 0..<10 { board.press(.pageDown) }
        #expect(board.shows("page the owner."), "\(board)")
        board.press(.escape)
        #expect(board.state.screen == .item)
        #expect(board.shows("Blast radius"))
        board.press(.escape)
        #expect(board.state.screen == .agenda)
    }

    @Test func jAndDownScrollTheCardInsteadOfLeavingIt() {
        var board = Self.longRollbackCard(width: 80, height: 24)
        board.press("j")
        board.press(.down)
        #expect(board.state.cardChangeID == "CHG-0001047")
        #expect(board.state.cardFocus.map { $0.scroll > 0 } == true)
    }

    @Test func atEightyByTwentyFourTheRiskAndImpactAreMarkedAndReachable() {
        var board = BoardDriver(width: 80, height: 24)
        for _ in 0..<5 { board.press(.down) }
        board.press(.enter)
        #expect(board.shows("CHG-0001046"))
        // The impact sentence is below the blast radius box's fold; the risk details have no box.
        #expect(board.screen.contains { $0.contains("▼") && $0.contains("more lines: Tab") }, "\(board)")
        #expect(board.shows("└─ ▼ Risk ⚑ review gate: Tab, Enter ─"), "\(board)")
        board.press(.backTab)
        #expect(board.state.cardFocus?.field == 4)
        board.press(.enter)
        #expect(board.shows("Flag: window falls in freeze FRZ-1"), "\(board)")
        #expect(board.shows("Flag: mandatory review: touches networking"))
        board.press(.escape)
        #expect(board.state.cardFocus?.fullScreen == false)
        board.press("j")
        #expect(board.state.cardFocus?.fullScreen == true, "j on the risk details, which have no box here, shows them full screen")
        board.press(.escape)
        board.press(.tab)
        board.press(.enter)
        #expect(board.shows("This change affects: API Gateway, Checkout Web."), "\(board)")
    }

    /// The two rows of boxes share the grid by need, so no box keeps blank rows while another is cut.
    @Test func theRowsOfBoxesShareTheRoomByNeed() {
        // Needs 9 and 3 on top, 4 and 3 below, in 10 rows: 13 do not fit; the bottom's 4 fit its half
        // (5), so it keeps 4 and the top takes 10 - 4 = 6.
        #expect(CardLayout.rowHeights(10) { [9, 3, 4, 3][$0] } == [6, 4])
        // Needs 4 and 3 fit in 10: the bottom gets its 3, the top the other 7.
        #expect(CardLayout.rowHeights(10) { [4, 3, 3, 3][$0] } == [7, 3])
        // Both need more than half of 10: 5 and 5.
        #expect(CardLayout.rowHeights(10) { [14, 3, 7, 3][$0] } == [5, 5])
        // The top needs 3 (under half), the bottom 9: the top keeps 3, the bottom takes 7.
        #expect(CardLayout.rowHeights(10) { [3, 3, 9, 3][$0] } == [3, 7])
    }

    @Test func onlyTheVisibleLinesOfAHugeFieldAreWrapped() {
        let huge = String(repeating: "drain traffic from the pool ", count: 2_400)
        let shown = TextWrap.prefix(huge, width: 36, lines: 5)
        #expect(shown.lines.count == 5 && shown.more)
        #expect(shown.lines == Array(TextWrap.wrap(huge, width: 36).prefix(5)))
        #expect(TextWrap.prefix("one two", width: 36, lines: 5) == (["one two"], false))
    }

    /// A 64 KiB rollback plan is wrapped no further than its box shows and a hundred lines past
    /// it: the marker counts "100+" (the box's 5 rows and 99 more are wrapped, 104 lines; 4 are
    /// shown above the marker, 100 counted, and more follow), and the idle board redraws what is visible, not the whole field.
    @Test func aHugeFieldIsCountedOnlyAsFarAsItMatters() {
        var board = BoardDriver(width: 80, height: 24)
        var huge = Self.longRollback
        huge.rollbackPlan = String(repeating: "drain traffic from the pool ", count: 2_400)
        #expect(huge.rollbackPlan.utf8.count >= 64 * 1024)
        board.world.changes.insert(huge, at: 0)
        board.reload()
        board.press("g")
        board.press(.enter)
        #expect(board.shows("▼ 100+ more lines: Tab"), "\(board)")
        board.press(.tab)
        board.press(.tab)
        // A page of a box of five rows is four lines.
        board.press(.pageDown)
        #expect(board.state.cardFocus?.scroll == 4)
        #expect(board.shows("▲ 4 above: k"))
    }

    // MARK: 15. First use

    @Test func anEmptyStoreSaysHowToAddTheFirstChange() {
        let state = BoardFixture.board(BoardSnapshot(day: BoardFixture.day, meeting: nil, agenda: [], late: []), width: 80, height: 24)
        let screen = render(state, width: 80, height: 24).lines
        #expect(screen.contains { $0.contains("cab change add --title") }, "\(screen)")
        #expect(screen.contains { $0.contains("cab demo") })
    }
}
