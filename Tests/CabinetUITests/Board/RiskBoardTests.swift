import CabinetModel
@testable import TerminalKit
import Testing
@testable import CabinetUI

/// The risk work where the chair and the presenter look: the queue's score and flags, the card's
/// summary line and details. The assessments are the hand-made ones of `AssessmentFixture`.
@Suite struct RiskBoardTests {
    /// The queue row of a change.
    private func row(_ id: String, in board: BoardDriver) -> String? { board.screen.first { $0.contains(" \(id) ") } }

    @Test func theQueueShowsEachScoreAndFlag() throws {
        let board = BoardDriver()
        #expect(board.shows("score CFM"))
        let conflicting = try #require(row("CHG-0001041", in: board))
        #expect(conflicting.contains("13.3% ⚠  "))
        #expect(try #require(row("CHG-0001042", in: board)).contains(" 6.6%   ⚑ "))
        #expect(try #require(row("CHG-0001046", in: board)).contains("13.6%  ❄⚑ "))
        #expect(try #require(row("CHG-0001045", in: board)).contains(" 1.6%     "))
        #expect(board.role(of: "40.9%") == .bad, "over the 25% threshold: a review gate")
        #expect(board.role(of: " 7.2%") == .normal)
        #expect(board.role(of: "❄") == .warn)
    }

    @Test func theFlagsHaveAnASCIIFallback() throws {
        var board = BoardDriver()
        board.state.unicode = false
        #expect(try #require(row("CHG-0001046", in: board)).contains("13.6%  FM "))
        #expect(try #require(row("CHG-0001044", in: board)).contains(" 7.2% C   "))
        #expect(board.shows("risk score 13.3% (threshold 25.0%) - C conflicts with CHG-0001044"))
    }

    @Test func theSelectedChangeSaysWhatIsFlagged() {
        var board = BoardDriver()
        #expect(board.shows("risk score 13.3% (threshold 25.0%) · ⚠ conflicts with CHG-0001044"))
        board.press(.down)
        board.press(.down)
        #expect(board.shows("risk score 40.9% (over the 25.0% threshold: risk review) · ❄ in freeze FRZ-1 … "), "cut with a marker")
        #expect(board.role(of: "risk score 40.9%") == .bad)
    }

    @Test(arguments: [140, 200])
    func wideTerminalsShowEveryColumnOfTheIssue(width: Int) {
        let board = BoardDriver(width: width, height: 30)
        let heading = board.screen[1]
        for column in ["id", "title", "owner", "category", "risk", "score", "CFM", "route", "strategy", "BRVW", "window", "used", "status"] {
            #expect(heading.contains(" \(column) "), "\(column) at \(width) columns")
        }
        #expect(board.shows("database-schema") || board.shows("database-s…"))
    }

