import CabinetModel
import TerminalKit

/// The effectiveness panel, for an engineering lead with 30 seconds: the verdict with its reasons;
/// pass-through, incidents of approved changes, CAB share and approval latency, each with its
/// weekly sparkline; the routes side by side with the latency histogram; on tall screens the weeks.
/// A figure without data reads "—", never 0.
enum PanelView {
    /// Columns the latency bars keep beside the routes; the routes give up columns for them.
    static let histogramWidth = 24

    /// One of the four figures: label, value, weekly sparkline and what it means.
    private struct Figure {
        var label: String
        var value: TextRun
        var weekly: [Double?]
        var detail: [TextRun]
    }

    static func draw(_ state: AppState, into buffer: inout CellBuffer, glyphs: Glyphs) {
        let body = BoardLayout.body(height: buffer.height)
        let width = buffer.width - 2
        let shown = state.panel.figures?.period ?? state.panel.period.period(at: state.now)
        let followUpsWidth = drawFollowUps(state.panel.figures?.followUps ?? FollowUps(), y: body.lowerBound, into: &buffer)
        buffer.write(title(state.panel.period, shown: shown, glyphs: glyphs), x: 1, y: body.lowerBound, role: .title,
                     fitting: followUpsWidth == 0 ? width : width - followUpsWidth - 2, marker: glyphs.more)
        guard let figures = state.panel.figures else {
            buffer.write("computing the figures\(glyphs.more)", x: 1, y: body.lowerBound + 2, role: .dim, fitting: width, marker: glyphs.more)
            return
        }
        let verdict = figures.verdict
        let top = body.lowerBound + 1
        let layout = PanelLayout(width: buffer.width, top: top, rows: body.upperBound - top,
                                 verdictLines: TextWrap.wrap(verdict.briefLine(separator: glyphs.dot), width: width, marker: glyphs.more).count, weeks: figures.weekly.count)
        drawVerdict(verdict, y: layout.verdictTop, lines: layout.verdictLines, into: &buffer, glyphs: glyphs)
        let rows = self.figures(figures, verdict: verdict, glyphs: glyphs)
            + (layout.spreadRow ? [spread(figures.board.latencyHistogram, glyphs: glyphs)] : [])
        let captioned = layout.figuresTop > layout.verdictTop + layout.verdictLines
        drawFigures(rows, y: layout.figuresTop, weeks: captioned ? figures.weekly.map(\.week) : [], into: &buffer, glyphs: glyphs,
                    unicode: state.unicode)
        let routes = routeTable(figures, glyphs: glyphs)
        if layout.barsBeside {
            let routesWidth = routes.usedWidth(fitting: width - Self.histogramWidth - 3)
            routes.draw(x: 1, y: layout.routesTop, width: routesWidth, height: PanelLayout.routeRows, into: &buffer, glyphs: glyphs)
            let x = 1 + routesWidth + 3
            drawHistogram(figures.board, x: x, y: layout.routesTop, width: buffer.width - 1 - x, into: &buffer, glyphs: glyphs,
                          unicode: state.unicode)
        } else {
            routes.draw(x: 1, y: layout.routesTop, width: width, height: PanelLayout.routeRows, into: &buffer, glyphs: glyphs)
        }
        if layout.weekRows > 0 {
            let weeks = weekTable(figures, last: layout.weekRows - 1, glyphs: glyphs)
            weeks.draw(x: 1, y: layout.weeksTop, width: width, height: layout.weekRows, into: &buffer, glyphs: glyphs)
        }
    }

    /// "2 reviews open, 1 lesson open" at the right of the title row when any is open (the title
    /// gives way); returns the columns taken, 0 when nothing is open or the row is too narrow.
    private static func drawFollowUps(_ followUps: FollowUps, y: Int, into buffer: inout CellBuffer) -> Int {
        let text = followUps.line
        let textWidth = TextWidth.width(of: text)
        guard followUps != FollowUps(), buffer.width - 2 - textWidth >= minimumTitleWidth else { return 0 }
        buffer.writeRight(text, right: buffer.width - 1, y: y, role: .warn)
        return textWidth
    }

    /// The title keeps at least "Effectiveness · last 30 days" beside the open reviews and lessons.
    private static let minimumTitleWidth = 32

