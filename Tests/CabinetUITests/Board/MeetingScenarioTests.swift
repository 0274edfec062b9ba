import CabinetModel
@testable import TerminalKit
import Testing
@testable import CabinetUI

/// A chair runs the daily review from the keyboard; each test reads like what they do.
@Suite struct MeetingScenarioTests {
    @Test func chairRunsAWholeMeeting() {
        var board = BoardDriver()
        #expect(board.shows("not opened · 15 min budget"))

        board.press("t")
        #expect(board.shows("Attendance"))
        #expect(board.shows("suggested roster"))
        board.press(" ")
        #expect(board.world.meeting?.attendees.first { $0.name == BoardFixture.chair }?.present == true)
        board.press(.down)
        board.press(.down)
        board.press(.enter)
        #expect(board.shows("2 of "))
        board.press(.escape)

        board.press("s")
        #expect(board.world.meeting?.agendaFrozenAt == BoardFixture.at("09:00:00"))
        #expect(board.shows("meeting 0:00 of 15 min"))

        board.press("n")
        #expect(board.item("CHG-0001041")?.isRunning == true)
        #expect(board.shows("CHG-0001041  Add index on created_at for Order Service"))
        board.wait(seconds: 60)
        #expect(board.role(of: "1:00 of 3 min used") == .timerCalm)
        board.wait(seconds: 40)
        #expect(board.role(of: "1:40 of 3 min used") == .timerWarn)

        board.press(" ")
        #expect(board.shows("paused"))
        board.wait(seconds: 30)
        #expect(board.shows("1:40 of 3 min used"))
        board.press(" ")
        board.wait(seconds: 40)
        #expect(board.role(of: "2:20 of 3 min used") == .timerUrgent)

        board.press("a")
        #expect(board.decision("CHG-0001041")?.outcome == .approved)
        #expect(board.decision("CHG-0001041")?.by == BoardFixture.chair)
        #expect(board.item("CHG-0001041")?.endedAt != nil)
        #expect(board.item("CHG-0001042")?.isRunning == true)
        #expect(board.shows("CHG-0001042  Resize node pool"))

        board.press("c")
        board.press(.enter)
        #expect(board.shows("write the conditions"))
        board.type("Only after the 15:00 freeze")
        board.press(.enter)
        #expect(board.decision("CHG-0001042")?.outcome == .approvedWithConditions)
        #expect(board.decision("CHG-0001042")?.conditions == "Only after the 15:00 freeze")
        #expect(board.item("CHG-0001043")?.isRunning == true)

        board.wait(seconds: 181)
        #expect(board.shows("over time · not ready — defer? d"))
        #expect(board.role(of: "-0:01") == nil)
        #expect(board.role(of: "over time") == .timerOverrun)
        board.press("d")
        board.press(.enter)
        #expect(board.decision("CHG-0001043")?.outcome == .deferred)
        #expect(board.item("CHG-0001044")?.isRunning == true)

        board.press("r")
        board.press(.enter)
        #expect(board.shows("a reason is required to reject"))
        board.type("No verification criteria")
        board.press(.enter)
        #expect(board.shows("Reject CHG-0001044?"))
        board.press("n")
        #expect(board.decision("CHG-0001044") == nil)
        board.press("r")
        board.type("No verification criteria")
        board.press(.enter)
        board.press("y")
        #expect(board.decision("CHG-0001044")?.outcome == .rejected)
        #expect(board.decision("CHG-0001044")?.note == "No verification criteria")
        #expect(board.item("CHG-0001045")?.isRunning == true)

        board.press(.escape)
        #expect(board.shows("late — next meeting"))
        #expect(board.shows("CHG-0001050"))
        #expect(board.shows("presenting"))

        board.press("e")
        #expect(board.shows("End the meeting?"))
        board.press("y")
        #expect(board.world.meeting?.endedAt == board.now)
        #expect(board.item("CHG-0001045")?.endedAt == board.now)
        #expect(board.shows("ended"))
        #expect(!board.effects.contains(.quit))
        board.press("q")
        #expect(board.quit)
    }

