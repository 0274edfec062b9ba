import CabinetModel
@testable import TerminalKit
import Testing
@testable import CabinetUI

@Suite struct BigDigitsTests {
    @Test func clockText() {
        #expect(BigDigits.clockText(seconds: 180) == "03:00")
        #expect(BigDigits.clockText(seconds: 7) == "00:07")
        #expect(BigDigits.clockText(seconds: 0) == "00:00")
        #expect(BigDigits.clockText(seconds: -75) == "-1:15")
        #expect(BigDigits.clockText(seconds: -5) == "-0:05")
        #expect(BigDigits.clockText(seconds: 6000) == "100:00")
    }

    @Test func smallBlockDigits() {
        #expect(BigDigits.render("03:00", size: .small) == [
            "█▀█ ▀▀█ ▄ █▀█ █▀█",
            "█ █ ▀▀█ ▄ █ █ █ █",
            "▀▀▀ ▀▀▀   ▀▀▀ ▀▀▀",
        ])
    }

    @Test func largeBlockDigits() {
        #expect(BigDigits.render("-1:5", size: .large) == [
            "    ██    ███",
            "     █  █ █  ",
            "███  █    ███",
            "     █  █   █",
            "    ███   ███",
        ])
    }

    @Test func asciiFallback() {
        #expect(BigDigits.render("12:90", size: .small, unicode: false) == [
            "     _     _   _ ",
            "  |  _| . |_| | |",
            "  | |_  .  _| |_|",
        ])
        let large = BigDigits.render("8", size: .large, unicode: false)
        #expect(large == ["###", "# #", "###", "# #", "###"])
        for line in large + BigDigits.render("-4:56", size: .small, unicode: false) {
            #expect(line.unicodeScalars.allSatisfy { $0.isASCII })
        }
    }

    @Test func widthMatchesRenderedLines() {
        for text in ["03:00", "-1:15", "100:00", "", "x"] {
            for size in [BigDigits.Size.small, .large] {
                for unicode in [true, false] {
                    let lines = BigDigits.render(text, size: size, unicode: unicode)
                    #expect(lines.count == size.rows)
                    #expect(lines.allSatisfy { TextWidth.width(of: $0) == BigDigits.width(of: text, size: size) }, "\(text) \(size) \(unicode)")
                }
            }
        }
    }
}
