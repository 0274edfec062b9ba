import CabinetModel
@testable import TerminalKit
import Testing
@testable import CabinetUI

/// The chair's morning where the board used to mislead: a paste that typed decisions, counts
/// that disagreed, timer colours and messages, fields that did not edit, a queue that did not move.
@Suite struct ChairsMorningTests {
    /// What the chair pasted from the ticket: three conditions on three lines (CR, as terminals send them).
    let pastedConditions = "1. Owner on call\r2. DBA sign-off before contract phase\r3. Notify #payments"

    @Test func pastedConditionsStayTextAndNoneOfItsLettersDecidesAnything() {
        var board = BoardDriver()
        board.press("s")
        board.press("n")
        board.press("c")
        board.paste(pastedConditions)
        #expect(board.shows("Approve CHG-0001041 with conditions"))
        #expect(board.shows("3. Notify #payments"))
        #expect(board.world.decisions.isEmpty)

        board.press(.enter)
        #expect(board.decision("CHG-0001041")?.outcome == .approvedWithConditions)
        #expect(board.decision("CHG-0001041")?.conditions == "1. Owner on call\n2. DBA sign-off before contract phase\n3. Notify #payments")
        #expect(board.world.decisions.count == 1)
        #expect(!board.shows("Reject"))
    }

    @Test func aPasteWithNoFieldOpenIsDroppedWholeNotTakenAsKeys() {
        var board = BoardDriver()
        board.press("s")
        board.press("n")
        board.paste("ray")
        #expect(board.state.dialog == nil)
        #expect(board.world.decisions.isEmpty)
        #expect(board.shows("pasted text goes into a text field only"))

        board.press("r")
        board.paste("Rollback untested\ryes")
        #expect(board.shows("Reject CHG-0001041"))
        #expect(board.world.decisions.isEmpty)
        board.press(.enter)
        #expect(board.shows("Reject CHG-0001041?"))
        board.paste("y")
        #expect(board.world.decisions.isEmpty)
        board.press("y")
        #expect(board.decision("CHG-0001041")?.note == "Rollback untested\nyes")
    }

    @Test func aFilterPastedOnTwoLinesIsOneLine() {
        var board = BoardDriver()
        board.press("/")
        board.paste("Resize\r\nnode")
        #expect(board.state.filter == "Resize node")
        #expect(board.state.rows.count == 1)
    }

    @Test func anItemSkippedWithNStillWaitsAndTheStatusLineSaysSo() {
        var board = BoardDriver(width: 120, height: 40)
        board.press("s")
        board.press("n")
        board.press("n")
        #expect(board.item("CHG-0001041")?.endedAt != nil)
        board.press("a")
        for _ in 0..<3 { board.press("d"); board.press(.enter) }
        board.press("a")
        #expect(board.world.decisions.count == 5)
        #expect(board.shows("1 waiting"))
        #expect(board.shows("1 item still to decide"))
        #expect(!board.shows("every item is decided"))

        board.press(.escape)
        #expect(board.shows("to decide"))
        board.press("e")
        #expect(board.shows("1 item is still undecided."))
    }

    @Test func whenTheLastItemIsDecidedTheStatusLineSaysEveryItemIs() {
        var board = BoardDriver(width: 120, height: 40)
        board.press("s")
        board.press("n")
        board.press("aa")
        for _ in 0..<3 { board.press("d"); board.press(.enter) }
        board.press("a")
        #expect(board.shows("0 waiting"))
        #expect(board.shows("every item is decided: e ends the meeting"))
    }

