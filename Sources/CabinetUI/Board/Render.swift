import CabinetModel
import TerminalKit

/// Draws the board into a buffer of exactly `width` × `height` cells, for any size down to 0×0.
public func render(_ state: AppState, width: Int, height: Int) -> CellBuffer {
    var buffer = CellBuffer(width: width, height: height)
    let glyphs = Glyphs(unicode: state.unicode)
    guard BoardLayout.fits(width: width, height: height) else {
        TooSmallView.draw(into: &buffer, glyphs: glyphs)
        return buffer
    }
    HeaderView.draw(state, into: &buffer, glyphs: glyphs)
    switch (state.screens.last(where: { $0 != .help }) ?? .agenda, state.snapshot) {
    case (.panel, _) where state.panel.showsDORA: PanelDORAView.draw(state, into: &buffer, glyphs: glyphs)
    case (.panel, _): PanelView.draw(state, into: &buffer, glyphs: glyphs)
    case (.minutes, _): MinutesView.draw(state, into: &buffer, glyphs: glyphs)
    case (.item, let snapshot?): CardView.draw(state, snapshot: snapshot, into: &buffer, glyphs: glyphs)
    case (.attendance, _?): AttendanceView.draw(state, into: &buffer, glyphs: glyphs)
    case (_, let snapshot?): AgendaView.draw(state, snapshot: snapshot, into: &buffer, glyphs: glyphs)
    case (_, nil): buffer.write("loading the board\(glyphs.more)", x: 1, y: 2, role: .dim)
    }
    OutcomeBannerView.draw(state, into: &buffer, glyphs: glyphs)
    if state.screen == .help { HelpOverlay.draw(state, into: &buffer, glyphs: glyphs) }
    DialogView.draw(state, into: &buffer, glyphs: glyphs)
    FooterView.draw(state, into: &buffer, glyphs: glyphs)
    return buffer
}

/// The notice shown instead of the board when the terminal is below 60×16.
enum TooSmallView {
    static func draw(into buffer: inout CellBuffer, glyphs: Glyphs) {
        let notice = "terminal too small (need \(BoardLayout.minimumWidth)\(glyphs.times)\(BoardLayout.minimumHeight))"
        let lines = TextWrap.wrap(notice, width: buffer.width, maxLines: buffer.height, marker: glyphs.more)
        let top = max(0, (buffer.height - lines.count) / 2)
        for (offset, line) in lines.enumerated() {
            let x = max(0, (buffer.width - TextWidth.width(of: line)) / 2)
            buffer.write(line, x: x, y: top + offset, role: .warn)
        }
    }
}