    @Test func lateChangesWaitForTheNextMeeting() {
        var board = BoardDriver()
        board.press("s")
        board.wait(seconds: 120)
        board.reload()
        #expect(board.shows("── late — next meeting (after 09:00)"))
        board.press(.tab)
        #expect(board.state.selectedRow?.entry.change.id == "CHG-0001050")
        board.press("a")
        #expect(board.decision("CHG-0001050") == nil)
        #expect(board.shows("CHG-0001050 is late: it goes to the next meeting"))
        board.press(" ")
        #expect(board.item("CHG-0001050") == nil)
    }

    @Test func spaceBeforeTheMeetingSaysToStartIt() {
        var board = BoardDriver()
        board.press(" ")
        #expect(board.effects.isEmpty)
        #expect(board.shows("start the meeting first: s"))
    }

    @Test func onlyOneItemRunsAtATime() {
        var board = BoardDriver()
        board.press("s")
        board.press(" ")
        board.press(.down)
        board.press(" ")
        #expect(board.item("CHG-0001041")?.pausedAt != nil)
        #expect(board.item("CHG-0001042")?.isRunning == true)
    }

    @Test func presenterFollowsTheMeetingReadOnly() {
        var board = BoardDriver(role: .presenter)
        #expect(board.state.screen == .item)
        #expect(board.shows("following (read-only)"))
        #expect(board.shows("CHG-0001041"))

        for key in ["a", "c", "r", "d", " ", "n", "s"] {
            board.press(key)
            #expect(board.shows("read-only: the chair runs the meeting"), "\(key)")
        }
        #expect(board.effects.isEmpty)
        #expect(!board.shows("a approve"))

        board.elsewhere(.startMeeting(day: BoardFixture.day, at: board.now, opening: Meeting(date: BoardFixture.day, chair: BoardFixture.chair)))
        board.elsewhere(.clocks([ClockStep(.start, "CHG-0001041")], day: BoardFixture.day, at: board.now))
        board.wait(seconds: 30)
        #expect(board.shows("0:30 of 3 min used"))
        board.elsewhere(.decide(Decision(id: "x", change: "CHG-0001041", outcome: .approved, at: board.now, by: BoardFixture.chair),
                                clocks: [ClockStep(.start, "CHG-0001042")], day: BoardFixture.day))
        #expect(board.shows("CHG-0001042  Resize node pool"))
        #expect(board.shows("following (read-only)"))
    }

    @Test func presentingOneChangeShowsItsCard() {
        var state = BoardFixture.board(BoardFixture.beforeMeeting, role: .presenter, changeID: "CHG-0001043")
        let lines = render(state, width: 80, height: 24).lines
        #expect(lines.contains { $0.contains("CHG-0001043  Switch SMS provider") })
        #expect(lines.contains { $0.contains("needs more preparation") })
        // ↓ scrolls the card; it never leaves it for another change.
        _ = update(&state, .key(.down))
        #expect(state.cardChangeID == "CHG-0001043")
    }

    @Test func filterNarrowsTheQueueAndEscPutsItBack() {
        var board = BoardDriver()
        board.press("/")
        board.type("sms")
        #expect(board.state.rows.map(\.entry.change.id) == ["CHG-0001043"])
        board.press(.enter)
        #expect(board.shows("filter \"sms\": 1 of 6"))
        board.press("/")
        board.type("zzz")
        #expect(board.shows("No change matches"))
        board.press(.escape)
        #expect(board.state.filter == "sms")
    }

    @Test func clickSelectsARow() {
        var board = BoardDriver()
        board.press(.click(x: 10, y: 4))
        #expect(board.state.selectedRow?.entry.change.id == "CHG-0001043")
        board.press(.click(x: 10, y: 0))
        #expect(board.state.selection == 2)
        board.press(.enter)
        #expect(board.shows("CHG-0001043  Switch SMS provider"))
    }

    @Test func helpOverlayListsTheKeysOfTheScreenBeneath() {
        var board = BoardDriver()
        board.press("?")
        #expect(board.shows("Keys · agenda"))
        #expect(board.shows("Start the meeting: freezes the agenda"))
        board.press("?")
        #expect(board.state.screen == .agenda)
    }