    /// "Effectiveness · last 30 days · 2026-10-28 → 2026-11-27".
    static func title(_ choice: PanelPeriod, shown: Period, glyphs: Glyphs) -> String {
        let dates = "\(shown.since.day) \(glyphs.arrow) \(shown.until.day)"
        switch choice {
        case .lastDays(let days): return "Effectiveness \(glyphs.dot) last \(days) days \(glyphs.dot) \(dates)"
        case .fixed: return "Effectiveness \(glyphs.dot) \(dates)"
        }
    }

    /// The verdict's headline and each axis in brief, wrapped; the headline in the colour of what it means.
    private static func drawVerdict(_ verdict: Verdict, y: Int, lines: Int, into buffer: inout CellBuffer, glyphs: Glyphs) {
        let wrapped = TextWrap.wrap(verdict.briefLine(separator: glyphs.dot), width: buffer.width - 2, maxLines: lines, marker: glyphs.more)
        for (offset, line) in wrapped.enumerated() {
            buffer.write(line, x: 1, y: y + offset, role: .normal, maxWidth: buffer.width - 2)
        }
        let role: StyleRole = switch verdict.kind {
        case .theater, .bottleneck, .notCatchingRisks, .rubberStamp: .bad
        case .healthy: .good
        case .insufficientData: .dim
        }
        if let kind = wrapped.first?.split(separator: ":", maxSplits: 1).first {
            buffer.write(String(kind) + ":", x: 1, y: y, role: role, maxWidth: buffer.width - 2)
        }
    }

    private static func figures(_ figures: Figures, verdict: Verdict, glyphs: Glyphs) -> [Figure] {
        let board = figures.board
        let weekly = figures.weekly.map(\.figures)
        let axes = verdict.axes
        let status = { (name: VerdictAxis.Name) in role(axes.first { $0.name == name }?.status ?? .tooFew) }

        let passRole = status(.value)
        let passDetail: [TextRun] = switch board.passThroughRate {
        case nil: [TextRun("no board decisions in the period", .dim)]
        case let rate? where rate > Verdict.rubberStampRate:
            [TextRun("rubber stamp: over \(percent(Verdict.rubberStampRate, glyphs)), approves without changing anything", .bad),
             TextRun(" \(glyphs.dot) \(board.reviewed) reviewed", .dim)]
        default:
            [TextRun("\(percent(board.modifiedRate, glyphs)) modified \(glyphs.dot) \(percent(board.rejectedRate, glyphs)) rejected \(glyphs.dot) "
                + "\(percent(board.deferredRate, glyphs)) deferred \(glyphs.dot) \(board.reviewed) reviewed", .dim)]
        }

        let trend = axes.first { $0.name == .safety }?.trend ?? .flat
        let trendRole: StyleRole = board.incidentCount == 0 ? .good : trend == .up ? .bad : trend == .down ? .good : .warn
        let arrow = switch trend {
        case .up: glyphs.rising
        case .flat: glyphs.arrow
        case .down: glyphs.falling
        }
        let approved = board.approved > 0
        let incidentDetail: [TextRun] = approved
            ? [TextRun("\(percent(board.incidentRate, glyphs)) of \(board.approved) approved \(glyphs.dot) ", .dim),
               TextRun("trend \(arrow) \(trend.rawValue)", trendRole)]
            : [TextRun("no approved changes in the period", .dim)]

        let shareRole: StyleRole = figures.cabShare.map { $0 > Verdict.cabShareGoal ? .warn : .good } ?? .dim
        let latency = board.approvalLatency
        let target = Int(Verdict.latencyTargetHours)
        let latencyDetail: [TextRun] = approved
            ? [TextRun("median \(hours(latency.medianHours, glyphs)) \(glyphs.dot) p90 \(hours(latency.p90Hours, glyphs)) \(glyphs.dot) "
                + "\(percent(latency.under4hShare, glyphs)) within \(target) h", .dim)]
            : [TextRun("no approvals in the period", .dim)]

        return [
            Figure(label: "Pass-through", value: TextRun(percent(board.passThroughRate, glyphs), passRole),
                   weekly: weekly.map(\.passThroughRate), detail: passDetail),
            Figure(label: "Incidents", value: TextRun(approved ? "\(board.incidentCount)" : glyphs.dash, approved ? status(.safety) : .dim),
                   weekly: weekly.map { $0.approved == 0 ? nil : $0.incidentRate }, detail: incidentDetail),
            Figure(label: "CAB share", value: TextRun(percent(figures.cabShare, glyphs), shareRole), weekly: figures.weekly.map(\.cabShare),
                   detail: [TextRun("of \(figures.submitted) changes \(glyphs.dot) goal under \(percent(Verdict.cabShareGoal, glyphs))", .dim)]),
            Figure(label: "Mean approval", value: TextRun(hours(latency.meanHours, glyphs), status(.speed)),
                   weekly: weekly.map(\.approvalLatency.meanHours), detail: latencyDetail),
        ]
    }

