import CabinetModel
import Terminal
import Testing
import TerminalKit
@testable import CabinetBoard

/// The board left open on a card while the room talks: ticks that change nothing on screen
/// render nothing, so a long field costs nothing while it waits.
@Suite struct IdleBoardTests {
    @Test func aTickWithinTheSameSecondDrawsNothingAndTheNextSecondOrAKeyDraws() throws {
        let board = try LiveBoard()
        board.press("s")
        board.press("n")
        #expect(board.shows("CHG-A  Add index"))
        // The item's timer runs: the frame changes once a second, not on every 250 ms tick.
        #expect(board.tick(after: 1000) == .proceed)
        #expect(board.tick(after: 0) == .unchanged)
        #expect(board.tick(after: 0) == .unchanged)
        #expect(board.tick(after: 1000) == .proceed)
        // A key that moves the focus is drawn at once.
        board.press(.tab)
        #expect(board.tick(after: 0) == .unchanged)
    }

    @Test func anotherProcessWritingIsDrawnOnTheNextTick() throws {
        let board = try LiveBoard()
        #expect(board.tick(after: 0) == .unchanged)
        let theirs = Decision(id: "elsewhere", change: "CHG-A", outcome: .rejected, at: board.now, by: "marcus.webb", note: "too risky")
        try board.anotherProcess().record(theirs)
        #expect(board.tick(after: 0) == .proceed)
        #expect(board.tick(after: 0) == .unchanged)
    }
}