    @Test func theCardNamesTheConflictAndKeepsItsFourBoxesAt80x24() {
        var board = BoardDriver()
        board.press(.enter)
        #expect(board.shows("risk score 13.3% (threshold 25.0%) · ⚠ conflicts with CHG-0001044"))
        for title in ["Blast radius", "Rollback plan", "Verification", "Deployment window"] {
            let top = board.screen.firstIndex { $0.contains(title) }
            #expect(top != nil, "\(title) box")
            if let top { #expect(board.screen[top + 1].contains("│ ") && !board.screen[top + 1].contains("└"), "\(title) has a line of text") }
        }
        #expect(board.shows("│ Postgres Main, Checkout Web. Last    │"), "the impact, in a box as tall as it needs while the boxes below need less")
        #expect(board.shows("│ ▼ 2 more lines: Tab "), "the rest of the impact, below a marker that says how to reach it")
        #expect(board.shows("└─ ▼ Risk: Tab, Enter ─"), "the risk details, with no box of their own, on the boxes' edge")
    }

    @Test(arguments: [80, 100])
    func theCardBringsBackTheLessonOfTheLastReviewedIncidentOnItsServices(width: Int) throws {
        var board = BoardDriver(width: width)
        var snapshot = board.world.snapshot(now: board.state.now)
        let lesson = ServiceLesson(service: "Order Service", incident: "INC-318", incidentOpenedAt: try Timestamp(iso8601: "2026-11-20T16:30:00Z"),
                                   lesson: "ACT-4", text: "rollback took 25 min, not 5")
        for index in snapshot.agenda.indices { snapshot.agenda[index].assessment?.lessons = [lesson] }
        board.send(.loaded(snapshot))
        board.press(.enter)
        let line = "lesson: last incident on Order Service: rollback took 25 min, not 5: 2026-11-20"
        #expect(board.shows(width == 80 ? String(line.prefix(77)) + "…" : line), "cut with a marker on 80 columns")
        #expect(board.role(of: "lesson: last incident") == .warn)
        for title in ["Blast radius", "Rollback plan", "Verification", "Deployment window"] { #expect(board.shows(title), "\(title) box kept") }
    }

    @Test func aLargerCardExplainsTheScore() {
        var board = BoardDriver(width: 120, height: 40)
        board.press(.enter)
        #expect(board.shows("│ This change affects: Order Service, Postgres Main,       │"))
        #expect(board.shows("│ Checkout Web. Last incident involving these services: 6  │"))
        #expect(board.shows("┌ Risk "))
        #expect(board.shows("Risk score: 13.3% (threshold 25.0%): files changed 12 files +0.93, services affected 3 services +0.70,"))
        #expect(board.shows("Flag: conflicts with CHG-0001044 (Roll out new event schema across order …): both touch Order Service;"))
        #expect(!board.shows("review gate"), "no gate on CHG-0001041")

        board.press(.escape)
        board.press(.down)
        board.press(.enter)
        #expect(board.shows("┌ Risk ⚑ review gate"))
        #expect(board.shows("Flag: mandatory review: touches resource-limits"))
    }

    @Test func aSmallCardPutsTheRiskOnTheFactsRow() {
        var board = BoardDriver(width: 60, height: 16)
        board.press(.enter)
        #expect(board.screen[2].hasPrefix(" risk score 13.3% (threshold 25.0%) · ⚠ conflicts with CHG…"))
        let boxTops = board.screen.indices.filter { board.screen[$0].contains("┌") }
        #expect(boxTops.count == 2)
        for top in boxTops { #expect(board.screen[top + 1].contains("│ ")) }
    }

    @Test func manyConflictsAreCountedNotListed() {
        var entry = BoardFixture.entry(BoardFixture.changes[0])
        let template = entry.assessment?.conflicts.first
        entry.assessment?.conflicts = (1...250).compactMap { number in
            template.map { Conflict(other: "CHG-9\(number)", otherTitle: "Busy change \(number)", overlapStart: $0.overlapStart,
                                    overlapEnd: $0.overlapEnd, reason: $0.reason) }
        }
        let snapshot = BoardSnapshot(day: BoardFixture.day, meeting: nil, agenda: [entry], late: [])
        var state = BoardFixture.board(snapshot, width: 120, height: 40)
        _ = update(&state, .key(.enter))
        let screen = render(state, width: 120, height: 40).lines
        #expect(screen.contains { $0.contains("⚠ conflicts with CHG-91 and 249 more") })
        #expect(screen.contains { $0.contains("Flag: conflicts with CHG-93 (Busy change 3)") })
        #expect(!screen.contains { $0.contains("CHG-94 ") })
        #expect(screen.contains { $0.contains("and 247 more conflicts (cab change show lists them all)") })
    }

    @Test func aChangeWithoutAssessmentShowsNoFlags() throws {
        var entry = BoardFixture.entry(BoardFixture.changes[1])
        entry.assessment = nil
        let snapshot = BoardSnapshot(day: BoardFixture.day, meeting: nil, agenda: [entry], late: [])
        var state = BoardFixture.board(snapshot)
        let queue = render(state, width: 80, height: 24).lines
        #expect(try #require(queue.first { $0.contains("CHG-0001042") }).contains("medium     —     ✓✓✓✓"))
        #expect(!queue.contains { $0.contains("risk score") })
        _ = update(&state, .key(.enter))
        let card = render(state, width: 80, height: 24).lines
        #expect(card.contains { $0.contains("services: API Gateway") })
        #expect(!card.contains { $0.contains("risk score") })
    }

    @Test(arguments: [("queue-wide", 160, 30), ("card-risk", 160, 50), ("card-risk", 80, 30)])
    func riskScreensMatchTheirSnapshots(name: String, width: Int, height: Int) throws {
        var state = BoardFixture.board(BoardFixture.inMeeting, width: width, height: height)
        if name == "card-risk" {
            for _ in 0..<2 { _ = update(&state, .key(.down)) }
            _ = update(&state, .key(.enter))
        }
        try Snapshot.assertMatches(render(state, width: width, height: height), named: "\(name)-\(width)x\(height)")
    }
}
