import TerminalKit
import CNcursesW

/// Turns what `wget_wch` returned into a `Key`.
enum KeyDecoder {
    /// A character read (`wget_wch` returned OK).
    static func character(_ code: UInt32) -> Key? {
        switch code {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return Unicode.Scalar(code + 96).map { .control(Character($0)) }
        case 0..<32: return nil
        default: return Unicode.Scalar(code).map { .character(Character($0)) }
        }
    }

    /// A key code (`wget_wch` returned KEY_CODE_YES); a mouse event is taken from ncurses' queue.
    static func keyCode(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_BTAB: return .backTab
        case KEY_RESIZE: return .resize
        case KEY_MOUSE: return click()
        case cab_key_f(1)...cab_key_f(63): return .function(Int(code - cab_key_f(0)))
        default: return nil
        }
    }

    private static func click() -> Key? {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return nil }
        guard event.bstate & (cab_button1_pressed() | cab_button1_clicked()) != 0 else { return nil }
        return .click(x: Int(event.x), y: Int(event.y))
    }
}
