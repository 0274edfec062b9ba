extension Theme {
    /// Parses a theme file's text (format: Themes/README.md). `source` names the file in errors.
    public static func parse(_ text: String, name: String, source: String) throws(ThemeError) -> Theme {
        let sections: [TOMLSection]
        do {
            sections = try TOMLSubset.parse(text)
        } catch {
            throw ThemeError(source: source, line: error.line, problem: .syntax(error.message))
        }
        var palette: [String: TerminalColor] = [:]
        var styles: [StyleRole: RoleStyle] = [:]
        for section in sections {
            switch section.name {
            case "palette":
                for entry in section.entries {
                    palette[entry.key] = try colour(entry.value, entry: entry, palette: [:], source: source)
                }
            case "roles":
                for entry in section.entries {
                    guard let role = StyleRole(rawValue: entry.key) else {
                        throw ThemeError(source: source, line: entry.line, key: entry.key, problem: .unknownRole)
                    }
                    styles[role] = try style(entry, palette: palette, source: source)
                }
            case "":
                if let entry = section.entries.first {
                    throw ThemeError(source: source, line: entry.line, key: entry.key, problem: .syntax("keys belong under [palette] or [roles]"))
                }
            default:
                throw ThemeError(source: source, line: section.line, problem: .unknownSection(section.name))
            }
        }
        return Theme(name: name, styles: styles)
    }

    private static func style(_ entry: TOMLEntry, palette: [String: TerminalColor], source: String) throws(ThemeError) -> RoleStyle {
        guard case .inlineTable(let members) = entry.value else {
            throw ThemeError(source: source, line: entry.line, key: entry.key, problem: .wrongType(expected: "an inline table like { fg = \"white\", bg = \"blue\", bold = true }"))
        }
        var style = RoleStyle()
        for member in members {
            switch member.key {
            case "fg":
                style.foreground = try colour(member.value, entry: entry, palette: palette, source: source)
            case "bg":
                style.background = try colour(member.value, entry: entry, palette: palette, source: source)
            case "bold", "underline", "reverse":
                guard case .boolean(let on) = member.value else {
                    throw ThemeError(source: source, line: entry.line, key: entry.key, problem: .wrongType(expected: "true or false for '\(member.key)'"))
                }
                let attribute: TextAttributes = member.key == "bold" ? .bold : member.key == "underline" ? .underline : .reverse
                if on { style.attributes.insert(attribute) }
            default:
                throw ThemeError(source: source, line: entry.line, key: entry.key, problem: .unknownProperty(member.key))
            }
        }
        return style
    }

    /// A palette name, a colour name or index, or "#rrggbb".
    private static func colour(_ value: TOMLValue, entry: TOMLEntry, palette: [String: TerminalColor], source: String) throws(ThemeError) -> TerminalColor {
        switch value {
        case .string(let text):
            if let named = palette[text] { return named }
            if let parsed = TerminalColor(parsing: text) { return parsed }
            throw ThemeError(source: source, line: entry.line, key: entry.key, problem: .unknownColour(text))
        case .integer(let index):
            if let parsed = TerminalColor(parsing: String(index)) { return parsed }
            throw ThemeError(source: source, line: entry.line, key: entry.key, problem: .unknownColour(String(index)))
        case .boolean, .inlineTable:
            throw ThemeError(source: source, line: entry.line, key: entry.key, problem: .wrongType(expected: "a colour: a name, 0-255 or \"#rrggbb\""))
        }
    }
}
