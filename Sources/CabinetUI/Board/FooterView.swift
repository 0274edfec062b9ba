import CabinetModel
import TerminalKit
/// The two bottom rows: the status line (the filter being typed, else the latest message until
/// the next key, else "reconnecting" while the store cannot be reached, else the filter) and
/// the hints of the keys that work now, most useful first (`offeredBindings`).
enum FooterView {
    static func draw(_ state: AppState, into buffer: inout CellBuffer, glyphs: Glyphs) {
        let statusY = buffer.height - 2
        let footerY = buffer.height - 1
        if case .filter(_, let field)? = state.dialog {
            let (before, after) = field.split
            let end = buffer.write("/", x: 1, y: statusY, role: .input)
            let cursor = buffer.write(before, x: end, y: statusY, role: .input, fitting: buffer.width - end - 2, marker: glyphs.more)
            let rest = buffer.write(glyphs.cursor, x: cursor, y: statusY, role: .input)
            buffer.write(after, x: rest, y: statusY, role: .input, fitting: max(0, buffer.width - rest - 1), marker: glyphs.more)
        } else if let status = state.status {
            buffer.write(status.text, x: 1, y: statusY, role: status.isError ? .error : .normal, fitting: buffer.width - 2, marker: glyphs.more)
        } else if let connection = state.connection {
            buffer.write(connection.text, x: 1, y: statusY, role: .error, fitting: buffer.width - 2, marker: glyphs.more)
        } else if !state.filter.isEmpty {
            let total = (state.snapshot?.agenda.count ?? 0) + (state.snapshot?.late.count ?? 0)
            buffer.write("filter \"\(state.filter)\": \(state.rows.count) of \(total)", x: 1, y: statusY, role: .dim,
                         fitting: buffer.width - 2, marker: glyphs.more)
        }
        buffer.fill(x: 0, y: footerY, width: buffer.width, height: 1, role: .footer)
        var x = 1
        let hints = KeyTable.standard.footerHints(state.offeredBindings(on: state.keyScreen), width: buffer.width - 2)
        for hint in hints {
            x = buffer.write(hint.key, x: x, y: footerY, role: .key)
            x = buffer.write(" " + hint.text + KeyTable.hintSeparator, x: x, y: footerY, role: .footer)
        }
    }
}
