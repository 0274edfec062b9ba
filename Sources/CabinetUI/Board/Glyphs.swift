import CabinetModel
import TerminalKit
/// The characters the board draws beyond letters, with ASCII stand-ins for terminals without UTF-8.
struct Glyphs: Sendable {
    let check: String
    let cross: String
    let unknown = "?"
    let dot: String
    let arrow: String
    /// Ends text that was cut.
    let more: String
    /// Text out of sight below or above a scrolled field.
    let moreBelow: String
    let moreAbove: String
    let horizontal: String
    let vertical: String
    let topLeft: String
    let topRight: String
    let bottomLeft: String
    let bottomRight: String
    let cursor: String
    let times: String
    let dash: String
    /// A trend going up or down.
    let rising: String
    let falling: String
    /// "at most", in the histogram's bucket labels.
    let atMost: String
    /// The risk flags of a change: a conflict with another change, a window in a freeze, and a
    /// mandatory review; in the queue's CFM column and on the card.
    let conflict: String
    let freeze: String
    let review: String

    init(unicode: Bool) {
        check = unicode ? "✓" : "+"
        cross = unicode ? "✗" : "x"
        dot = unicode ? "·" : "-"
        arrow = unicode ? "→" : "->"
        more = unicode ? "…" : "~"
        moreBelow = unicode ? "▼" : "v"
        moreAbove = unicode ? "▲" : "^"
        horizontal = unicode ? "─" : "-"
        vertical = unicode ? "│" : "|"
        topLeft = unicode ? "┌" : "+"
        topRight = unicode ? "┐" : "+"
        bottomLeft = unicode ? "└" : "+"
        bottomRight = unicode ? "┘" : "+"
        cursor = unicode ? "▏" : "_"
        times = unicode ? "×" : "x"
        dash = unicode ? "—" : "-"
        rising = unicode ? "↑" : "^"
        falling = unicode ? "↓" : "v"
        atMost = unicode ? "≤" : "<="
        conflict = unicode ? "⚠" : "C"
        freeze = unicode ? "❄" : "F"
        review = unicode ? "⚑" : "M"
    }

    /// ✓ or ✗.
    func mark(_ ok: Bool) -> String { ok ? check : cross }
}
