import CabinetModel
import TerminalKit

/// The card's field that has the keys: Tab moves it, j/k and PgUp/PgDn scroll its text, Enter
/// shows it full screen. It belongs to one change: another card starts unfocused.
public struct CardFocus: Hashable, Sendable {
    /// The change whose card this is.
    public var change: String
    /// The field's place on the card: blast radius, rollback plan, verification, window, risk.
    public var field: Int
    /// The first wrapped line of the field's text that is shown.
    public var scroll: Int
    /// True while the field fills the screen.
    public var fullScreen: Bool

    public init(change: String, field: Int, scroll: Int = 0, fullScreen: Bool = false) {
        self.change = change
        self.field = field
        self.scroll = scroll
        self.fullScreen = fullScreen
    }
}

extension AppState {
    /// The focus of the card shown now, if its field is focused.
    var shownCardFocus: CardFocus? {
        guard let focus = cardFocus, focus.change == cardChangeID else { return nil }
        return focus
    }

    /// The card's layout at the board's size, when a card is shown.
    var cardLayout: CardLayout? {
        guard let snapshot, let entry = cardEntry else { return nil }
        return CardLayout(self, entry: entry, snapshot: snapshot, width: width, height: height, glyphs: Glyphs(unicode: unicode))
    }

    /// Tab or S-Tab: the next or previous field gets the keys, its text from the top.
    mutating func moveFieldFocus(by step: Int) {
        guard let layout = cardLayout, let id = cardChangeID else { return }
        let count = layout.fields.count
        let field = shownCardFocus.map { ($0.field + step % count + count) % count } ?? (step > 0 ? 0 : count - 1)
        cardFocus = CardFocus(change: id, field: field, fullScreen: shownCardFocus?.fullScreen ?? false)
    }

    /// j/k/PgUp/PgDn on the card: scroll the focused field by `lines`, within its text. With no
    /// field focused, the first field with text out of sight takes the focus.
    mutating func scrollCard(by lines: Int) {
        guard let layout = cardLayout, let id = cardChangeID else { return }
        guard var focus = shownCardFocus else {
            let cut = layout.fields.indices.first { layout.hiddenBelow(field: $0, scroll: 0) }
            cardFocus = CardFocus(change: id, field: cut ?? 0)
            if cut != nil, lines > 0 { scrollCard(by: lines) }
            return
        }
        // A field with no box on this screen (the risk details at 80×24) scrolls full screen.
        if layout.box(field: focus.field, fullScreen: false) == nil { focus.fullScreen = true }
        focus.scroll = layout.clampedScroll(field: focus.field, scroll: focus.scroll + lines, fullScreen: focus.fullScreen)
        cardFocus = focus
    }

    /// Enter on the card: the focused field (or the first cut one) full screen, or back in its box.
    mutating func toggleFullScreen() {
        guard let layout = cardLayout, let id = cardChangeID else { return }
        var focus = shownCardFocus
            ?? CardFocus(change: id, field: layout.fields.indices.first { layout.hiddenBelow(field: $0, scroll: 0) } ?? 0)
        focus.fullScreen.toggle()
        focus.scroll = layout.clampedScroll(field: focus.field, scroll: focus.scroll, fullScreen: focus.fullScreen)
        cardFocus = focus
    }

    /// Rows a page of the focused field scrolls by: one less than it shows.
    var cardPage: Int {
        guard let layout = cardLayout, let focus = shownCardFocus else { return 1 }
        return max(1, layout.textRows(field: focus.field, fullScreen: focus.fullScreen) - 1)
    }
}
