import CabinetModel
import TerminalKit

extension AppState {
    /// p: the effectiveness panel, with its figures computed afresh.
    mutating func showPanel() -> [Effect] {
        show(.panel)
        return [requestFigures()]
    }

    /// m: the minutes of the day's meeting, read afresh.
    mutating func showMinutes() -> [Effect] {
        show(.minutes)
        minutesScroll = 0
        return [.loadMinutes(day: day)]
    }

    /// 1/2/3: the last `days` days; the figures of the previous period are dropped.
    mutating func choosePeriod(days: Int) -> [Effect] {
        panel.period = .lastDays(days)
        panel.figures = nil
        return [requestFigures()]
    }

    /// After a reload (this board wrote, or another process did): the reads the open screens need again.
    mutating func refreshReads() -> [Effect] {
        (screens.contains(.panel) ? [requestFigures()] : []) + (screens.contains(.minutes) ? [.loadMinutes(day: day)] : [])
    }

    /// Keeps figures of the period chosen now: the same fixed dates, or the same number of last
    /// days (ending a little earlier when asked before the last reload); an answer for another choice is dropped.
    mutating func receive(_ figures: Figures) {
        let current = switch panel.period {
        case .lastDays(let days): figures.period.until.milliseconds - figures.period.since.milliseconds == Int64(days) * Timestamp.millisecondsPerDay
        case .fixed(let period): figures.period == period
        }
        if current { panel.figures = figures }
    }

    /// Keeps the minutes scrolled within their lines at the current size.
    mutating func clampMinutesScroll() {
        let lines = minutes.map { MinutesView.lines($0, width: width, glyphs: Glyphs(unicode: unicode)).count } ?? 0
        minutesScroll = max(0, min(minutesScroll, lines - MinutesView.visibleLines(height: height)))
    }

    /// Asks for the figures of the panel's period as of now.
    private func requestFigures() -> Effect {
        .loadFigures(panel.period.period(at: now))
    }

    /// Puts `screen` on top; the panel and the minutes replace each other rather than pile up.
    private mutating func show(_ screen: Screen) {
        if self.screen == .panel || self.screen == .minutes { screens.removeLast() }
        screens.append(screen)
    }
}
