import CabinetModel
import TerminalKit
/// Where the effectiveness panel draws each part below its title row. The verdict, the four
/// figures and the routes always show; the rows left over go, in order, to the latency bars
/// beside the routes (wide screens) or a one-row latency spread, more lines of the verdict,
/// a blank row after the verdict and after the figures, and the latest weeks (their heading and
/// at least two).
struct PanelLayout {
    static let figureRows = 4
    /// The routes' heading and one row per route.
    static let routeRows = 5
    /// The histogram's heading and one row per bucket.
    static let histogramRows = 8
    /// From this width the latency bars stand beside the routes.
    static let besideWidth = 80

    let verdictTop: Int
    let verdictLines: Int
    let figuresTop: Int
    /// True when the latency spread takes one row under the figures instead of bars.
    let spreadRow: Bool
    let routesTop: Int
    /// True when the latency bars stand beside the routes.
    let barsBeside: Bool
    let weeksTop: Int
    /// The weeks' heading and rows; 0 when they do not fit.
    let weekRows: Int

    /// - Parameters:
    ///   - rows: the rows from `top` to the status line.
    ///   - verdictLines: the lines the verdict takes wrapped to the width.
    ///   - weeks: the weeks of the period.
    init(width: Int, top: Int, rows: Int, verdictLines needed: Int, weeks: Int) {
        var free = max(0, rows - Self.figureRows - Self.routeRows - 1)
        barsBeside = width >= Self.besideWidth && free >= Self.histogramRows - Self.routeRows
        if barsBeside { free -= Self.histogramRows - Self.routeRows }
        spreadRow = !barsBeside && free >= 1
        if spreadRow { free -= 1 }
        let extraVerdict = max(0, min(free, needed - 1))
        free -= extraVerdict
        let gaps = min(2, free)
        free -= gaps
        let weekGap = free >= 4 ? 1 : 0
        weekRows = free >= 3 && weeks > 0 ? min(free - weekGap, weeks + 1) : 0
        verdictTop = top
        verdictLines = 1 + extraVerdict
        figuresTop = verdictTop + verdictLines + (gaps >= 1 ? 1 : 0)
        routesTop = figuresTop + Self.figureRows + (spreadRow ? 1 : 0) + (gaps >= 2 ? 1 : 0)
        weeksTop = routesTop + (barsBeside ? Self.histogramRows : Self.routeRows) + weekGap
    }
}
