import CabinetModel
@testable import TerminalKit
import Testing
@testable import CabinetUI

/// An emergency that shipped last night is on the agenda after the normal items for its
/// post-implementation review: the chair records its outcome with its own keys, never a decision.
@Suite struct EmergencyReviewTests {
    static let hotfix = Change(
        id: "CHG-0001090", title: "Hotfix the gateway timeout", owner: "ana.ribeiro", team: "platform", type: .emergency,
        category: .singleService, risk: .high, route: .emergency, services: ["API Gateway"], blastRadius: "API Gateway",
        rollbackPlan: "Redeploy 4.1", rollbackMinutes: 2, verification: "timeouts under 0.1%", windowStart: nil, windowEnd: nil,
        submittedAt: BoardFixture.at("01:00:00"), state: .implement, deployedAt: BoardFixture.at("00:40:00"))

    /// The board with the hotfix after the normal items, the meeting started and the hotfix selected.
    func boardOnTheHotfix() -> BoardDriver {
        var board = BoardDriver(width: 120, height: 40)
        board.world.changes.insert(Self.hotfix, at: BoardFixture.changes.count)
        board.reload()
        board.press("s")
        select(Self.hotfix.id, on: &board)
        return board
    }

    func select(_ id: String, on board: inout BoardDriver) {
        board.press("G")
        while board.state.selectedRow?.entry.change.id != id, board.state.selection > 0 { board.press("k") }
    }

    @Test func theEmergencyFollowsTheNormalItemsAndIsNotDecided() {
        var board = boardOnTheHotfix()
        #expect(board.state.snapshot?.agenda.last?.change.id == Self.hotfix.id)
        #expect(board.state.snapshot?.agenda.last?.kind == .pir)
        #expect(board.shows("PIR due"))
        #expect(board.shows("post-implementation review due: v accepted, u follow-up required"))
        board.press("a")
        #expect(board.world.decisions[Self.hotfix.id] == nil)
        #expect(board.shows("is an emergency back for its review (PIR), not a decision"))
    }

    @Test func followUpRequiredTakesANoteAndIsRecordedOnce() {
        var board = boardOnTheHotfix()
        board.press("u")
        #expect(board.shows("follow-up required"))
        board.press(.enter)
        #expect(board.shows("say what follows up"))
        #expect(board.world.reviews.isEmpty)
        board.type("Alert on gateway timeouts")
        board.press(.enter)
        let review = board.world.reviews[Self.hotfix.id]
        #expect(review?.outcome == .followUpRequired && review?.note == "Alert on gateway timeouts" && review?.by == BoardFixture.chair)
        #expect(review?.meeting == BoardFixture.day)
        #expect(board.shows("PIR follow-up"))
        select(Self.hotfix.id, on: &board)
        board.press("v")
        #expect(board.world.reviews[Self.hotfix.id]?.outcome == .followUpRequired)
        #expect(board.shows("was already reviewed by \(BoardFixture.chair)"))
    }

    @Test func thePanelsDORAPageAnswersTheBoardAgainstPeerReviewAndCountsTheReviews() {
        var board = BoardDriver(width: 120, height: 40)
        board.press("p")
        #expect(board.shows("Effectiveness"))
        board.press("o")
        #expect(board.shows("DORA by route"))
        #expect(board.shows("Safety: too few deployments to compare failure rates (board 0, peer 0; 10 each needed)"))
        #expect(board.shows("Emergencies: 0 deployed, 0 reviewed (0 accepted, 0 follow-up required), 0 awaiting review"))
        #expect(board.shows("lead deploy"))
        board.press("?")
        #expect(board.shows("Failure rate  of deployed, those linked to at least one incident"))
        board.press("?")
        board.press("o")
        #expect(board.shows("Effectiveness"))
    }

    @Test func theReviewKeysDoNotApplyToAChangeForTheBoardsDecision() {
        var board = BoardDriver()
        board.press("v")
        #expect(board.world.reviews.isEmpty)
        #expect(board.shows("is not an emergency back for its review"))
    }
}
