import CabinetModel
@testable import TerminalKit
import Foundation
import Testing
@testable import CabinetUI

@Suite struct TextWrapTests {
    @Test func wrapsAtWordBoundaries() {
        #expect(TextWrap.wrap("roll back by redeploying the previous tag", width: 16)
            == ["roll back by", "redeploying the", "previous tag"])
    }

    @Test func keepsLineBreaksAndBlankLines() {
        #expect(TextWrap.wrap("one\n\ntwo\r\nthree\rfour", width: 10) == ["one", "", "two", "three", "four"])
    }

    @Test func breaksLongWordsWithAMarker() {
        let lines = TextWrap.wrap("see https://example.com/a/very/long/path", width: 12)
        #expect(lines == ["see", "https://exa…", "mple.com/a/…", "very/long/p…", "ath"])
        #expect(lines.allSatisfy { TextWidth.width(of: $0) <= 12 })
    }

    @Test func wideCharactersWrapByWidth() {
        let lines = TextWrap.wrap("日本語のテキスト", width: 5)
        #expect(lines.allSatisfy { TextWidth.width(of: $0) <= 5 })
        #expect(lines.map { $0.replacingMarker() }.joined() == "日本語のテキスト")
    }

    @Test func maxLinesEndsInAMarker() {
        let lines = TextWrap.wrap("one two three four five six seven", width: 10, maxLines: 2)
        #expect(lines == ["one two", "three fou…"])
        #expect(TextWrap.wrap("short", width: 10, maxLines: 2) == ["short"])
        #expect(TextWrap.wrap("one two three", width: 5, maxLines: 0) == [])
    }

    // Below two columns there is no room for a character and a marker: progress wins.
    @Test func tinyWidthsStillMakeProgress() {
        #expect(TextWrap.wrap("abc", width: 1) == ["a", "b", "c"])
        #expect(TextWrap.wrap("日x", width: 1) == ["…", "x"])
        #expect(TextWrap.wrap("abc", width: 0) == [])
    }

    @Test func controlCharactersAreInert() {
        let lines = TextWrap.wrap("a\u{1B}[31mred\tb", width: 40)
        #expect(lines == ["a␛[31mred b"])
    }

    @Test(arguments: [4, 7, 10, 13, 20, 33])
    func neverLosesAWordWithoutAMarker(width: Int) {
        let text = "Blast radius: checkout-api, payments-gateway and the 日本 region; rollback in 4 minutes via feature flag supercalifragilisticexpialidocious."
        let lines = TextWrap.wrap(text, width: width)
        #expect(lines.allSatisfy { TextWidth.width(of: $0) <= width })
        let rejoined = lines.map { $0.hasSuffix("…") ? String($0.dropLast()) + "\u{0}" : $0 + " " }.joined()
            .replacingOccurrences(of: "\u{0}", with: "")
        #expect(rejoined.split(separator: " ") == text.split(separator: " "))
    }

    /// A minutes remark: its label, then its text in full under it, line breaks kept, a word wider
    /// than the line broken without a marker (the minutes never cut).
    @Test func aLabelledRemarkWrapsUnderItsTextAndCutsNothing() {
        let lines = TextWrap.labelled("conditions", "1. Owner on call during the window\n2. see https://runbooks.example/payments/failover", width: 30)
        // 30 columns less the 12 of "conditions: " leave 18 for the text.
        #expect(lines == [
            "conditions: 1. Owner on call",
            "            during the window",
            "            2. see",
            "            https://runbooks.e",
            "            xample/payments/fa",
            "            ilover",
        ])
    }
}

private extension String {
    func replacingMarker() -> String { replacingOccurrences(of: "…", with: "") }
}
