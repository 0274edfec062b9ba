/// A key press or other input event, as the terminal adapter reports it.
public enum Key: Hashable, Sendable {
    case character(Character)
    case up, down, left, right
    case home, end, pageUp, pageDown
    case enter, escape, tab, backTab, backspace, delete
    /// A function key, F1 = `.function(1)`.
    case function(Int)
    /// A control chord, Ctrl-C = `.control("c")`.
    case control(Character)
    /// The terminal changed size.
    case resize
    /// A mouse button press at a screen column and row.
    case click(x: Int, y: Int)

    /// Ctrl-C (in raw mode it arrives as a key, not as SIGINT).
    public static let ctrlC = Key.control("c")

    /// How the key is written in hints and help: "↑", "Enter", "Space", "^C", "F1", "q".
    public var label: String {
        switch self {
        case .character(" "): return "Space"
        case .character(let character): return String(character)
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "S-Tab"
        case .backspace: return "Bksp"
        case .delete: return "Del"
        case .function(let number): return "F\(number)"
        case .control(let character): return "^" + character.uppercased()
        case .resize: return "resize"
        case .click: return "click"
        }
    }
}