    @Test func resizeBelowTheMinimumShowsTheNoticeAndBack() {
        var board = BoardDriver()
        board.send(.resize(width: 59, height: 16))
        #expect(board.shows("terminal too small (need 60×16)"))
        board.send(.resize(width: 60, height: 16))
        #expect(board.shows("CHG-0001041"))
    }
}

@Suite struct TimerTests {
    @Test(arguments: [
        (Int64(0), TimerPhase.calm), (89_999, .calm), (90_000, .warn), (134_999, .warn), (135_000, .urgent), (180_000, .urgent), (180_001, .overrun),
    ])
    func phaseFollowsTheShareOfTheAllotment(elapsed: Int64, phase: TimerPhase) {
        #expect(TimerPhase(elapsedMilliseconds: elapsed, allotmentMilliseconds: 180_000) == phase)
    }

    @Test func remainingTimeComesFromTheStoredClock() {
        let item = AgendaItem(change: "C", position: 0, startedAt: BoardFixture.at("09:00:00"), pausedTotalMilliseconds: 20_000)
        let timer = ItemTimer(item: item, itemMinutes: 3, now: BoardFixture.at("09:01:00.500"))
        #expect(timer.state == .running)
        #expect(timer.elapsedMilliseconds == 40_500)
        #expect(timer.remainingSeconds == 140)
        #expect(ItemTimer(item: item, itemMinutes: 3, now: BoardFixture.at("09:03:20.001")).remainingSeconds == -1)
        #expect(ItemTimer(item: nil, itemMinutes: 5, now: BoardFixture.now).remainingSeconds == 300)
    }

    @Test func meetingClockCountsTheItemsThatStillFit() {
        let clock = MeetingClock(snapshot: BoardFixture.inMeeting, itemMinutes: 3, now: BoardFixture.now)
        #expect(clock.elapsedMilliseconds == 300_000)
        #expect(clock.itemsStillFit == 3)
        #expect(clock.waiting == 5)
        #expect(MeetingClock(snapshot: BoardFixture.inMeeting, itemMinutes: 3, now: BoardFixture.at("09:16:00")).isOverBudget)
    }

    @Test func currentItemIsTheRunningOneThenTheNextWaiting() {
        #expect(BoardFixture.inMeeting.currentChangeID == "CHG-0001042")
        #expect(BoardFixture.beforeMeeting.currentChangeID == "CHG-0001041")
        #expect(BoardFixture.inMeeting.nextUndecided(after: "CHG-0001046")?.change.id == "CHG-0001042")
    }

    @Test func aLostStoreIsSaidUnderTheBoardAndAWriteKeptForLaterReplacesItsMessage() {
        var board = BoardDriver(width: 120, height: 30)
        board.press("s")
        board.press("n")
        board.send(.connection(problem: "cannot reach db:5432 (connection refused)", waiting: 0))
        #expect(board.shows("reconnecting: cannot reach db:5432 (connection refused)"))
        #expect(board.shows("CHG-0001041  Add index on created_at for Order Service"), "the screen is kept")

        board.press("a")
        #expect(board.shows("CHG-0001041: approved"))
        board.send(.connection(problem: "cannot reach db:5432 (connection refused)", waiting: 1))
        #expect(board.shows("reconnecting: cannot reach db:5432 (connection refused) (1 change waiting to be saved)"))
        #expect(!board.shows("CHG-0001041: approved"))

        board.send(.connection(problem: nil, waiting: 0))
        #expect(!board.shows("reconnecting"))
    }

    @Test func aStoreWhoseFileIsGoneIsSaidUnderTheBoardAndADecisionIsNotCalledSaved() {
        var board = BoardDriver(width: 120, height: 30)
        board.press("s")
        board.press("n")
        board.press("a")
        #expect(board.shows("CHG-0001041: approved"))
        board.send(.storeGone(problem: "the database file was removed", unsaved: 1))
        #expect(board.shows("not saving: the database file was removed; quit and check the file (1 change not saved)"))
        #expect(!board.shows("CHG-0001041: approved"))
        #expect(!board.shows("reconnecting"))
    }
}
