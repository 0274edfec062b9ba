import CabinetModel
@testable import TerminalKit
import Testing
@testable import CabinetUI

/// The effectiveness panel and the minutes driven by keys: the effects ask for the right
/// period or day, answers land on the right screen, reloads recompute, Esc goes back.
@Suite struct PanelScenarioTests {
    @Test func pOpensThePanelOnTheLast30Days() {
        var board = BoardDriver()
        board.press("p")
        #expect(board.state.screen == .panel)
        #expect(board.effects.last == .loadFigures(Period(lastDays: 30, endingAt: board.now)))
        #expect(board.shows("Effectiveness · last 30 days · 2026-10-28 → 2026-11-27"), "\(board.text)")
        #expect(board.shows("1 7d  2 30d  3 90d"), "\(board.text)")
    }

    @Test func thePanelCountsTheReviewsAndLessonsStillOpen() {
        var board = BoardDriver()
        board.press("p")
        #expect(!board.shows("review open") && !board.shows("reviews open"), "nothing open, nothing said")
        board.world.followUps = FollowUps(openReviews: 1, openLessons: 2)
        board.reload()
        // On 80 columns the title's end day (today) gives way to what is still owed.
        #expect(board.screen.contains(" Effectiveness · last 30 days · 2026-10-28 → 20…  1 review open, 2 lessons open "), "\(board.text)")
        #expect(board.role(of: "1 review open") == .warn)
    }

    @Test func theNumberKeysAskForTheirPeriod() {
        var board = BoardDriver()
        board.press("p")
        board.wait(seconds: 60)
        for (key, days) in [("1", 7), ("3", 90), ("2", 30)] {
            board.press(key)
            #expect(board.effects.last == .loadFigures(Period(lastDays: Int64(days), endingAt: board.now)), "\(key)")
            #expect(board.state.panel.figures?.period == Period(lastDays: Int64(days), endingAt: board.now))
            #expect(board.shows("last \(days) days"), "\(board.text)")
        }
    }

    @Test func figuresOfAnotherPeriodAreDropped() {
        var state = BoardFixture.board(BoardFixture.inMeeting)
        _ = update(&state, .key(.character("p")))
        _ = update(&state, .key(.character("1")))
        _ = update(&state, .figuresLoaded(PanelFixture.healthy))
        #expect(state.panel.figures == nil)
        #expect(render(state, width: 80, height: 24).lines.contains { $0.contains("computing the figures…") })
    }

    /// The figures come in twice: first without the deployments, which the first page does not
    /// show, then whole. Meanwhile the DORA page says it is computing rather than showing zeros.
    @Test func theFirstPageShowsItsFiguresWhileTheDORAPageWaitsForTheDeployments() {
        var state = BoardFixture.board(BoardFixture.inMeeting)
        _ = update(&state, .key(.character("p")))
        var first = PanelFixture.healthy
        first.deploymentsPending = true
        _ = update(&state, .figuresLoaded(first))
        #expect(state.panel.figures == first)
        #expect(render(state, width: 80, height: 24).lines.contains { $0.contains("Pass-through") })
        _ = update(&state, .key(.character("o")))
        #expect(render(state, width: 80, height: 24).lines.contains { $0.contains("computing the figures…") })
        _ = update(&state, .figuresLoaded(PanelFixture.healthy))
        #expect(!render(state, width: 80, height: 24).lines.contains { $0.contains("computing the figures…") })
        #expect(render(state, width: 80, height: 24).lines.contains { $0.contains("Emergencies:") })
    }

    @Test func figuresAskedForBeforeAReloadStillCount() {
        var state = BoardFixture.board(BoardFixture.inMeeting)
        _ = update(&state, .key(.character("p")))
        _ = update(&state, .tick(BoardFixture.at("09:05:30")))
        #expect(update(&state, .loaded(BoardFixture.inMeeting)) == [.loadFigures(Period(lastDays: 30, endingAt: BoardFixture.at("09:05:30")))])
        _ = update(&state, .figuresLoaded(PanelFixture.healthy))
        #expect(state.panel.figures == PanelFixture.healthy)
    }

    @Test func aReloadRecomputesTheOpenPanelOnly() throws {
        var board = BoardDriver()
        board.reload()
        #expect(!board.effects.contains { if case .loadFigures = $0 { true } else { false } })
        board.press("p")
        #expect(board.shows("Not enough data to judge value, safety, speed"), "\(board.text)")
        let week = ISOWeek(containing: board.now)
        board.world.figureGroups[RouteWeek(route: .cab, week: week)] = PanelFixture.counts((2, 1, 1, 0), latencyHours: [1, 3, 5], submitted: 4)
        board.reload()
        #expect(board.effects.last == .loadFigures(Period(lastDays: 30, endingAt: board.now)))
        #expect(board.state.panel.figures?.board.reviewed == 4)
        #expect(board.screen.first { $0.hasPrefix(" Pass-through") }?.contains("50.0%") == true, "\(board.text)")
    }

