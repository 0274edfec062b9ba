import CabinetModel
import TerminalKit

/// The one declarative table of key bindings that drives dispatch, the footer and the help
/// overlay; the board's state says which of them work now (`AppState.works`).
public struct KeyTable: Hashable, Sendable {
    /// The bindings in order of usefulness: after the meeting stage's leading actions
    /// (`AppState.leadingActions`), the earlier, the more likely to fit in the footer.
    public var bindings: [KeyBinding]

    public init(bindings: [KeyBinding]) {
        self.bindings = bindings
    }

    /// Columns between two footer hints.
    public static let hintSeparator = "  "

    /// The board's bindings.
    public static let standard: KeyTable = {
        let screens: Set<Screen> = [.agenda, .item, .panel, .minutes, .attendance, .help]
        let meeting: Set<Screen> = [.agenda, .item]
        return KeyTable(bindings: [
            KeyBinding([.enter], .open, hint: "open", help: "Open the selected change's card", on: [.agenda]),
            KeyBinding([.character("s")], .startMeeting, hint: "start meeting", help: "Start the meeting: freezes the agenda", on: meeting),
            KeyBinding([.character(" ")], .startPause, hint: "timer", help: "Start, pause or resume the item's timer", on: meeting),
            KeyBinding([.character("n")], .next, hint: "next", help: "End this item and start the next undecided one", on: meeting),
            KeyBinding([.character("a")], .approve, hint: "approve", help: "Approve the change (not ready: with an override reason)", on: meeting),
            KeyBinding([.character("c")], .approveWithConditions, hint: "conditional", help: "Approve the change with conditions", on: meeting),
            KeyBinding([.character("r")], .reject, hint: "reject", help: "Reject the change (a reason is required)", on: meeting),
            KeyBinding([.character("d")], .defer, hint: "defer", help: "Defer the change to a later meeting, with a reason", on: meeting),
            KeyBinding([.tab], .nextField, hint: "field", help: "Focus the card's next field (its text scrolls with j/k)", on: [.item]),
            KeyBinding([.enter], .zoom, hint: "full screen", help: "Show the focused field full screen, or the card again", on: [.item]),
            KeyBinding([.character(" "), .enter], .toggle, hint: "present/absent", help: "Mark the person present or absent", on: [.attendance]),
            KeyBinding([.enter], .submit, hint: "ok", help: "Accept the text", on: [.input]),
            KeyBinding([.character("y")], .confirm, hint: "yes", help: "Yes, do it", on: [.confirm]),
            KeyBinding([.character("n"), .escape], .cancel, hint: "no", help: "No, leave it", on: [.confirm]),
            KeyBinding([.escape], .cancel, hint: "cancel", help: "Leave the field without using it", on: [.input]),
            KeyBinding([.character("/")], .filter, hint: "filter", help: "Filter the queue by text", on: [.agenda]),
            KeyBinding([.character("f")], .follow, hint: "follow", help: "Show the meeting's current item and follow it", on: meeting),
            KeyBinding([.character("t")], .attendance, hint: "attendance", help: "Show and mark who attends", on: meeting),
            KeyBinding([.character("e")], .endMeeting, hint: "end meeting", help: "End the meeting", on: meeting),
                        KeyBinding([.character("N")], .notes, hint: "notes", help: "Type the discussion notes of the item (they go in the minutes)", on: [.item]),
            KeyBinding([.character("A")], .addActionItem, hint: "action item", help: "Add an action item for the item: text, then owner and due day",
                       on: [.item]),
            KeyBinding([.character("K")], .moveItemUp, hint: "move up", help: "Move the selected agenda item up (the meeting has started)", on: [.agenda]),
            KeyBinding([.character("J")], .moveItemDown, hint: "move down", help: "Move the selected agenda item down", on: [.agenda]),
            KeyBinding([.character("i")], .pullIn, hint: "pull in", help: "Pull the selected late change into the meeting, with a reason",
                       on: [.agenda]),
            KeyBinding([.character("+")], .addAttendee, hint: "add person", help: "Add an attendee: a name, and 'for TEAM' if they speak for one",
                       on: [.attendance]),
            KeyBinding([.character("P")], .publishMinutes, hint: "publish minutes",
                       help: "Publish the ended meeting's minutes to a file (webhook: asks)",
                       on: [.agenda, .minutes]),
            KeyBinding([.character("1")], .days7, hint: "7d", help: "Show the last 7 days", on: [.panel]),
            KeyBinding([.character("2")], .days30, hint: "30d", help: "Show the last 30 days", on: [.panel]),
            KeyBinding([.character("3")], .days90, hint: "90d", help: "Show the last 90 days", on: [.panel]),
            KeyBinding([.tab], .nextPane, hint: "pane", help: "Move to the next pane", on: [.agenda]),
            KeyBinding([.character("p")], .panel, hint: "panel", help: "Show the effectiveness panel", on: [.agenda, .item, .minutes]),
            KeyBinding([.character("m")], .minutes, hint: "minutes", help: "Show the meeting's minutes", on: [.agenda, .item, .panel]),
            KeyBinding([.character("0")], .restartRehearsal, hint: "restart rehearsal",
                       help: "Rehearsal (cab present ID): the practice timer back to the start; nothing is recorded", on: [.item]),
            KeyBinding([.up, .character("k")], .up, hint: "up", help: "Move the selection or scroll up", on: screens.subtracting([.panel])),
            KeyBinding([.down, .character("j")], .down, hint: "down", help: "Move the selection or scroll down", on: screens.subtracting([.panel])),
            KeyBinding([.escape], .close, hint: "quit", help: "Quit the panel (`cab` opens the board)", on: [.panel]),
            KeyBinding([.escape], .back, hint: "back", help: "Go back to the previous screen", on: screens.subtracting([.agenda])),
            KeyBinding([.character("?")], .help, hint: "help", help: "Show or hide this help", on: screens),
            KeyBinding([.character("q"), .ctrlC], .quit, hint: "quit", help: "Quit Cabinet", on: screens.union([.confirm])),
            KeyBinding([.ctrlC], .quit, hint: "quit", help: "Quit Cabinet", on: [.input]),
            KeyBinding([.left], .cursorLeft, hint: "left", help: "Move the cursor left", on: [.input]),
            KeyBinding([.right], .cursorRight, hint: "right", help: "Move the cursor right", on: [.input]),
            KeyBinding([.home], .lineStart, hint: "line start", help: "Move the cursor to the start of the line", on: [.input]),
            KeyBinding([.end], .lineEnd, hint: "line end", help: "Move the cursor to the end of the line", on: [.input]),
            KeyBinding([.backspace], .deleteBackward, hint: "delete", help: "Delete the character before the cursor", on: [.input]),
            KeyBinding([.delete], .deleteForward, hint: "delete right", help: "Delete the character under the cursor", on: [.input]),
            KeyBinding([.control("w")], .deleteWord, hint: "delete word", help: "Delete the word before the cursor", on: [.input]),
            KeyBinding([.control("u")], .deleteToLineStart, hint: "delete line", help: "Delete the line up to the cursor", on: [.input]),
            KeyBinding([.escape], .clearFilter, hint: "clear filter", help: "Clear the queue's filter", on: [.agenda]),
            KeyBinding([.character("g"), .home], .top, hint: "first", help: "Go to the first change", on: [.agenda]),
            KeyBinding([.character("G"), .end], .bottom, hint: "last", help: "Go to the last change", on: [.agenda]),
            KeyBinding([.pageUp], .pageUp, hint: "page up", help: "Move or scroll a page up", on: [.agenda, .item]),
            KeyBinding([.pageDown], .pageDown, hint: "page down", help: "Move or scroll a page down", on: [.agenda, .item]),
            KeyBinding([.backTab], .previousField, hint: "previous field", help: "Focus the card's previous field", on: [.item]),
            KeyBinding([.character("v")], .pirAccepted, hint: "PIR accepted", help: "PIR of an emergency: accepted", on: meeting),
            KeyBinding([.character("o")], .doraPage, hint: "DORA", help: "Show DORA by route and the PIRs, or back", on: [.panel]),
            KeyBinding([.character("u")], .pirFollowUp, hint: "PIR follow-up",
                       help: "PIR of an emergency: follow-up required (with a note)", on: meeting),
        ])
    }()

