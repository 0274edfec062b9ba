/// How one role is drawn: colours and attributes.
public struct RoleStyle: Hashable, Sendable {
    public var foreground: TerminalColor
    public var background: TerminalColor
    public var attributes: TextAttributes

    public init(foreground: TerminalColor = .terminalDefault, background: TerminalColor = .terminalDefault, attributes: TextAttributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }
}

/// A complete mapping from every style role to a style.
public struct Theme: Hashable, Sendable {
    public var name: String
    private var styles: [StyleRole: RoleStyle]

    /// A theme from explicit styles; a role left out is drawn like `normal`.
    public init(name: String, styles: [StyleRole: RoleStyle]) {
        self.name = name
        let normal = styles[.normal] ?? RoleStyle()
        self.styles = Dictionary(uniqueKeysWithValues: StyleRole.allCases.map { ($0, styles[$0] ?? normal) })
    }

    /// The style of a role.
    public func style(for role: StyleRole) -> RoleStyle {
        styles[role] ?? RoleStyle()
    }

    /// The theme as a terminal with the given colour support can show it: unchanged for 256
    /// colours; each index mapped to the nearest basic colour for 8 (a foreground that would
    /// vanish into its background becomes black or white); for monochrome, no colours and the
    /// attributes of the built-in mono theme added to each role's own.
    public func adapted(to mode: ColorMode) -> Theme {
        switch mode {
        case .indexed256:
            return self
        case .basic8:
            return Theme(name: name, styles: styles.mapValues(Self.basic8))
        case .monochrome:
            let mono = BuiltinThemes.mono
            return Theme(name: name, styles: Dictionary(uniqueKeysWithValues: styles.map { role, style in
                (role, RoleStyle(attributes: style.attributes.union(mono.style(for: role).attributes)))
            }))
        }
    }

    private static func basic8(_ style: RoleStyle) -> RoleStyle {
        var mapped = style
        mapped.foreground = style.foreground.basic8
        mapped.background = style.background.basic8
        if mapped.foreground == mapped.background, style.foreground != style.background,
           case .indexed(let background) = mapped.background {
            mapped.foreground = [0, 1, 4, 5].contains(background) ? .indexed(7) : .indexed(0)
        }
        return mapped
    }
}
