import CabinetModel
import CabinetStore
import Testing
import TerminalKit
@testable import CabinetBoard
@testable import CabinetUI

/// A chair's morning on the real board and a real store: every key that records something is
/// checked against what the store then holds, and every key that must not record anything
/// leaves the store without a decision.
@Suite struct TheRecordFromTheBoardTests {
    /// `s` starts the meeting, `n` starts its first item (CHG-A) on the card.
    func meetingUnderWay() throws -> LiveBoard {
        let board = try LiveBoard()
        board.press("s")
        board.press("n")
        #expect(board.shows("CHG-A  Add index"))
        return board
    }

    @Test func aPastedListOfConditionsIsOneApprovalAndNothingElse() throws {
        let board = try meetingUnderWay()
        board.press("c")
        board.paste("1. Owner on call\n2. DBA sign-off before contract phase\n3. Notify #payments")
        #expect(try board.decisions().isEmpty)
        board.press(.enter)

        let recorded = try board.decisions()
        #expect(recorded.count == 1)
        #expect(recorded.first?.change == "CHG-A")
        #expect(recorded.first?.outcome == .approvedWithConditions)
        #expect(recorded.first?.by == "priya")
        #expect(recorded.first?.conditions == "1. Owner on call\n2. DBA sign-off before contract phase\n3. Notify #payments")
        // The decision ended CHG-A's clock and started CHG-B's, in the same write.
        let items = try #require(try board.meeting()?.items)
        #expect(items.first { $0.change == "CHG-A" }?.endedAt == board.now)
        #expect(items.first { $0.change == "CHG-B" }?.isRunning == true)
    }

    @Test func approvingAChangeThatIsNotBeingPresentedAsksAndNoRecordsNothing() throws {
        let board = try meetingUnderWay()
        board.press(.escape)
        board.press("j")
        #expect(board.loop.state.selectedRow?.entry.change.id == "CHG-B")
        board.press("a")
        #expect(board.shows("Record approved for CHG-B?"))
        #expect(board.shows("CHG-B is not being presented (CHG-A is)"))
        board.press("n")
        #expect(try board.decisions().isEmpty)

        board.press("a")
        board.press("y")
        #expect(try board.decisions().map(\.change) == ["CHG-B"])
    }

    @Test func approvingAChangeThatIsNotReadyTakesAnOverrideReasonThatIsRecorded() throws {
        let board = try meetingUnderWay()
        board.press(.escape)
        board.press("jj")
        board.press("a")
        #expect(board.shows("Approve CHG-C: not ready"))
        board.press(.enter)
        #expect(try board.decisions().isEmpty)
        board.type("network freeze starts tomorrow")
        board.press(.enter)
        board.press("y")
        let recorded = try #require(try board.decisions().first)
        #expect(recorded.change == "CHG-C" && recorded.outcome == .approved)
        #expect(recorded.note == "not-ready override: network freeze starts tomorrow")
    }

    @Test func aDeferralRecordsItsTargetAndReasonAndTheChangeIsOnThatMeetingsAgenda() throws {
        let board = try meetingUnderWay()
        board.press("d")
        #expect(board.shows("Defer CHG-A"))
        board.type("DBA on leave until Monday")
        board.press(.enter)
        let deferral = try #require(try board.decisions().first)
        #expect(deferral.outcome == .deferred)
        #expect(deferral.note == "to 2026-11-30: DBA on leave until Monday")

        let monday = try Timestamp(iso8601: "2026-11-30T09:00:00Z")
        #expect(try board.store.queue(on: monday, now: monday).contains { $0.change.id == "CHG-A" })
        let saturday = try Timestamp(iso8601: "2026-11-28T09:00:00Z")
        #expect(try !board.store.queue(on: saturday, now: saturday).contains { $0.change.id == "CHG-A" })
    }

    @Test func aWrongDecisionIsCorrectedFromTheQueueBySupersedingItAndTheLogStaysIntact() throws {
        let board = try meetingUnderWay()
        board.press("a")
        board.press(.escape)
        board.press("k")
        #expect(board.loop.state.selectedRow?.entry.change.id == "CHG-A")
        board.press("r")
        board.type("rollback untested on production-sized data")
        board.press(.enter)
        board.press("y")

        let recorded = try board.decisions()
        #expect(recorded.map(\.outcome) == [.approved, .rejected])
        #expect(recorded.last?.supersedes == recorded.first?.id)
        #expect(recorded.last?.note == "rollback untested on production-sized data; corrects approved by priya at 09:00")
        #expect(try board.store.auditDecisionLog(expecting: nil).firstBreak == nil)

        // Corrected again within the same (pinned) millisecond: a third decision, not a clash.
        board.press("a")
        board.type("rollback tested after all")
        board.press(.enter)
        #expect(try board.decisions().map(\.outcome) == [.approved, .rejected, .approved])
        #expect(Set(try board.decisions().map(\.id)).count == 3)
    }

    @Test func aDecisionRecordedFromAnotherTerminalIsShownAndNotOverwritten() throws {
        let board = try meetingUnderWay()
        let theirs = Decision(id: "elsewhere", change: "CHG-A", outcome: .rejected, at: board.now, by: "marcus.webb", note: "too risky")
        try board.anotherProcess().record(theirs)
        board.press("a")
        #expect(try board.decisions().map(\.id) == [theirs.id])
        #expect(board.shows("not overwritten: CHG-A was already decided by marcus.webb"))

        // A second `a` is a correction of their decision, which takes a reason.
        board.press("a")
        #expect(board.shows("Correct CHG-A: rejected by marcus.webb at 09:00 → approved"))
        #expect(try board.decisions().map(\.id) == [theirs.id])
    }

    @Test func endingTheMeetingStopsTheRunningClockWithTheTimeItRan() throws {
        let board = try meetingUnderWay()
        board.wait(seconds: 30)
        board.press(.escape)
        board.press("e")
        #expect(board.shows("End the meeting?"))
        board.press("y")
        let meeting = try #require(try board.meeting())
        #expect(meeting.endedAt == board.now)
        #expect(meeting.items.first { $0.change == "CHG-A" }?.elapsedMilliseconds(at: board.now.adding(minutes: 5)) == 30_000)
        #expect(try board.decisions().isEmpty)
    }
}
