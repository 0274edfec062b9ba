import Testing
@testable import TerminalKit
@testable import CabinetUI

/// Sparklines and histogram bars against values worked out by hand.
@Suite struct ChartTests {
    @Test func sparklineSpreadsFromTheSmallestToTheLargestValue() {
        // 0 → lowest; 0.5 of the range 0…1 → 3.5 of 7 steps, rounded to 4 (▅); 1 → highest.
        #expect(Sparkline.render([0, 0.5, 1], unicode: true) == "▁▅█")
        // Range 1…4: 2 → 1/3 of 7 = 2.33 → 2 (▃), 3 → 2/3 of 7 = 4.67 → 5 (▆).
        #expect(Sparkline.render([1, 2, 3, 4], unicode: true) == "▁▃▆█")
        // Pass-through near 72%: 0.716 → 0, 0.72 → 0.4/1.9 of 7 = 1.47 → 1 (▂), 0.735 → 7.
        #expect(Sparkline.render([0.726, 0.716, 0.72, 0.735], unicode: true) == "▅▁▂█")
    }

    @Test func sparklineLeavesWeeksWithoutDataBlank() {
        #expect(Sparkline.render([nil, 0.2, nil, 0.4], unicode: true) == " ▁ █")
        #expect(Sparkline.render([nil, nil], unicode: true) == "  ")
        #expect(Sparkline.render([], unicode: true) == "")
    }

    @Test func aFlatSeriesIsARowOfMiddleBlocksOrOfLowestWhenZero() {
        #expect(Sparkline.render([0.5, 0.5, nil], unicode: true) == "▄▄ ")
        #expect(Sparkline.render([0, 0, 0], unicode: true) == "▁▁▁")
    }

    @Test func sparklineFallsBackToASCII() {
        #expect(Sparkline.render([0, 0.5, 1, nil], unicode: false) == "_=# ")
        #expect(Sparkline.render([1, 2, 3, 4], unicode: false) == "_:+#")
    }

    @Test func barsFillTheWidthInEighths() {
        // Width 5 = 40 eighths for the largest (4): 2 → 20 eighths = 2 blocks + ▌; 1 → 10 = 1 block + ▎.
        #expect(HistogramBars.bars([4, 2, 1, 0], width: 5, unicode: true) == ["█████", "██▌", "█▎", ""])
    }

    @Test func aSmallCountStillShows() {
        // 1 of 1000 over 10 columns is 0.08 eighths: at least the thinnest bar.
        #expect(HistogramBars.bars([1000, 1], width: 10, unicode: true) == ["██████████", "▏"])
        #expect(HistogramBars.bars([1000, 1], width: 10, unicode: false) == ["##########", "#"])
    }

    @Test func asciiBarsRoundToWholeColumns() {
        // Width 5 against 4: 2 → 2.5 → 3 columns, 1 → 1.25 → 1.
        #expect(HistogramBars.bars([4, 2, 1], width: 5, unicode: false) == ["#####", "###", "#"])
    }

    @Test func nothingToDrawDrawsNothing() {
        #expect(HistogramBars.bars([0, 0], width: 5, unicode: true) == ["", ""])
        #expect(HistogramBars.bars([3], width: 0, unicode: true) == [""])
        #expect(HistogramBars.bars([], width: 5, unicode: true) == [])
    }
}
