import Foundation
import Testing
@testable import TerminalKit
@testable import CabinetUI

/// Whole-screen snapshots kept under `Tests/CabinetUITests/__Snapshots__/NAME.txt`: the text as
/// drawn, then one letter per cell naming its style role. `RECORD_SNAPSHOTS=1` rewrites them;
/// a missing snapshot is recorded and the test fails so it gets reviewed.
enum Snapshot {
    static let directory = Fixtures.repositoryRoot.appendingPathComponent("Tests/CabinetUITests/__Snapshots__")

    static let roleLetters: [StyleRole: Character] = [
        .normal: ".", .border: "b", .title: "T", .header: "H", .footer: "F", .selection: "S", .dim: "d",
        .ready: "r", .notReady: "n", .good: "g", .warn: "w", .bad: "B",
        .timerCalm: "1", .timerWarn: "2", .timerUrgent: "3", .timerOverrun: "4",
        .late: "L", .help: "h", .error: "E", .key: "K", .input: "I",
    ]

    /// The snapshot text of a buffer.
    static func text(of buffer: CellBuffer) -> String {
        let roles = (0..<buffer.height).map { y in
            String((0..<buffer.width).map { x in roleLetters[buffer[x, y].role] ?? "?" })
        }
        let legend = roleLetters.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.value)=\($0.key.rawValue)" }.joined(separator: " ")
        return (["size \(buffer.width)x\(buffer.height)"] + buffer.lines.map { "|\($0)|" } + ["roles: \(legend)"] + roles.map { "|\($0)|" })
            .joined(separator: "\n") + "\n"
    }

    static func assertMatches(_ buffer: CellBuffer, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(name + ".txt")
        let actual = text(of: buffer)
        let record = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
        guard !record, let expected = try? String(contentsOf: url, encoding: .utf8) else {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            if !record { Issue.record("recorded the new snapshot \(name).txt: review it", sourceLocation: sourceLocation) }
            return
        }
        if expected != actual {
            let mismatch = zip(expected.split(separator: "\n", omittingEmptySubsequences: false), actual.split(separator: "\n", omittingEmptySubsequences: false))
                .enumerated().first { $0.element.0 != $0.element.1 }
            let detail = mismatch.map { "line \($0.offset + 1):\n  expected \($0.element.0)\n  actual   \($0.element.1)" } ?? "different length"
            Issue.record("snapshot \(name) differs (RECORD_SNAPSHOTS=1 re-records):\n\(detail)\n\(actual)", sourceLocation: sourceLocation)
        }
    }
}
