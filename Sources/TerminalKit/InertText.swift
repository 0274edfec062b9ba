/// Makes untrusted text (from the database, imports, users) safe to draw: nothing in it can
/// reach the terminal as a control. Control characters become visible placeholders instead.
public enum InertText {
    /// `text` with every C0 control, DEL, C1 control and bidi override replaced by a visible
    /// placeholder: C0 by its U+2400 control picture (ESC → "␛"), DEL by "␡", a C1 control by
    /// "␛" and its 7-bit equivalent (CSI U+009B → "␛["), bidi controls by "�", line and
    /// paragraph separators by "␤". Tabs become spaces up to the next multiple of `tabWidth`.
    public static func sanitize(_ text: String, tabWidth: Int = 4) -> String {
        var result = String.UnicodeScalarView()
        var column = 0
        for scalar in text.unicodeScalars {
            if scalar == "\t" {
                let stop = tabWidth > 0 ? tabWidth - column % tabWidth : 1
                result.append(contentsOf: repeatElement(" ", count: stop))
                column += stop
                continue
            }
            if let placeholder = placeholder(for: scalar) {
                result.append(contentsOf: placeholder.unicodeScalars)
                column += TextWidth.width(of: placeholder)
            } else {
                result.append(scalar)
                column += TextWidth.width(of: scalar)
            }
        }
        return String(result)
    }

    /// Each line of `text` sanitized, the line breaks between them kept: for a message of several
    /// lines that quotes untrusted text.
    public static func lines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { sanitize(String($0)) }.joined(separator: "\n")
    }

    /// True when `text` holds nothing that a terminal would act on rather than draw.
    public static func isInert(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { placeholder(for: $0) == nil && $0 != "\t" }
    }

    /// The visible stand-in for a scalar that must not reach the terminal, or nil if it is safe.
    public static func placeholder(for scalar: Unicode.Scalar) -> String? {
        let value = scalar.value
        switch value {
        case 0x00..<0x20:
            return Unicode.Scalar(0x2400 + value).map { String(Character($0)) }
        case 0x7F:
            return "\u{2421}"
        case 0x80...0x9F:
            return Unicode.Scalar(value - 0x40).map { "\u{241B}" + String(Character($0)) }
        case 0x2028, 0x2029:
            return "\u{2424}"
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
            return "\u{FFFD}"
        default:
            return nil
        }
    }
}

extension String {
    /// This text drawn inert (`InertText.sanitize`): how every human-readable output, the board's
    /// and the command line's, shows stored or user text, so a newline cannot start a line of its own.
    public var inert: String { InertText.sanitize(self) }

    /// This text drawn inert, each character found in `replacements` written as its replacement:
    /// a message format's own escaping laid over the inert text (Slack's, iCalendar's).
    public func inert(escaping replacements: [Character: String]) -> String {
        inert.reduce(into: "") { result, character in
            if let replacement = replacements[character] { result += replacement } else { result.append(character) }
        }
    }
}
