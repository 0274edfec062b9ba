import Testing
@testable import TerminalKit
@testable import CabinetUI

@Suite struct KeyTableTests {
    let table = KeyTable.standard

    @Test func everyActionIsBoundWithHintAndHelp() {
        for action in Action.allCases {
            let bindings = table.bindings.filter { $0.action == action }
            #expect(!bindings.isEmpty, "\(action) has no binding")
            for binding in bindings {
                #expect(!binding.hint.isEmpty && !binding.help.isEmpty, "\(action)")
                #expect(!binding.keys.isEmpty && !binding.screens.isEmpty, "\(action)")
            }
        }
    }

    /// A key is bound once on a screen, but Esc on the panel: it quits `cab panel`'s panel (alone on
    /// its stack) and goes back from a panel opened from the board; never both at once.
    @Test(arguments: Screen.allCases)
    func noKeyIsBoundTwiceOnAScreen(screen: Screen) {
        let keys = table.bindings(on: screen).flatMap(\.keys)
        let twice = Set(keys.filter { key in keys.filter { $0 == key }.count > 1 })
        #expect(twice == (screen == .panel ? [.escape] : []), "\(screen) binds a key twice")
        #expect(table.action(for: .escape, on: .panel, where: { $0 != .close }) == .back)
        #expect(table.action(for: .escape, on: .panel) == .close)
    }

    @Test func dispatchesByScreen() {
        #expect(table.action(for: .character("a"), on: .item) == .approve)
        #expect(table.action(for: .character("a"), on: .agenda) == .approve)
        #expect(table.action(for: .character("a"), on: .attendance) == nil)
        #expect(table.action(for: .character(" "), on: .attendance) == .toggle)
        #expect(table.action(for: .character("y"), on: .confirm) == .confirm)
        #expect(table.action(for: .character("n"), on: .confirm) == .cancel)
        #expect(table.action(for: .enter, on: .input) == .submit)
        #expect(table.action(for: .enter, on: .agenda) == .open)
        #expect(table.action(for: .escape, on: .item) == .back)
        #expect(table.action(for: .tab, on: .item) == .nextField)
        #expect(table.action(for: .enter, on: .item) == .zoom)
        #expect(table.action(for: .character("s"), on: .item) == .startMeeting)
        #expect(table.action(for: .character("e"), on: .item) == .endMeeting)
        #expect(table.action(for: .character("k"), on: .agenda) == .up)
        #expect(table.action(for: .character("j"), on: .item) == .down)
        #expect(table.action(for: .down, on: .minutes) == .down)
        #expect(table.action(for: .character("2"), on: .panel) == .days30)
        #expect(table.action(for: .character(" "), on: .item) == .startPause)
        #expect(table.action(for: .tab, on: .agenda) == .nextPane)
        #expect(table.action(for: .character("/"), on: .agenda) == .filter)
        #expect(table.action(for: .ctrlC, on: .minutes) == .quit)
        #expect(table.action(for: .character("?"), on: .help) == .help)
        #expect(table.action(for: .character("Q"), on: .agenda) == nil)
    }

    @Test func helpAndQuitWorkEverywhereExceptWhileTyping() {
        for screen in Screen.allCases where screen != .input && screen != .confirm {
            #expect(table.action(for: .character("?"), on: screen) == .help)
            #expect(table.action(for: .character("q"), on: screen) == .quit)
        }
        #expect(table.action(for: .character("q"), on: .input) == nil)
        #expect(table.action(for: .character("?"), on: .input) == nil)
        #expect(table.action(for: .ctrlC, on: .input) == .quit)
        #expect(table.action(for: .character("q"), on: .confirm) == .quit)
    }

    @Test func onlyWorkingKeysAreOfferedTheLeadingOnesFirst() {
        let offered = table.offered(on: .item, leading: [.defer, .approve], where: { $0 != .startPause })
        #expect(offered.prefix(2).map(\.action) == [.defer, .approve])
        #expect(!offered.contains { $0.action == .startPause })
        let hints = table.footerHints(offered, width: 200)
        #expect(!hints.contains { $0.key == "Space" })
        #expect(!table.helpLines(offered).contains { $0.contains("the item's timer") })
    }

    @Test func footerFitsTheWidthAndKeepsHelpAndQuit() {
        for width in [0, 6, 13, 14, 20, 40, 80, 200] {
            for screen in Screen.allCases {
                let hints = table.footerHints(table.offered(on: screen), width: width)
                let used = hints.map(\.width).reduce(0, +) + max(0, hints.count - 1) * 2
                #expect(used <= width, "\(screen) at \(width)")
                if width >= 14, screen != .input, screen != .confirm {
                    #expect(hints.contains(KeyHint(key: "?", text: "help")))
                    #expect(hints.contains(KeyHint(key: "q", text: "quit")))
                }
            }
        }
    }

    @Test func footerFollowsTheOfferedOrder() {
        let deciding = table.offered(on: .item, leading: [.startPause, .next, .approve, .approveWithConditions, .reject, .defer],
                                     where: { $0 != .startMeeting })
        // Space timer (11), n next (6), a approve (9), c conditional (13), r reject (8), d defer (7), ? help (6),
        // q quit (6): 66 columns and 7 separators of 2 = 80.
        #expect(table.footerHints(deciding, width: 80).map(\.key) == ["Space", "n", "a", "c", "r", "d", "?", "q"])
        #expect(table.footerHints(deciding, width: 79).map(\.key) == ["Space", "n", "a", "c", "r", "?", "q"])
        #expect(table.footerHints(deciding, width: 60).map(\.key) == ["Space", "n", "a", "?", "q"])
        #expect(table.footerHints(deciding, width: 400).count == deciding.count)
    }

    @Test func helpLinesListEveryBindingAligned() {
        let lines = table.helpLines(table.offered(on: .item))
        #expect(lines.count == table.bindings(on: .item).count)
        #expect(lines.contains("q ^C   Quit Cabinet"))
        #expect(lines.contains("↑ k    Move the selection or scroll up"))
        #expect(Set(lines.map { $0.prefix(7).last }) == [" "])
        #expect(table.helpLines(table.offered(on: .agenda)).first == "Enter   Open the selected change's card")
    }

    @Test func keyLabels() {
        #expect(Key.character(" ").label == "Space")
        #expect(Key.ctrlC.label == "^C")
        #expect(Key.function(5).label == "F5")
        #expect(Key.up.label == "↑")
        #expect(Key.escape.label == "Esc")
    }
}
