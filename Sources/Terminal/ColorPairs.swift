import TerminalKit
import CNcursesW

/// A theme turned into curses colour pairs and attributes, one lookup per style role.
struct ColorPairs {
    private var pairs: [StyleRole: Int32] = [:]
    private var attributes: [StyleRole: attr_t] = [:]

    /// Defines one extended pair per distinct (foreground, background) of the adapted theme.
    /// `defaultColours` tells whether -1 (the terminal's own colour) is allowed.
    init(theme: Theme, mode: ColorMode, defaultColours: Bool) {
        let adapted = theme.adapted(to: mode)
        var numbers: [RoleColours: Int32] = [:]
        for role in StyleRole.allCases {
            let style = adapted.style(for: role)
            attributes[role] = Self.curses(style.attributes)
            guard mode != .monochrome else { continue }
            let colours = RoleColours(
                foreground: Self.index(style.foreground, fallback: 7, defaultColours: defaultColours),
                background: Self.index(style.background, fallback: 0, defaultColours: defaultColours))
            if let number = numbers[colours] {
                pairs[role] = number
            } else {
                let number = Int32(numbers.count + 1)
                init_extended_pair(number, colours.foreground, colours.background)
                numbers[colours] = number
                pairs[role] = number
            }
        }
    }

    /// The pair number for a role; 0 (the terminal's colours) when monochrome.
    func pair(for role: StyleRole) -> Int32 { pairs[role] ?? 0 }

    /// The role's attributes combined with a cell's own.
    func attributes(for role: StyleRole, adding extra: TextAttributes) -> attr_t {
        (attributes[role] ?? cab_a_normal()) | Self.curses(extra)
    }

    private static func curses(_ attributes: TextAttributes) -> attr_t {
        var result = cab_a_normal()
        if attributes.contains(.bold) { result |= cab_a_bold() }
        if attributes.contains(.underline) { result |= cab_a_underline() }
        if attributes.contains(.reverse) { result |= cab_a_reverse() }
        return result
    }

    private static func index(_ colour: TerminalColor, fallback: Int32, defaultColours: Bool) -> Int32 {
        switch colour {
        case .terminalDefault: return defaultColours ? -1 : fallback
        case .indexed(let index): return Int32(index)
        }
    }

    private struct RoleColours: Hashable {
        var foreground: Int32
        var background: Int32
    }
}