    /// The latency histogram as one sparkline row, for screens without room for its bars.
    private static func spread(_ histogram: LatencyHistogram, glyphs: Glyphs) -> Figure {
        let labels = bucketLabels(glyphs: glyphs)
        let empty = histogram.counts.allSatisfy { $0 == 0 }
        return Figure(label: "Latency spread", value: TextRun("", .normal), weekly: histogram.counts.map { empty ? nil : Double($0) },
                      detail: [TextRun("\(labels.first ?? "") to \(labels.last ?? "")", .dim)])
    }

    /// Label, value, sparkline and detail in aligned columns; the sparkline keeps its last weeks when long.
    /// Given `weeks`, the row above says which weeks the sparklines show and how they are scaled.
    private static func drawFigures(_ rows: [Figure], y: Int, weeks: [ISOWeek], into buffer: inout CellBuffer, glyphs: Glyphs, unicode: Bool) {
        let labelWidth = rows.map { TextWidth.width(of: $0.label) }.max() ?? 0
        let valueWidth = rows.map { TextWidth.width(of: $0.value.text) }.max() ?? 0
        let sparkWidth = min(rows.map(\.weekly.count).max() ?? 0, max(4, buffer.width / 4))
        let limit = buffer.width - 1
        let shown = weeks.suffix(sparkWidth)
        if let first = shown.first, let last = shown.last {
            let x = 1 + labelWidth + 1 + valueWidth + 2
            buffer.write("\(first.label) \(glyphs.arrow) \(last.label) by week, each scaled low to high", x: x, y: y - 1,
                         role: .dim, fitting: limit - x, marker: glyphs.more)
        }
        for (offset, row) in rows.enumerated() {
            let line = y + offset
            var x = buffer.write(TextWidth.padded(row.label, to: labelWidth) + " ", x: 1, y: line, role: .normal, maxWidth: limit - 1)
            let value = row.value.text
            x = buffer.write(String(repeating: " ", count: valueWidth - TextWidth.width(of: value)) + value, x: x, y: line, role: row.value.role,
                             maxWidth: limit - x)
            let spark = Sparkline.render(Array(row.weekly.suffix(sparkWidth)), unicode: unicode)
            x = buffer.write("  " + TextWidth.padded(spark, to: sparkWidth) + "  ", x: x, y: line, role: .normal, maxWidth: limit - x)
            buffer.write(row.detail, x: x, y: line, limit: limit, marker: glyphs.more)
        }
    }

    /// Pipeline, peer, cab and emergency side by side; the columns that matter most come first.
    private static func routeTable(_ figures: Figures, glyphs: Glyphs) -> PanelTable {
        let rows = figures.byRoute.map { route -> [PanelTable.Entry] in
            let latency = route.figures.approvalLatency
            return [
                PanelTable.Entry(text: route.route.rawValue, role: route.route == .cab ? .title : .normal),
                PanelTable.Entry(text: "\(route.submitted)"),
                PanelTable.Entry(text: percent(route.figures.incidentRate, glyphs)),
                PanelTable.Entry(text: hours(latency.medianHours, glyphs)),
                PanelTable.Entry(text: percent(route.share, glyphs)),
                PanelTable.Entry(text: "\(route.figures.approved)"),
                PanelTable.Entry(text: hours(latency.p90Hours, glyphs)),
                PanelTable.Entry(text: percent(latency.under4hShare, glyphs)),
            ]
        }
        return PanelTable(columns: [
            PanelTable.Column(heading: "route", rightAligned: false), PanelTable.Column(heading: "changes"),
            PanelTable.Column(heading: "incident rate"), PanelTable.Column(heading: "median approval"), PanelTable.Column(heading: "share"),
            PanelTable.Column(heading: "approved"), PanelTable.Column(heading: "p90"), PanelTable.Column(heading: "within 4 h"),
        ], rows: rows)
    }