    /// The action bound to `key` on `screen`, if any: of two bindings of the key, the first whose action `works`.
    public func action(for key: Key, on screen: Screen, where works: (Action) -> Bool = { _ in true }) -> Action? {
        let bound = bindings.filter { $0.screens.contains(screen) && $0.keys.contains(key) }
        return (bound.first { works($0.action) } ?? bound.first)?.action
    }

    /// The bindings that apply on `screen`, in table order.
    public func bindings(on screen: Screen) -> [KeyBinding] {
        bindings.filter { $0.screens.contains(screen) }
    }

    /// The bindings of `screen` whose action `works` now, the `leading` actions first (most useful
    /// first), then the rest in table order: what the footer and the help overlay offer.
    public func offered(on screen: Screen, leading: [Action] = [], where works: (Action) -> Bool = { _ in true }) -> [KeyBinding] {
        let working = bindings(on: screen).filter { works($0.action) }
        let first = leading.flatMap { action in working.filter { $0.action == action } }
        return first + working.filter { !leading.contains($0.action) }
    }

    /// Footer hints for `offered` bindings that fit in `width` columns when joined by `hintSeparator`.
    /// Help and quit are kept whenever they fit; the others are taken in order up to the first
    /// that does not fit, so a hidden hint is never more useful than a shown one.
    public func footerHints(_ offered: [KeyBinding], width: Int) -> [KeyHint] {
        let essential: Set<Action> = [.help, .quit]
        let separator = TextWidth.width(of: Self.hintSeparator)
        func hint(_ binding: KeyBinding) -> KeyHint {
            KeyHint(key: binding.keys.first?.label ?? "", text: binding.hint)
        }
        var used = 0
        var chosen: Set<Action> = []
        @discardableResult
        func take(_ binding: KeyBinding) -> Bool {
            let cost = hint(binding).width + (chosen.isEmpty ? 0 : separator)
            guard used + cost <= width else { return false }
            used += cost
            chosen.insert(binding.action)
            return true
        }
        for binding in offered where essential.contains(binding.action) {
            take(binding)
        }
        for binding in offered where !essential.contains(binding.action) {
            guard take(binding) else { break }
        }
        return offered.filter { chosen.contains($0.action) }.map(hint)
    }

    /// The help overlay for `offered` bindings: one line per binding, "keys  help", keys in an aligned column.
    public func helpLines(_ offered: [KeyBinding]) -> [String] {
        let rows = offered.map { binding in
            (keys: binding.keys.map(\.label).joined(separator: " "), help: binding.help)
        }
        let column = rows.map { TextWidth.width(of: $0.keys) }.max() ?? 0
        return rows.map { TextWidth.padded($0.keys, to: column) + "  " + $0.help }
    }
}