    @Test func theTimerGoesGreenYellowOrangeRed() {
        let theme = BuiltinThemes.standard
        #expect(theme.style(for: .timerCalm).foreground == TerminalColor(parsing: "#5fd75f"))
        #expect(theme.style(for: .timerWarn).foreground == TerminalColor(parsing: "#ffd700"))
        #expect(theme.style(for: .timerUrgent).foreground == TerminalColor(parsing: "#ff8700"))
        #expect(theme.style(for: .timerOverrun).background == TerminalColor(parsing: "#ff0000"))

        var board = BoardDriver()
        board.press("s")
        board.press("n")
        board.wait(seconds: 99)
        #expect(board.role(of: "1:39 of 3 min used") == .timerWarn)
        board.wait(seconds: 50)
        #expect(board.role(of: "2:29 of 3 min used") == .timerUrgent)
    }

    @Test(arguments: BuiltinThemes.names)
    func inMonoAndNoColorTheFourTimerStagesLookDifferent(theme name: String) {
        let roles: [StyleRole] = [.timerCalm, .timerWarn, .timerUrgent, .timerOverrun]
        let mono = BuiltinThemes.theme(named: name).adapted(to: .monochrome)
        #expect(Set(roles.map { mono.style(for: $0) }).count == 4, "\(name)")
        let distinctColours = Set(roles.map { BuiltinThemes.theme(named: name).style(for: $0) })
        #expect(distinctColours.count == 4, "\(name)")
    }

    @Test func aReadyItemOverTimeIsToBeDecidedNotCalledNotReady() {
        var board = BoardDriver()
        board.press("s")
        board.press("n")
        board.wait(seconds: 181)
        #expect(board.shows("over time: decide or defer"))
        #expect(!board.shows("not ready — defer?"))
        #expect(board.role(of: "over time") == .timerOverrun)
    }

    @Test func theChairEditsTheConditionsBeforeAcceptingThem() {
        var board = BoardDriver()
        board.press("s")
        board.press("n")
        board.press("c")
        board.type("Owner on call")
        board.press(.control("w"))
        board.type("duty")
        #expect(board.shows("Owner on duty"))
        board.press(.home)
        board.type("The ")
        board.press(.end)
        for _ in 0..<4 { board.press(.left) }
        for _ in 0..<3 { board.press(.backspace) }
        board.type("for ")
        board.press(.right)
        board.press(.delete)
        #expect(board.shows("The Owner for d▏ty"))
        board.press(.end)
        board.press(.control("u"))
        board.type("Rollback owner on call")
        board.press(.enter)
        #expect(board.decision("CHG-0001041")?.conditions == "Rollback owner on call")
    }

    @Test func theFilterIsEditedInPlaceAndEscClearsIt() {
        var board = BoardDriver()
        board.press("/")
        board.type("Rsize")
        board.press(.home)
        board.press(.right)
        board.type("e")
        board.press(.enter)
        #expect(board.state.filter == "Resize")
        #expect(board.shows("filter \"Resize\": 1 of 6"))

        board.press(.escape)
        #expect(board.state.filter == "")
        #expect(board.state.rows.count == 6)
        #expect(board.shows("CHG-0001046"))
    }

    @Test func theChairJumpsThroughTheQueue() {
        var board = BoardDriver()
        board.press("G")
        #expect(board.state.selectedRow?.entry.change.id == "CHG-0001046")
        board.press("g")
        #expect(board.state.selectedRow?.entry.change.id == "CHG-0001041")
        board.press(.end)
        #expect(board.state.selectedRow?.entry.change.id == "CHG-0001046")
        board.press(.home)
        #expect(board.state.selectedRow?.entry.change.id == "CHG-0001041")
        board.press(.pageDown)
        #expect(board.state.selectedRow?.entry.change.id == "CHG-0001046")
        board.press(.pageUp)
        #expect(board.state.selectedRow?.entry.change.id == "CHG-0001041")
    }

    @Test func at120ColumnsTwoSimilarTitlesReadApart() {
        var board = BoardDriver(width: 120, height: 40)
        board.world.changes[0].title = "Split address column in Order Service"
        board.world.changes[2].title = "Split address column in Notification Worker"
        board.reload()
        #expect(board.shows("Split address column in Order Service"))
        #expect(board.shows("Split address column in Notification"))
        #expect(board.shows("window"))
    }
}
