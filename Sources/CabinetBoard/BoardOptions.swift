import CabinetModel
import CabinetStore
import TerminalKit

/// How `cab`, `cab demo`, `cab present` and `cab panel` open the board.
public struct BoardOptions: Hashable, Sendable {
    /// The screen the board opens on.
    public enum StartScreen: Hashable, Sendable {
        /// Today's agenda (or, presenting, the card).
        case board
        /// The effectiveness panel alone, read-only (`cab panel`); Esc or q quits.
        case panel
    }

    /// Who chairs: the meeting is opened and decisions are recorded in this name.
    public var chair: String
    /// The on-call engineer, invited to the meeting.
    public var onCall: String?
    /// Minutes per item for a meeting this board opens (`--item-minutes`, 3 by default).
    public var itemMinutes: Int
    /// `--theme NAME|PATH`; nil for the default.
    public var theme: String?
    /// `cab present`: follow the meeting read-only.
    public var presenter: Bool
    /// `cab present ID`: show this change's card.
    public var changeID: String?
    /// The day to show; nil for today (UTC, or `CAB_NOW`'s day).
    public var day: Timestamp?
    public var startScreen: StartScreen
    /// `cab panel --since/--until`: the panel's period; nil for the last 30 days, which the panel's keys change.
    public var panelPeriod: Period?

    public init(
        chair: String, onCall: String? = nil, itemMinutes: Int = 3, theme: String? = nil, presenter: Bool = false,
        changeID: String? = nil, day: Timestamp? = nil, startScreen: StartScreen = .board, panelPeriod: Period? = nil
    ) {
        self.chair = chair
        self.onCall = onCall
        self.itemMinutes = itemMinutes
        self.theme = theme
        self.presenter = presenter
        self.changeID = changeID
        self.day = day
        self.startScreen = startScreen
        self.panelPeriod = panelPeriod
    }
}
