import Testing
@testable import TerminalKit

@Suite struct TextWidthTests {
    @Test(arguments: [
        ("a", 1), ("é", 1), ("e\u{301}", 1), ("日", 2), ("한", 2), ("ｱ", 1), ("Ａ", 2),
        ("😀", 2), ("👍🏽", 2), ("👩‍💻", 2), ("🇩🇪", 2), ("❤️", 2), ("❤", 1), ("1️⃣", 2),
        ("\u{200B}", 0), ("\u{1B}", 0), ("…", 1), ("─", 1),
    ])
    func characterWidths(text: String, width: Int) {
        #expect(TextWidth.width(of: text) == width)
    }

    @Test func stringWidthAddsUp() {
        #expect(TextWidth.width(of: "CHG-42 日本語 ok") == 16)
        #expect(TextWidth.width(of: "") == 0)
    }

    @Test func combiningMarksHaveNoWidth() {
        #expect(TextWidth.width(of: Unicode.Scalar(0x301)!) == 0)
        #expect(TextWidth.width(of: Unicode.Scalar(0x20DD)!) == 0)
        #expect(TextWidth.width(of: "a\u{301}\u{302}\u{303}") == 1)
    }

    @Test func truncateMarksTheCut() {
        #expect(TextWidth.truncate("hello world", to: 8) == "hello w…")
        #expect(TextWidth.truncate("hello", to: 5) == "hello")
        #expect(TextWidth.truncate("hello", to: 1) == "…")
        #expect(TextWidth.truncate("hello", to: 0) == "")
    }

    @Test func truncateNeverSplitsAWideCharacter() {
        let cut = TextWidth.truncate("日本語です", to: 6)
        #expect(cut == "日本…")
        #expect(TextWidth.width(of: cut) <= 6)
        #expect(TextWidth.truncate("日本語", to: 4) == "日…")
    }

    @Test func paddedIsExactlyTheWidth() {
        #expect(TextWidth.padded("ab", to: 4) == "ab  ")
        #expect(TextWidth.padded("日本語", to: 5) == "日本…")
        #expect(TextWidth.width(of: TextWidth.padded("日本語", to: 4)) == 4)
    }
}
