import CabinetModel
import CabinetStore
import Foundation
import TerminalKit
import Testing
@testable import cab

/// What the command line prints of stored text: tables aligned by display width and drawn inert,
/// Markdown cells that cannot forge rows or columns, CSV cells a spreadsheet keeps as text.
@Suite struct OutputEscapingTests {
    @Test func aTableDrawsControlsInertAndKeepsOneLinePerRow() {
        var table = TextTable(header: ["id", "title", "owner"])
        table.add(["CHG-1", "Rotate\u{1B}]0;pwned\u{7}\nCHG-FAKE approved", "raj"])
        let lines = table.rendered.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 2)
        #expect(lines[1] == "CHG-1  Rotate␛]0;pwned␇␊CHG-FAKE approved  raj")
        #expect(!table.rendered.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    }

    @Test func aTablePadsWideCharactersByTheColumnsTheyTake() {
        var table = TextTable(header: ["title", "owner"])
        table.add(["数据库迁移", "raj"])
        table.add(["short", "ines"])
        let lines = table.rendered.split(separator: "\n").map(String.init)
        #expect(lines == ["title       owner", "数据库迁移  raj", "short       ines"])
    }

    @Test func truncatingCountsColumnsNotCharacters() {
        #expect("数据库迁移计划".truncated(to: 7) == "数据库…")
        #expect(TextWidth.width(of: "数据库迁移计划".truncated(to: 7)) <= 7)
        #expect("a\u{1B}[2Jb".truncated(to: 10) == "a␛[2Jb")
    }

    @Test func aMarkdownCellCannotOpenARowOrAColumn() {
        #expect(MarkdownText.escaped("ok\n| 2 | CHG-FAKE | approved by CTO |") == "ok␊\\| 2 \\| CHG-FAKE \\| approved by CTO \\|")
        #expect(MarkdownText.escaped("a\\|b") == "a\\\\\\|b")
        #expect(MarkdownText.escaped("**bold** [link](x) <script>") == "\\*\\*bold\\*\\* \\[link\\](x) \\<script\\>")
        #expect(MarkdownText.row(["a", ""]) == "| a | |")
        #expect(MarkdownText.row(["1", "x|y", "\u{1B}[2J"]) == "| 1 | x\\|y | ␛\\[2J |")
    }

    @Test(arguments: [
        ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
        ("+1", "'+1"), ("-1", "'-1"), ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'   x"), ("\r\nx", "'␍␊x"),
        ("plain", "plain"), ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""),
        ("=1,\"2\"", "\"'=1,\"\"2\"\"\""), ("a\u{1B}[2J", "a␛[2J"),
    ])
    func aCSVCellIsNeutralisedAndQuoted(text: String, cell: String) {
        #expect(CSVText.cell(text) == cell)
    }

    @Test func aCSVRowJoinsItsCells() {
        #expect(CSVText.row(["2026-W48", "=HYPERLINK(\"x\")", "3"]) == "2026-W48,\"'=HYPERLINK(\"\"x\"\")\",3")
    }
}

@Suite struct JSONControlTests {
    @Test func jsonEscapesWhatATerminalWouldActOnAndReadsBackTheSame() throws {
        let json = try JSONOutput.serialize(["title": "a\u{9B}2J\u{202E}b\u{7F}\u{1B}c"])
        #expect(json.contains(#""a\u009b2J\u202eb\u007f\u001bc""#) || json.contains(#""a\u009b2J\u202eb\u007f\u001Bc""#))
        #expect(json.unicodeScalars.allSatisfy { $0 == "\n" || $0.value >= 0x20 && $0.value < 0x7F })
        let data = try #require(json.data(using: .utf8))
        #expect((try JSONSerialization.jsonObject(with: data) as? [String: String])?["title"] == "a\u{9B}2J\u{202E}b\u{7F}\u{1B}c")
    }
}

@Suite struct InertLinesTests {
    @Test func aMessageKeepsItsLinesAndLosesItsControls() {
        #expect(InertText.lines("Error: Unknown option '--x\u{1B}]0;pwned\u{7}'\nUsage: cab\n") == "Error: Unknown option '--x␛]0;pwned␇'\nUsage: cab\n")
    }
}
