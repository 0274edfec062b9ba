import Testing
@testable import TerminalKit
@testable import CabinetUI

@Suite struct BufferDiffTests {
    @Test func identicalBuffersHaveNoRuns() {
        var buffer = CellBuffer(width: 5, height: 2)
        buffer.write("abc", x: 0, y: 0)
        #expect(CellBuffer.diff(from: buffer, to: buffer).isEmpty)
    }

    @Test func changedCellsFormRuns() {
        let old = CellBuffer(width: 8, height: 2)
        var new = old
        new.write("ab", x: 1, y: 0)
        new.write("z", x: 5, y: 0)
        new.write("q", x: 7, y: 1)
        let runs = CellBuffer.diff(from: old, to: new)
        #expect(runs.map(\.x) == [1, 5, 7])
        #expect(runs.map(\.y) == [0, 0, 1])
        #expect(runs.map { $0.cells.map(\.text).joined() } == ["ab", "z", "q"])
    }

    @Test func styleChangesCount() {
        var old = CellBuffer(width: 4, height: 1)
        old.write("ab", x: 0, y: 0)
        var new = CellBuffer(width: 4, height: 1)
        new.write("ab", x: 0, y: 0, role: .selection)
        #expect(CellBuffer.diff(from: old, to: new) == [CellRun(x: 0, y: 0, cells: [new[0, 0], new[1, 0]])])
    }

    @Test func wideCharactersKeepTheirContinuation() {
        var old = CellBuffer(width: 6, height: 1)
        old.write("ab", x: 2, y: 0)
        var new = CellBuffer(width: 6, height: 1)
        new.write("日", x: 2, y: 0)
        let runs = CellBuffer.diff(from: old, to: new)
        #expect(runs.count == 1)
        #expect(runs[0].x == 2)
        #expect(runs[0].cells.map(\.width) == [2, 0])
    }

    @Test func runNeverStartsOnAContinuation() {
        var old = CellBuffer(width: 4, height: 1)
        old.write("日", x: 0, y: 0, role: .normal)
        var new = old
        new.write("日", x: 0, y: 0, role: .title)
        for run in CellBuffer.diff(from: old, to: new) {
            #expect(run.cells.first?.isContinuation == false)
        }
    }

    @Test func resizedBufferRepaintsEveryRow() {
        let old = CellBuffer(width: 4, height: 2)
        var new = CellBuffer(width: 5, height: 3)
        new.write("x", x: 0, y: 2)
        let runs = CellBuffer.diff(from: old, to: new)
        #expect(runs.count == 3)
        #expect(runs.allSatisfy { $0.x == 0 && $0.cells.count == 5 })
    }

    @Test func applyingTheRunsReproducesTheNewBuffer() {
        var old = CellBuffer(width: 12, height: 3)
        old.write("queue: 日本 ok", x: 0, y: 0)
        old.write("timer 03:00", x: 1, y: 2, role: .timerCalm)
        var new = CellBuffer(width: 12, height: 3)
        new.write("queue: x日本", x: 0, y: 0)
        new.write("timer 02:59", x: 1, y: 2, role: .timerWarn)
        var painted = old
        for run in CellBuffer.diff(from: old, to: new) {
            for (offset, cell) in run.cells.enumerated() where !cell.isContinuation {
                painted.write(cell.text, x: run.x + offset, y: run.y, role: cell.role, attributes: cell.attributes)
            }
        }
        #expect(painted == new)
    }
}
