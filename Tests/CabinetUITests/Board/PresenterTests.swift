import CabinetModel
import Testing
@testable import TerminalKit
@testable import CabinetUI

/// What a change owner sees from their own terminal: the outcome of their item when the chair
/// decides it, and a private rehearsal of their three minutes that writes nothing.
@Suite struct PresenterTests {
    /// The chair's meeting as the presenter's board sees it: started, the first item running.
    func followingTheMeeting() -> BoardDriver {
        var board = BoardDriver(role: .presenter, width: 100, height: 30)
        board.elsewhere(.startMeeting(day: BoardFixture.day, at: board.now, opening: Meeting(date: BoardFixture.day, chair: BoardFixture.chair)))
        board.elsewhere(.clocks([ClockStep(.start, "CHG-0001041")], day: BoardFixture.day, at: board.now))
        return board
    }

    @Test func thePresenterSeesTheOutcomeWithItsConditionsUntilTheItemAfterItGivesWay() {
        var board = followingTheMeeting()
        board.wait(seconds: 40)
        let conditions = "Owner on call during the window; DBA sign-off before the contract phase"
        board.elsewhere(.decide(Decision(id: "d1", change: "CHG-0001041", outcome: .approvedWithConditions, at: board.now,
                                         by: BoardFixture.chair, conditions: conditions),
                                clocks: [ClockStep(.end, "CHG-0001041"), ClockStep(.start, "CHG-0001042")], day: BoardFixture.day))
        #expect(board.shows("CHG-0001042  Resize node pool"))
        #expect(board.shows("CHG-0001041 approved with conditions by priya.raman at 09:00: Owner on call during the window;"))
        #expect(board.shows("DBA sign-off before the contract phase"))
        #expect(board.role(of: "CHG-0001041 approved with conditions") == .good)

        // Keys and reloads leave it; it goes when the meeting moves past the item after it.
        board.press("j")
        board.wait(seconds: 60)
        board.reload()
        #expect(board.shows("CHG-0001041 approved with conditions"))
        board.elsewhere(.decide(Decision(id: "d2", change: "CHG-0001042", outcome: .rejected, at: board.now, by: BoardFixture.chair,
                                         note: "rollback untested"),
                                clocks: [ClockStep(.end, "CHG-0001042"), ClockStep(.start, "CHG-0001043")], day: BoardFixture.day))
        #expect(!board.shows("CHG-0001041 approved with conditions"))
        #expect(board.shows("CHG-0001042 rejected by priya.raman at 09:01: rollback untested"))
        #expect(board.role(of: "CHG-0001042 rejected") == .bad)
        #expect(board.effects.isEmpty)
    }

    @Test func theChairsOwnBoardShowsNoBanner() {
        var board = BoardDriver(width: 100, height: 30)
        board.press("s")
        board.press("n")
        board.press("a")
        #expect(board.decision("CHG-0001041")?.outcome == .approved)
        #expect(board.state.outcome == nil)
        #expect(!board.shows("CHG-0001041 approved by"))
    }

    @Test func aRehearsalRunsTheTimerOnThisBoardOnlyAndWritesNothing() {
        var board = BoardDriver(role: .presenter, width: 100, height: 30)
        board.press(.escape)
        board.press("j")
        board.press("j")
        board.press(.enter)
        #expect(board.state.cardChangeID == "CHG-0001043")
        #expect(board.shows("rehearsal · not started · Space starts its 3 min"))
        #expect(!board.state.offeredBindings(on: .item).contains { $0.action == .restartRehearsal })

        board.press(" ")
        #expect(board.state.offeredBindings(on: .item).contains { $0.action == .restartRehearsal })
        board.wait(seconds: 95)
        #expect(board.shows("rehearsal · 1:35 of 3 min used"))
        #expect(board.role(of: "rehearsal · 1:35") == .timerWarn)
        board.press(" ")
        board.wait(seconds: 30)
        #expect(board.shows("rehearsal · paused · 1:35 of 3 min used"))
        board.press(" ")
        board.wait(seconds: 60)
        #expect(board.shows("rehearsal · 2:35 of 3 min used"))
        board.press("0")
        #expect(board.shows("rehearsal · not started · Space starts its 3 min"))
        #expect(board.effects.isEmpty)
        #expect(board.world.meeting == nil)
    }

    @Test func aPresenterFollowingTheMeetingHasNoRehearsalKeys() {
        var board = followingTheMeeting()
        board.press(" ")
        #expect(board.shows("read-only: the chair runs the meeting"))
        board.press("0")
        #expect(board.state.rehearsal == nil)
        #expect(!board.state.offeredBindings(on: .item).contains { $0.action == .restartRehearsal })
        #expect(board.effects.isEmpty)
    }
}
