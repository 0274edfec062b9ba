import CabinetModel
@testable import TerminalKit
import Testing
@testable import CabinetUI

/// The chair's morning where `a` approved whatever was on screen: a change nobody presented,
/// and before the meeting a change whose card said it needed more preparation.
@Suite struct DecidingThePresentedItemTests {
    @Test func withOneItemsTimerRunningApprovingTheNextRowAsksFirst() {
        var board = BoardDriver(width: 120, height: 40)
        board.press("s")
        board.press("n")
        #expect(board.item("CHG-0001041")?.isRunning == true)
        board.press(.escape)
        board.press("j")
        #expect(board.state.selectedRow?.entry.change.id == "CHG-0001042")

        board.press("a")
        #expect(board.decision("CHG-0001042") == nil, "CHG-0001042 was never presented")
        #expect(board.shows("CHG-0001042 is not being presented (CHG-0001041 is)"))
        board.press("n")
        #expect(board.world.decisions.isEmpty)
        #expect(board.item("CHG-0001041")?.isRunning == true)

        board.press("a")
        board.press("y")
        #expect(board.decision("CHG-0001042")?.outcome == .approved)
    }

    @Test func approvingTheItemBeingPresentedIsOneKey() {
        var board = BoardDriver()
        board.press("s")
        board.press("n")
        board.press("a")
        #expect(board.decision("CHG-0001041")?.outcome == .approved)
    }

    @Test func beforeTheMeetingANotReadyChangeIsApprovedOnlyWithAStatedOverrideReason() {
        var board = BoardDriver(width: 120, height: 40)
        board.press("j")
        board.press("j")
        #expect(board.state.selectedRow?.entry.change.id == "CHG-0001043")

        board.press("a")
        #expect(board.decision("CHG-0001043") == nil)
        #expect(board.shows("Approve CHG-0001043: not ready"))
        #expect(board.shows("rollback takes 12 min (over 5)"))
        #expect(board.shows("the meeting has not started"))
        board.press(.enter)
        #expect(board.shows("an override reason is required to approve a change that is not ready"))
        #expect(board.world.decisions.isEmpty)

        board.type("Provider contract ends tonight")
        board.press(.enter)
        #expect(board.decision("CHG-0001043")?.outcome == .approved)
        #expect(board.decision("CHG-0001043")?.note == "not-ready override: Provider contract ends tonight")
    }

    @Test func theOverrideReasonIsInTheMinutes() {
        var board = BoardDriver(width: 120, height: 40)
        board.press("s")
        board.press("n")
        board.press("a")
        #expect(board.decision("CHG-0001041")?.outcome == .approved)
        board.press("a")
        #expect(board.decision("CHG-0001042")?.outcome == .approved)
        board.press("a")
        #expect(board.shows("Approve CHG-0001043: not ready"))
        board.type("Provider contract ends tonight")
        board.press(.enter)
        #expect(board.decision("CHG-0001043")?.note == "not-ready override: Provider contract ends tonight")
        board.press("m")
        #expect(board.shows("not-ready override: Provider contract ends tonight"))
    }

    @Test func aWrongDecisionIsCorrectedFromTheBoardWithItsReasonNeverSilently() {
        var board = BoardDriver(width: 120, height: 40)
        board.press("s")
        board.press("n")
        board.press("a")
        let wrong = board.decision("CHG-0001041")
        #expect(wrong?.outcome == .approved)
        #expect(board.shows("CHG-0001042  Resize node pool"))

        // From the queue: the row above the item being presented, and a decision on it.
        board.press(.escape)
        board.press("k")
        board.press("a")
        #expect(board.shows("Correct CHG-0001041: approved by priya.raman at 09:00 → approved"))
        board.press(.escape)
        board.press("d")
        #expect(board.shows("Defer CHG-0001041"))
        #expect(board.shows("corrects approved by priya.raman at 09:00"))
        board.press(.enter)
        #expect(board.shows("write the target meeting's day, then the reason"))
        #expect(board.decision("CHG-0001041") == wrong)

        board.type("DBA was not in the room")
        board.press(.enter)
        let correction = board.decision("CHG-0001041")
        #expect(correction?.outcome == .deferred)
        #expect(correction?.supersedes == wrong?.id)
        #expect(correction?.note == "to 2026-11-30: DBA was not in the room; corrects approved by priya.raman at 09:00")
        #expect(board.item("CHG-0001042")?.isRunning == true)
    }
}