    @Test func escGoesBackToTheAgenda() {
        var board = BoardDriver()
        board.press("p")
        board.press(.escape)
        #expect(board.state.screens == [.agenda])
        #expect(board.shows("start meeting"), "\(board.text)")
    }

    @Test func thePanelAndTheMinutesReplaceEachOther() {
        var board = BoardDriver()
        board.press("pmpm")
        #expect(board.state.screens == [.agenda, .minutes])
        board.press(.escape)
        #expect(board.state.screens == [.agenda])
    }

    @Test func cabPanelOpensOnItsOwnPeriod() throws {
        let fixed = try Period(since: BoardFixture.at("00:00:00").adding(days: -14), until: BoardFixture.at("00:00:00"))
        var state = AppState(role: .reader, chair: BoardFixture.chair, day: BoardFixture.day, now: BoardFixture.now, panelPeriod: .fixed(fixed))
        #expect(state.screens == [.panel])
        #expect(update(&state, .loaded(BoardFixture.inMeeting)) == [.loadFigures(fixed)])
        #expect(PanelView.title(state.panel.period, shown: fixed, glyphs: Glyphs(unicode: true)) == "Effectiveness · 2026-11-13 → 2026-11-27")
        #expect(update(&state, .key(.character("3"))) == [.loadFigures(Period(lastDays: 90, endingAt: BoardFixture.now))])
    }

    @Test func aRubberStampIsFlagged() {
        let board = PanelFixture.panel(PanelFixture.rubberStamp, width: 80, height: 24)
        let screen = render(board, width: 80, height: 24)
        let row = screen.lines.firstIndex { $0.contains("Pass-through") }
        #expect(row.map { screen.lines[$0].contains("96.0%") && screen.lines[$0].contains("rubber stamp: over 95.0%") } == true, "\(screen.lines)")
        #expect(screen.lines.contains { $0.contains("Theater: value failing (pass-through 96.0%) · safety failing (incidents 5.0%") })
    }

    @Test func theSparklinesSayWhichWeeksTheyShowAndHowTheyAreScaled() {
        let lines = render(PanelFixture.panel(PanelFixture.healthy, width: 80, height: 24), width: 80, height: 24).lines
        let row = lines.firstIndex { $0.contains(" Pass-through") }
        #expect(row.map { lines[$0 - 1].contains("2026-W44 → 2026-W48 by week, each scaled low to high") } == true, "\(lines)")
    }

    @Test func theHelpOverThePanelSaysWhatEachFigureCountsAndHowItIsJudged() {
        var board = PanelFixture.panel(PanelFixture.healthy, width: 120, height: 40)
        _ = update(&board, .key(.character("?")))
        let lines = render(board, width: 120, height: 40).lines
        #expect(lines.contains { $0.contains("Reviewed      changes whose first board decision is in the period") }, "\(lines)")
        #expect(lines.contains { $0.contains("so reviewed and approved count different changes") })
        #expect(lines.contains { $0.contains("value   pass-through: warning over 90.0%, failing over 95.0%") })
        #expect(lines.contains { $0.contains("speed   mean approval: warning over 4 h, failing over 8 h") })
        #expect(lines.contains { $0.contains("Sparklines    one mark per ISO week") })
    }

    @Test func anEmptyPeriodShowsDashesNotZeros() {
        let lines = render(PanelFixture.panel(PanelFixture.empty, width: 80, height: 24), width: 80, height: 24).lines
        for label in ["Pass-through", "Incidents", "CAB share", "Mean approval"] {
            let line = lines.first { $0.hasPrefix(" " + label) } ?? ""
            #expect(line.dropFirst(" Mean approval ".count).drop { $0 == " " }.prefix(2) == "— ", "\(label): \(line)")
        }
    }

    @Test func mShowsTheMinutesAndScrollsWithinThem() {
        var board = BoardDriver(height: 16)
        board.press("s")
        board.press(" ")
        board.wait(seconds: 100)
        board.press("a")
        board.press("m")
        #expect(board.effects.last == .loadMinutes(day: BoardFixture.day))
        #expect(board.shows("approved by priya.raman at 09:01"), "\(board.text)")
        #expect(board.shows("1:40 / 3:00  approved"), "\(board.text)")
        for _ in 0..<100 { board.press(.down) }
        let bottom = board.state.minutesScroll
        #expect(bottom > 0 && bottom + MinutesView.visibleLines(height: 16) == MinutesView.lines(board.state.minutes!, width: 80, glyphs: Glyphs(unicode: true)).count)
        board.press(.up)
        #expect(board.state.minutesScroll == bottom - 1)
        board.press(.escape)
        #expect(board.state.screen == .agenda)
    }

    @Test func minutesFollowTheMeetingWhileOpen() {
        var board = BoardDriver()
        board.press("m")
        #expect(board.shows("No meeting was opened on 2026-11-27"), "\(board.text)")
        board.elsewhere(.setAttendance(day: BoardFixture.day, name: "ana.ribeiro", role: .chair, present: true,
                                       opening: Meeting(date: BoardFixture.day, chair: "ana.ribeiro")))
        #expect(board.shows("chair ana.ribeiro"), "\(board.text)")
    }
}
