extension TextWrap {
    /// `label: text` wrapped to `width` columns with every line after the first indented under
    /// the text, line breaks in the text kept; nothing is cut (an over-wide word is broken with
    /// no marker), so long conditions and reasons are read in full.
    public static func labelled(_ label: String, _ text: String, width: Int) -> [String] {
        let head = InertText.sanitize(label) + ": "
        let indent = String(repeating: " ", count: TextWidth.width(of: head))
        let lines = wrap(text, width: max(1, width - indent.count), marker: "")
        return lines.isEmpty ? [head] : lines.enumerated().map { ($0.offset == 0 ? head : indent) + $0.element }
    }
}
