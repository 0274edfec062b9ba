import CabinetModel
import TerminalKit

/// The `?` overlay: the help lines of the keys that work now on the screen beneath (as the footer offers them), in a box over it; over
/// the queue, what its column headings mean follows; over the panel, what each figure counts.
enum HelpOverlay {
    static func draw(_ state: AppState, into buffer: inout CellBuffer, glyphs: Glyphs) {
        let beneath = state.screens.last { $0 != .help } ?? .agenda
        let legend = switch beneath {
        case .agenda: [""] + AgendaColumn.legend(glyphs: glyphs)
        case .panel: [""] + (state.panel.showsDORA ? PanelDORAView.legend : PanelLegend.lines())
        default: [String]()
        }
        let lines = KeyTable.standard.helpLines(state.offeredBindings(on: beneath)) + legend
        let width = min(buffer.width - 4, (lines.map { TextWidth.width(of: $0) }.max() ?? 0) + 4)
        let height = min(buffer.height - 4, lines.count + 2)
        let x = (buffer.width - width) / 2
        let y = max(1, (buffer.height - height) / 2)
        let visible = max(0, height - 2)
        let scroll = max(0, min(state.helpScroll, lines.count - visible))
        buffer.fill(x: x, y: y, width: width, height: height, role: .help)
        buffer.drawBox(x: x, y: y, width: width, height: height, glyphs: glyphs, role: .help)
        buffer.write(" Keys \(glyphs.dot) \(beneath.rawValue) ", x: x + 2, y: y, role: .help, fitting: width - 4, marker: glyphs.more)
        for (offset, line) in lines.dropFirst(scroll).prefix(visible).enumerated() {
            let more = (offset == visible - 1 && scroll + visible < lines.count) || (offset == 0 && scroll > 0)
            let text = more ? "\(glyphs.more) (\(Key.up.label)/\(Key.down.label) scroll)" : line
            buffer.write(text, x: x + 2, y: y + 1 + offset, role: .help, fitting: width - 4, marker: glyphs.more)
        }
    }
}
