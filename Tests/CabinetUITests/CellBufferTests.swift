import CabinetModel
@testable import TerminalKit
import Testing
@testable import CabinetUI

@Suite struct CellBufferTests {
    @Test func writesTextWithStyle() {
        var buffer = CellBuffer(width: 10, height: 2)
        let end = buffer.write("hello", x: 2, y: 1, role: .title, attributes: .bold)
        #expect(end == 7)
        #expect(buffer.lines == ["          ", "  hello   "])
        #expect(buffer[2, 1] == Cell(text: "h", width: 1, role: .title, attributes: .bold))
        #expect(buffer[1, 1] == .blank)
    }

    @Test func clipsAtEveryEdge() {
        var buffer = CellBuffer(width: 5, height: 1)
        #expect(buffer.write("abcdefgh", x: 2, y: 0) == 5)
        #expect(buffer.lines == ["  abc"])
        buffer.write("xyz", x: -2, y: 0)
        #expect(buffer.lines == ["z abc"])
        buffer.write("outside", x: 0, y: 1)
        buffer.write("outside", x: 0, y: -1)
        #expect(buffer.lines == ["z abc"])
    }

    @Test func clipsToMaxWidth() {
        var buffer = CellBuffer(width: 10, height: 1)
        #expect(buffer.write("abcdef", x: 1, y: 0, maxWidth: 3) == 4)
        #expect(buffer.lines == [" abc      "])
    }

    @Test func wideCharactersTakeTwoColumns() {
        var buffer = CellBuffer(width: 6, height: 1)
        #expect(buffer.write("日本x", x: 0, y: 0) == 5)
        #expect(buffer[0, 0].width == 2)
        #expect(buffer[1, 0].isContinuation)
        #expect(buffer[2, 0].text == "本")
        #expect(buffer[4, 0].text == "x")
        #expect(buffer.lines == ["日本x "])
    }

    @Test func wideCharacterStraddlingTheRightEdgeBecomesASpace() {
        var buffer = CellBuffer(width: 5, height: 1)
        #expect(buffer.write("ab日本", x: 0, y: 0) == 5)
        #expect(buffer.lines == ["ab日 "])
        #expect(buffer[4, 0] == .space(role: .normal))
    }

    @Test func wideCharacterStraddlingMaxWidthBecomesASpace() {
        var buffer = CellBuffer(width: 8, height: 1)
        buffer.write("a😀", x: 0, y: 0, maxWidth: 2)
        #expect(buffer.lines == ["a       "])
        #expect(buffer[2, 0] == .blank)
    }

    @Test func wideCharacterStraddlingTheLeftEdgeLeavesASpace() {
        var buffer = CellBuffer(width: 4, height: 1, fill: Cell(text: ".", width: 1))
        buffer.write("日a", x: -1, y: 0)
        #expect(buffer.lines == [" a.."])
    }

    @Test func overwritingHalfAWideCharacterClearsTheOtherHalf() {
        var buffer = CellBuffer(width: 6, height: 1)
        buffer.write("日本", x: 0, y: 0)
        buffer.write("x", x: 1, y: 0)
        #expect(buffer.lines == [" x本  "])
        buffer.write("y", x: 2, y: 0)
        #expect(buffer.lines == [" xy   "])
        #expect(buffer.cells.allSatisfy { !$0.isContinuation })
    }

    @Test func combiningMarksStayWithTheirBase() {
        var buffer = CellBuffer(width: 4, height: 1)
        #expect(buffer.write("e\u{301}x", x: 0, y: 0) == 2)
        #expect(buffer[0, 0].text == "e\u{301}")
        #expect(buffer[1, 0].text == "x")
    }

    @Test func controlCharactersAreWrittenInert() {
        var buffer = CellBuffer(width: 8, height: 1)
        buffer.write("\u{1B}[2J", x: 0, y: 0)
        #expect(buffer.lines == ["␛[2J    "])
        #expect(buffer.cells.allSatisfy { InertText.isInert($0.text) })
    }

    @Test func fillClipsToTheGrid() {
        var buffer = CellBuffer(width: 3, height: 2)
        buffer.fill(x: -1, y: 1, width: 3, height: 5, role: .selection)
        #expect(buffer[0, 1].role == .selection)
        #expect(buffer[1, 1].role == .selection)
        #expect(buffer[2, 1].role == .normal)
        #expect(buffer[0, 0].role == .normal)
    }

    @Test func negativeSizesMakeAnEmptyBuffer() {
        var buffer = CellBuffer(width: -3, height: 2)
        buffer.write("x", x: 0, y: 0)
        #expect(buffer.cells.isEmpty)
        #expect(buffer.lines == ["", ""])
    }
}
