/// Text being typed into a field, with the cursor's place in it: what the keys of a field edit.
public struct TextField: Hashable, Sendable {
    /// The text as typed so far.
    public private(set) var text: String
    /// The cursor, in characters from the start of `text`.
    public private(set) var cursor: Int
    /// True when line breaks are kept (conditions, a reason); a one-line field (the filter) takes them as spaces.
    public let multiline: Bool

    /// A field holding `text`, the cursor at its end.
    public init(_ text: String = "", multiline: Bool) {
        self.text = text
        self.cursor = text.count
        self.multiline = multiline
    }

    /// Typed or pasted text at the cursor. CR LF and CR are line breaks (spaces in a one-line
    /// field, as tabs are); other control characters are dropped.
    public mutating func insert(_ typed: String) {
        var scalars = String.UnicodeScalarView()
        var afterCarriageReturn = false
        for scalar in typed.unicodeScalars {
            defer { afterCarriageReturn = scalar == "\r" }
            switch scalar {
            case "\n" where afterCarriageReturn: continue
            case "\r", "\n": scalars.append(multiline ? "\n" : " ")
            case "\t": scalars.append(multiline ? "\t" : " ")
            case _ where scalar.properties.generalCategory == .control: continue
            default: scalars.append(scalar)
            }
        }
        let inserted = String(scalars)
        var characters = Array(text)
        characters.insert(contentsOf: inserted, at: cursor)
        text = String(characters)
        cursor += inserted.count
    }

    /// Applies an editing action (cursor moves and deletions); any other action changes nothing.
    public mutating func edit(_ action: Action) {
        let characters = Array(text)
        switch action {
        case .cursorLeft: cursor = max(0, cursor - 1)
        case .cursorRight: cursor = min(characters.count, cursor + 1)
        case .lineStart: cursor = lineStart(in: characters)
        case .lineEnd: cursor = characters[cursor...].firstIndex(of: "\n") ?? characters.count
        case .deleteBackward: remove(max(0, cursor - 1)..<cursor, from: characters)
        case .deleteForward: remove(cursor..<min(characters.count, cursor + 1), from: characters)
        case .deleteWord: remove(wordStart(in: characters)..<cursor, from: characters)
        case .deleteToLineStart: remove(lineStart(in: characters)..<cursor, from: characters)
        default: break
        }
    }

    /// The text before the cursor, then after it: where a field draws its cursor.
    public var split: (before: String, after: String) {
        let characters = Array(text)
        return (String(characters[..<cursor]), String(characters[cursor...]))
    }

    private func lineStart(in characters: [Character]) -> Int {
        (characters[..<cursor].lastIndex(of: "\n") ?? -1) + 1
    }

    /// Where the word before the cursor starts, blanks after it included (as Ctrl-W takes it).
    private func wordStart(in characters: [Character]) -> Int {
        var start = cursor
        while start > 0, characters[start - 1].isWhitespace { start -= 1 }
        while start > 0, !characters[start - 1].isWhitespace { start -= 1 }
        return start
    }

    private mutating func remove(_ range: Range<Int>, from characters: [Character]) {
        var characters = characters
        characters.removeSubrange(range)
        text = String(characters)
        cursor = range.lowerBound
    }
}
