import CabinetModel
/// One field of a ServiceNow record in any of the Table API's shapes: a plain string (a raw
/// value, or a display value under `sysparm_display_value=true`), a reference
/// `{"link", "value"}`, or `{"display_value", "value", "link"}` under `sysparm_display_value=all`.
/// An empty string is an empty field.
struct ServiceNowValue: Hashable, Sendable {
    /// The stored value: a code, a sys_id, a UTC time.
    var value: String?
    /// What a person sees: a label, a referenced record's name, a time in the exporting user's zone.
    var display: String?

    /// Whichever the export gives, the display value first (a reference's name over its sys_id).
    var shown: String? { display ?? value }

    init(value: String?, display: String?) {
        self.value = value.flatMap(Self.nonEmpty); self.display = display.flatMap(Self.nonEmpty)
    }

    /// The field `name` of `record`; a bare string counts as a value in raw exports and as a display value otherwise.
    init(_ record: [String: JSONValue], _ name: String, displayShape: Bool) {
        switch record[name] {
        case .string(let text)?: self.init(value: displayShape ? nil : text, display: displayShape ? text : nil)
        case .number(let number)?: self.init(value: number == number.rounded() ? String(Int(number)) : String(number), display: nil)
        case .bool(let flag)?: self.init(value: String(flag), display: nil)
        case .object(let reference)?:
            self.init(value: Self.text(reference["value"]), display: Self.text(reference["display_value"]))
        default: self.init(value: nil, display: nil)
        }
    }

    private static func text(_ json: JSONValue?) -> String? {
        switch json {
        case .string(let text)?: text
        case .number(let number)?: number == number.rounded() ? String(Int(number)) : String(number)
        case .bool(let flag)?: String(flag)
        default: nil
        }
    }

    private static func nonEmpty(_ text: String) -> String? {
        text.allSatisfy(\.isWhitespace) ? nil : text
    }
}
