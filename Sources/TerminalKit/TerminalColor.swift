/// A colour as a terminal knows it: its own default, or an index in the 256-colour palette
/// (0–7 are the basic ANSI colours).
public enum TerminalColor: Hashable, Sendable {
    case terminalDefault
    case indexed(UInt8)

    /// The eight ANSI colour names, in index order.
    public static let ansiNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    /// Parses "default", an ANSI name, a palette index "0"–"255", or "#rrggbb" (mapped to the
    /// nearest index of the 256-colour palette). Nil when the text is none of those.
    public init?(parsing text: String) {
        let name = text.lowercased()
        if name == "default" {
            self = .terminalDefault
        } else if let index = Self.ansiNames.firstIndex(of: name) {
            self = .indexed(UInt8(index))
        } else if let index = UInt8(name) {
            self = .indexed(index)
        } else if name.hasPrefix("#"), name.count == 7, let rgb = UInt32(name.dropFirst(), radix: 16) {
            self = .indexed(Palette256.nearestIndex(red: Int(rgb >> 16 & 0xFF), green: Int(rgb >> 8 & 0xFF), blue: Int(rgb & 0xFF)))
        } else {
            return nil
        }
    }

    /// The same colour on a terminal with only the 8 basic colours.
    public var basic8: TerminalColor {
        switch self {
        case .terminalDefault: return .terminalDefault
        case .indexed(let index): return .indexed(Palette256.nearestBasic(index))
        }
    }
}
