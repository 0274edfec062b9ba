import Testing
@testable import TerminalKit
@testable import CabinetUI

@Suite struct ColorModeTests {
    @Test func noColorWinsWhenSetAndNonEmpty() {
        #expect(ColorMode.detect(environment: ["NO_COLOR": "1"], colors: 256) == .monochrome)
        #expect(ColorMode.detect(environment: ["NO_COLOR": ""], colors: 256) == .indexed256)
        #expect(ColorMode.detect(environment: [:], colors: 8) == .basic8)
        #expect(ColorMode.detect(environment: [:], colors: 16) == .basic8)
        #expect(ColorMode.detect(environment: [:], colors: 0) == .monochrome)
        #expect(ColorMode.detect(environment: [:], colors: 16_777_216) == .indexed256)
    }

    @Test func monochromeDropsColoursAndKeepsAttributes() {
        let theme = BuiltinThemes.standard.adapted(to: .monochrome)
        for role in StyleRole.allCases {
            let style = theme.style(for: role)
            #expect(style.foreground == .terminalDefault && style.background == .terminalDefault)
            #expect(style.attributes.isSuperset(of: BuiltinThemes.mono.style(for: role).attributes))
            #expect(style.attributes.isSuperset(of: BuiltinThemes.standard.style(for: role).attributes))
        }
        #expect(theme.style(for: .selection).attributes == .reverse)
    }

    @Test func basic8MapsEveryIndexToTheNearestBasicColour() {
        #expect(TerminalColor.indexed(196).basic8 == .indexed(1))
        #expect(TerminalColor.indexed(46).basic8 == .indexed(2))
        #expect(TerminalColor.indexed(226).basic8 == .indexed(3))
        #expect(TerminalColor.indexed(21).basic8 == .indexed(4))
        #expect(TerminalColor.indexed(51).basic8 == .indexed(6))
        #expect(TerminalColor.indexed(231).basic8 == .indexed(7))
        #expect(TerminalColor.indexed(16).basic8 == .indexed(0))
        #expect(TerminalColor.indexed(236).basic8 == .indexed(0))
        #expect(TerminalColor.indexed(244).basic8 == .indexed(7))
        #expect(TerminalColor.indexed(102).basic8 == .indexed(7))
        #expect(TerminalColor.indexed(243).basic8 == .indexed(0))
        #expect(TerminalColor.indexed(9).basic8 == .indexed(1))
        #expect(TerminalColor.indexed(3).basic8 == .indexed(3))
        #expect(TerminalColor.terminalDefault.basic8 == .terminalDefault)
        for index in 0...255 {
            guard case .indexed(let basic) = TerminalColor.indexed(UInt8(index)).basic8 else {
                Issue.record("index \(index) lost its colour")
                continue
            }
            #expect(basic < 8)
        }
    }

    @Test func basic8KeepsTextVisible() {
        let theme = Theme(name: "t", styles: [.title: RoleStyle(foreground: .indexed(160), background: .indexed(196))])
        let style = theme.adapted(to: .basic8).style(for: .title)
        #expect(style.background == .indexed(1))
        #expect(style.foreground == .indexed(7))
    }

    @Test func shippedThemesOnEightColoursUseOnlyBasicColours() {
        for name in BuiltinThemes.names {
            let theme = BuiltinThemes.theme(named: name).adapted(to: .basic8)
            for role in StyleRole.allCases {
                let style = theme.style(for: role)
                for colour in [style.foreground, style.background] {
                    if case .indexed(let index) = colour { #expect(index < 8, "\(name) \(role)") }
                }
                if style.foreground != .terminalDefault {
                    #expect(style.foreground != style.background, "\(name) \(role) vanishes")
                }
            }
        }
    }

    @Test func hexMapsToTheNearestPaletteIndex() {
        #expect(TerminalColor(parsing: "#5fafff") == .indexed(75))
        #expect(TerminalColor(parsing: "#000000") == .indexed(16))
        #expect(TerminalColor(parsing: "#FFFFFF") == .indexed(231))
        #expect(TerminalColor(parsing: "#808080") == .indexed(244))
        #expect(TerminalColor(parsing: "#ff0001") == .indexed(196))
        #expect(TerminalColor(parsing: "Cyan") == .indexed(6))
        #expect(TerminalColor(parsing: "default") == .terminalDefault)
        #expect(TerminalColor(parsing: "255") == .indexed(255))
        #expect(TerminalColor(parsing: "256") == nil)
        #expect(TerminalColor(parsing: "#12345g") == nil)
        #expect(TerminalColor(parsing: "purplish") == nil)
    }
}
