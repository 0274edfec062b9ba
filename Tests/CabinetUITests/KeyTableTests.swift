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

    @Test(arguments: Screen.allCases)
    func noKeyIsBoundTwiceOnAScreen(screen: Screen) {
        let keys = table.bindings(on: screen).flatMap(\.keys)
        #expect(Set(keys).count == keys.count, "\(screen) binds a key twice")
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
        #expect(table.action(for: .character("k"), on: .agenda) == .up)
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

    @Test func presentersDoNotSeeTheChairsKeys() {
        let hints = table.footerHints(for: .item, width: 200, excluding: [.approve, .startPause])
        #expect(!hints.contains { $0.key == "a" || $0.key == "Space" })
        #expect(!table.helpLines(for: .item, excluding: [.approve]).contains { $0.contains("Approve the change") && !$0.contains("conditions") })
    }

    @Test func footerFitsTheWidthAndKeepsHelpAndQuit() {
        for width in [0, 6, 13, 14, 20, 40, 80, 200] {
            for screen in Screen.allCases {
                let hints = table.footerHints(for: screen, width: width)
                let used = hints.map(\.width).reduce(0, +) + max(0, hints.count - 1) * 2
                #expect(used <= width, "\(screen) at \(width)")
                if width >= 14, screen != .input, screen != .confirm {
                    #expect(hints.contains(KeyHint(key: "?", text: "help")))
                    #expect(hints.contains(KeyHint(key: "q", text: "quit")))
                }
            }
        }
    }

    @Test func footerFollowsTableOrder() {
        #expect(table.footerHints(for: .item, width: 85).map(\.key) == ["Space", "n", "a", "c", "r", "d", "?", "q"])
        #expect(table.footerHints(for: .item, width: 60).map(\.key) == ["Space", "n", "a", "?", "q"])
        #expect(table.footerHints(for: .item, width: 200).count == table.bindings(on: .item).count)
    }

    @Test func helpLinesListEveryBindingAligned() {
        let lines = table.helpLines(for: .item)
        #expect(lines.count == table.bindings(on: .item).count)
        #expect(lines.contains("q ^C   Quit Cabinet"))
        #expect(lines.contains("↑ k    Move the selection or scroll up"))
        #expect(Set(lines.map { $0.prefix(7).last }) == [" "])
        #expect(table.helpLines(for: .agenda).first == "Enter   Open the selected change's card")
    }

    @Test func keyLabels() {
        #expect(Key.character(" ").label == "Space")
        #expect(Key.ctrlC.label == "^C")
        #expect(Key.function(5).label == "F5")
        #expect(Key.up.label == "↑")
        #expect(Key.escape.label == "Esc")
    }
}
