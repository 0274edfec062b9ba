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

        board.press("k")
        board.press("d")
        #expect(board.shows("Correct CHG-0001041: approved by priya.raman at 09:00 → deferred"))
        board.press(.enter)
        #expect(board.shows("a reason is required to correct a decision"))
        #expect(board.decision("CHG-0001041") == wrong)

        board.type("DBA was not in the room")
        board.press(.enter)
        let correction = board.decision("CHG-0001041")
        #expect(correction?.outcome == .deferred)
        #expect(correction?.supersedes == wrong?.id)
        #expect(correction?.note == "corrects approved by priya.raman at 09:00: DBA was not in the room")
        #expect(board.item("CHG-0001042")?.isRunning == true)
    }
}