/// The chair's morning where `d` recorded "deferred by priya at 01:36" and nothing else.
@Suite struct DeferringWithAReasonAndADestinationTests {
    @Test func aDeferralTakesTheReadinessProblemAndTheNextWeekdayAndTheMinutesSayBoth() {
        var board = BoardDriver(width: 120, height: 40)
        board.press("s")
        board.press("n")
        board.press("a")
        board.press("a")
        board.wait(seconds: 181)
        #expect(board.shows("over time · not ready — defer? d"))

        board.press("d")
        #expect(board.decision("CHG-0001043") == nil)
        #expect(board.shows("Defer CHG-0001043"))
        #expect(board.shows("to 2026-11-30: rollback takes 12 min (over 5)"), "Friday's deferral goes to Monday")
        board.press(.enter)
        let deferral = board.decision("CHG-0001043")
        #expect(deferral?.outcome == .deferred)
        #expect(deferral?.note == "to 2026-11-30: rollback takes 12 min (over 5)")
        #expect(deferral.flatMap(Deferral.init)?.target == "2026-11-30")
        #expect(board.item("CHG-0001044")?.isRunning == true)

        board.press("m")
        #expect(board.shows("deferred to: 2026-11-30"))
        #expect(board.shows("reason: rollback takes 12 min (over 5)"))
    }

    @Test func theChairSendsItFurtherWithItsOwnReasonButNotBackToToday() {
        var board = BoardDriver(width: 120, height: 40)
        board.press("s")
        board.press("n")
        board.press("aa")
        board.press("d")
        board.press(.control("u"))
        board.type("to 2026-11-27: owner away")
        board.press(.enter)
        #expect(board.shows("defer to a later meeting than today's (2026-11-27)"))
        #expect(board.decision("CHG-0001043") == nil)
        board.press(.control("u"))
        board.type("owner away")
        board.press(.enter)
        #expect(board.shows("write the target meeting's day, then the reason: to 2026-11-30: reason"))
        board.press(.control("u"))
        board.type("to 2026-12-02: owner away until Wednesday")
        board.press(.enter)
        #expect(board.decision("CHG-0001043")?.note == "to 2026-12-02: owner away until Wednesday")
    }

    @Test func onTheTargetDayTheChangeIsOnTheAgendaMarkedDeferredFromItsMeeting() {
        var board = BoardDriver(width: 120, height: 40)
        board.press("s")
        board.press("n")
        board.press("aa")
        board.press("d")
        board.press(.enter)
        let deferral = board.decision("CHG-0001043")
        #expect(deferral?.returnsToBoard(on: "2026-11-27") == false)
        #expect(deferral?.returnsToBoard(on: "2026-11-30") == true)

        let monday = (try? Timestamp(iso8601: "2026-11-30T09:00:00Z")) ?? board.now
        let entry = QueueEntry(change: BoardFixture.changes[2], now: monday, latestDecision: deferral, assessment: AssessmentFixture.assess(BoardFixture.changes[2]))
        var state = AppState(role: .chair, chair: BoardFixture.chair, day: "2026-11-30", now: monday, width: 120, height: 40)
        _ = update(&state, .loaded(BoardSnapshot(day: "2026-11-30", meeting: nil, agenda: [entry], late: [])))
        let screen = render(state, width: 120, height: 40).lines.joined(separator: "\n")
        #expect(screen.contains("deferred from 11-27: rollback takes 12 min (over 5)"), "\(screen)")
    }

    @Test func theNextWeekdaySkipsTheWeekend() {
        #expect(Deferral.nextWeekday(after: "2026-11-26") == "2026-11-27")
        #expect(Deferral.nextWeekday(after: "2026-11-27") == "2026-11-30")
        #expect(Deferral.nextWeekday(after: "2026-11-28") == "2026-11-30")
    }
}
