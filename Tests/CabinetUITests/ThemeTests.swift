import Foundation
import Testing
@testable import TerminalKit
@testable import CabinetUI

@Suite struct ThemeTests {
    @Test(arguments: BuiltinThemes.names)
    func shippedThemeLoadsAndDefinesEveryRole(name: String) throws {
        let path = Fixtures.themesDirectory + "/\(name).toml"
        let theme = try ThemeCatalog.load(path: path)
        #expect(theme.name == name)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        for role in StyleRole.allCases {
            #expect(text.contains("\n\(role.rawValue) = "), "\(name).toml leaves out \(role)")
        }
    }

    @Test(arguments: BuiltinThemes.names)
    func compiledInThemeEqualsItsFile(name: String) throws {
        let file = try String(contentsOfFile: Fixtures.themesDirectory + "/\(name).toml", encoding: .utf8)
        #expect(BuiltinThemes.source(named: name) == file)
        #expect(BuiltinThemes.theme(named: name) == (try ThemeCatalog.load(path: Fixtures.themesDirectory + "/\(name).toml")))
    }

    @Test func defaultThemeHasItsColours() {
        let theme = BuiltinThemes.standard
        #expect(theme.name == "default")
        #expect(theme.style(for: .normal) == RoleStyle())
        #expect(theme.style(for: .selection) == RoleStyle(foreground: .indexed(16), background: .indexed(75)))
        #expect(theme.style(for: .title).attributes == .bold)
        #expect(theme.style(for: .border).foreground == .indexed(244))
    }

    @Test func selectionStandsOutInEveryShippedTheme() {
        for name in BuiltinThemes.names {
            let theme = BuiltinThemes.theme(named: name)
            #expect(theme.style(for: .selection) != theme.style(for: .normal), "\(name)")
            #expect(theme.adapted(to: .monochrome).style(for: .selection).attributes.contains(.reverse), "\(name)")
        }
    }

    @Test func parsesEveryColourForm() throws {
        let theme = try Theme.parse("""
            # comment
            [palette]
            accent = "#ff0000"   # trailing comment
            'quoted' = 33

            [roles]
            normal = { fg = "default", bg = "black" }
            title = { fg = "accent", bold = true, underline = true }
            header = { fg = "quoted", bg = 250, reverse = true }
            dim = { fg = "#808080" }
            error = { fg = 'white', bold = false }
            """, name: "t", source: "t.toml")
        #expect(theme.style(for: .normal) == RoleStyle(foreground: .terminalDefault, background: .indexed(0)))
        #expect(theme.style(for: .title) == RoleStyle(foreground: .indexed(196), attributes: [.bold, .underline]))
        #expect(theme.style(for: .header) == RoleStyle(foreground: .indexed(33), background: .indexed(250), attributes: .reverse))
        #expect(theme.style(for: .dim).foreground == .indexed(244))
        #expect(theme.style(for: .error) == RoleStyle(foreground: .indexed(7)))
        #expect(theme.style(for: .late) == theme.style(for: .normal))
    }

    @Test(arguments: [
        ("[roles]\nnormal = {}\nselection = { fg = \"purplish\" }\n", "Themes/x.toml: line 3: key 'selection': unknown colour 'purplish'"),
        ("[palette]\nbrand = \"#12345\"\n", "Themes/x.toml: line 2: key 'brand': unknown colour '#12345'"),
        ("[roles]\nselection = { fg = 256 }\n", "Themes/x.toml: line 2: key 'selection': unknown colour '256'"),
        ("[roles]\nselektion = { fg = \"red\" }\n", "Themes/x.toml: line 2: key 'selektion': unknown role (known: \(StyleRole.allCases.map(\.rawValue).joined(separator: ", ")))"),
        ("[roles]\ntitle = { fg = \"red\", italic = true }\n", "Themes/x.toml: line 2: key 'title': unknown property 'italic' (expected fg, bg, bold, underline, reverse)"),
        ("[roles]\ntitle = \"red on blue\"\n", "Themes/x.toml: line 2: key 'title': expected an inline table like { fg = \"white\", bg = \"blue\", bold = true }"),
        ("[roles]\ntitle = { bold = \"yes\" }\n", "Themes/x.toml: line 2: key 'title': expected true or false for 'bold'"),
        ("[colours]\n", "Themes/x.toml: line 1: unknown section '[colours]' (expected [palette] or [roles])"),
        ("\n\n[roles]\ntitle = { fg = \"red\" \n", "Themes/x.toml: line 4: expected ',' or '}' in inline table"),
        ("[roles]\ntitle = { fg = \"red }\n", "Themes/x.toml: line 2: unterminated string"),
        ("[roles]\ntitle { fg = \"red\" }\n", "Themes/x.toml: line 2: expected '=' after key 'title'"),
        ("[roles]\ntitle = {}\ntitle = {}\n", "Themes/x.toml: line 3: duplicate key 'title'"),
        ("[roles]\ntitle = red\n", "Themes/x.toml: line 2: unexpected 'red': strings need quotes"),
        ("[roles]\ntitle = {} extra\n", "Themes/x.toml: line 2: unexpected 'extra'"),
        ("name = \"x\"\n", "Themes/x.toml: line 1: key 'name': keys belong under [palette] or [roles]"),
    ])
    func brokenFileGivesAOneLineError(text: String, message: String) {
        #expect(throws: ThemeError.self) { try Theme.parse(text, name: "x", source: "Themes/x.toml") }
        do {
            _ = try Theme.parse(text, name: "x", source: "Themes/x.toml")
        } catch {
            #expect(error.description == message)
            #expect(!error.description.contains("\n"))
        }
    }

    @Test func brokenFileResolvesToTheDefaultWithTheError() throws {
        let path = try Fixtures.temporaryFile(named: "x.toml", "[roles]\n\n\n\n\n\nselection = { fg = \"purplish\" }\n")
        let resolution = ThemeCatalog.resolve(path, directories: [])
        #expect(resolution.theme == BuiltinThemes.standard)
        #expect(resolution.error?.description == "\(path): line 7: key 'selection': unknown colour 'purplish'")
        #expect(resolution.error?.problem == .unknownColour("purplish"))
    }

    @Test func resolvesNamesFromDirectoriesThenBuiltIns() throws {
        let path = try Fixtures.temporaryFile(named: "mine.toml", "[roles]\ntitle = { fg = \"red\" }\n")
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let mine = ThemeCatalog.resolve("mine", directories: [directory])
        #expect(mine.error == nil)
        #expect(mine.theme.name == "mine")
        #expect(mine.theme.style(for: .title).foreground == .indexed(1))
        #expect(ThemeCatalog.resolve("light", directories: [directory]).theme == BuiltinThemes.theme(named: "light"))
        #expect(ThemeCatalog.resolve(nil, directories: []) == ThemeResolution(theme: BuiltinThemes.standard, error: nil))
        #expect(ThemeCatalog.resolve("", directories: []).error == nil)
    }

    @Test func unknownNameAndMissingFileFallBack() {
        let unknown = ThemeCatalog.resolve("solarized", directories: ["/nowhere"])
        #expect(unknown.theme == BuiltinThemes.standard)
        #expect(unknown.error?.description == "solarized: no such theme (looked in /nowhere, the built-in themes)")
        let missing = ThemeCatalog.resolve("Themes/missing.toml", directories: [])
        #expect(missing.error?.description == "Themes/missing.toml: cannot read the file")
    }

    @Test func userDirectoriesFollowXDG() {
        #expect(ThemeCatalog.userDirectories(environment: ["XDG_CONFIG_HOME": "/c", "HOME": "/h"]) == ["/c/cabinet/themes"])
        #expect(ThemeCatalog.userDirectories(environment: ["HOME": "/h"]) == ["/h/.config/cabinet/themes"])
        #expect(ThemeCatalog.userDirectories(environment: [:]) == [])
    }
}
