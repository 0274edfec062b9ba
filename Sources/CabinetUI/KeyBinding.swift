import CabinetModel
import TerminalKit

/// One row of the key table: the keys, the action, its texts and the screens it works on.
public struct KeyBinding: Hashable, Sendable {
    /// The keys, the first shown in the footer, all of them in the help overlay.
    public var keys: [Key]
    public var action: Action
    /// A word or two for the footer.
    public var hint: String
    /// A sentence for the help overlay.
    public var help: String
    public var screens: Set<Screen>

    public init(_ keys: [Key], _ action: Action, hint: String, help: String, on screens: Set<Screen>) {
        self.keys = keys
        self.action = action
        self.hint = hint
        self.help = help
        self.screens = screens
    }
}

/// A footer hint: a key label and its word, drawn as "key text".
public struct KeyHint: Hashable, Sendable {
    public var key: String
    public var text: String

    /// Columns the hint takes: key, one space, text.
    public var width: Int { TextWidth.width(of: key) + 1 + TextWidth.width(of: text) }
}
