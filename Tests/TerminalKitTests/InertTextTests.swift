import Testing
@testable import TerminalKit

@Suite struct InertTextTests {
    @Test func escapeSequencesBecomeVisible() {
        #expect(InertText.sanitize("\u{1B}[2J") == "␛[2J")
        #expect(InertText.sanitize("\u{1B}]0;pwned\u{7}") == "␛]0;pwned␇")
    }

    @Test func bellAndDeleteBecomePlaceholders() {
        #expect(InertText.sanitize("a\u{7}b") == "a␇b")
        #expect(InertText.sanitize("x\u{7F}") == "x␡")
        #expect(InertText.sanitize("\u{0}") == "␀")
    }

    @Test func c1ControlsBecomeTheirSevenBitForm() {
        #expect(InertText.sanitize("\u{9B}31m") == "␛[31m")
        #expect(InertText.sanitize("\u{85}") == "␛E")
    }

    @Test func tabsBecomeSpacesToTheNextStop() {
        #expect(InertText.sanitize("a\tb") == "a   b")
        #expect(InertText.sanitize("\tx", tabWidth: 2) == "  x")
        #expect(InertText.sanitize("abcd\te") == "abcd    e")
    }

    @Test func newlinesAndBidiOverridesAreNeutralised() {
        #expect(InertText.sanitize("a\nb\r") == "a␊b␍")
        #expect(InertText.sanitize("a\u{2028}b") == "a␤b")
        #expect(InertText.sanitize("\u{202E}evil\u{202C}") == "\u{FFFD}evil\u{FFFD}")
    }

    @Test func printableTextIsUnchanged() {
        let text = "CHG-1042: migrate 日本 orders 👍🏽 e\u{301}"
        #expect(InertText.sanitize(text) == text)
        #expect(InertText.isInert(text))
    }

    @Test func noControlScalarSurvives() {
        let everything = String(String.UnicodeScalarView((0...0x9F).compactMap(Unicode.Scalar.init)))
        let clean = InertText.sanitize(everything)
        #expect(InertText.isInert(clean))
        for scalar in clean.unicodeScalars {
            #expect(scalar.value >= 0x20 && scalar.value != 0x7F && !(0x80...0x9F).contains(scalar.value))
        }
        for byte in clean.utf8 {
            #expect(byte >= 0x20 && byte != 0x7F)
        }
    }
}