    /// The board's weeks, the latest at the bottom.
    private static func weekTable(_ figures: Figures, last count: Int, glyphs: Glyphs) -> PanelTable {
        let rows = figures.weekly.suffix(max(0, count)).map { week -> [PanelTable.Entry] in
            let board = week.figures
            let pass = board.passThroughRate
            return [
                PanelTable.Entry(text: week.week.label),
                PanelTable.Entry(text: "\(board.reviewed)"),
                PanelTable.Entry(text: percent(pass, glyphs), role: pass.map { $0 > Verdict.rubberStampRate ? .bad : .normal } ?? .dim),
                PanelTable.Entry(text: board.approved > 0 ? "\(board.incidentCount)" : glyphs.dash, role: board.approved > 0 ? .normal : .dim),
                PanelTable.Entry(text: hours(board.approvalLatency.medianHours, glyphs)),
                PanelTable.Entry(text: percent(week.cabShare, glyphs)),
                PanelTable.Entry(text: "\(week.submitted)"),
            ]
        }
        return PanelTable(columns: [
            PanelTable.Column(heading: "week", rightAligned: false), PanelTable.Column(heading: "reviewed"),
            PanelTable.Column(heading: "pass-through"), PanelTable.Column(heading: "incidents"), PanelTable.Column(heading: "median approval"),
            PanelTable.Column(heading: "CAB share"), PanelTable.Column(heading: "changes"),
        ], rows: rows)
    }

    /// The board's latency histogram: a bar per bucket, green within the 4-hour target.
    private static func drawHistogram(_ board: ReviewFigures, x: Int, y: Int, width: Int, into buffer: inout CellBuffer, glyphs: Glyphs,
                                      unicode: Bool) {
        buffer.write("approval latency (cab)", x: x, y: y, role: .dim, fitting: width, marker: glyphs.more)
        let counts = board.latencyHistogram.counts
        guard board.approved > 0 else {
            buffer.write("no approvals in the period", x: x, y: y + 1, role: .dim, fitting: width, marker: glyphs.more)
            return
        }
        let labels = bucketLabels(glyphs: glyphs)
        let labelWidth = labels.map { TextWidth.width(of: $0) }.max() ?? 0
        let countWidth = counts.map { "\($0)".count }.max() ?? 0
        let barWidth = max(1, width - labelWidth - countWidth - 2)
        let bars = HistogramBars.bars(counts, width: barWidth, unicode: unicode)
        let target = Verdict.latencyTargetHours
        for (index, count) in counts.enumerated() {
            let row = y + 1 + index
            let within = index < LatencyHistogram.edgesHours.count && LatencyHistogram.edgesHours[index] <= target
            let column = buffer.write(TextWidth.padded(labels[index], to: labelWidth) + " ", x: x, y: row, role: .dim, maxWidth: width)
            buffer.write(bars[index], x: column, y: row, role: within ? .good : .warn, maxWidth: barWidth)
            buffer.writeRight("\(count)", right: x + width, y: row, role: .normal)
        }
    }

    /// The colour of an axis's status: a figure the verdict judged reads in the verdict's colour.
    private static func role(_ status: VerdictAxis.Status) -> StyleRole {
        switch status {
        case .ok: .good
        case .warning: .warn
        case .failing: .bad
        case .tooFew: .dim
        }
    }

    /// A share as `FigureText` writes it, or the dash when there is none.
    private static func percent(_ share: Double?, _ glyphs: Glyphs) -> String { share.map { FigureText.percent($0) } ?? glyphs.dash }

    /// Hours as `FigureText` writes them, or the dash when there are none.
    private static func hours(_ hours: Double?, _ glyphs: Glyphs) -> String { hours.map { FigureText.hours($0) } ?? glyphs.dash }

    /// `≤1h` … `>48h`, with `<=` when the terminal has no UTF-8.
    private static func bucketLabels(glyphs: Glyphs) -> [String] {
        LatencyHistogram.labels.map { $0.replacing("≤", with: glyphs.atMost) }
    }
}
