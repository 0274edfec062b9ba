import CabinetModel
/// One issue of a Jira search response, its fields found by their names through the response's
/// `names` (custom field ids differ from site to site), else by their ids.
struct JiraIssue: Sendable {
    var key: String?
    var fields: [String: JSONValue]
    /// Field name → field id, from the response's `names`.
    var ids: [String: String]
    /// `issues[3]`, for the report and errors.
    var place: String
    var file: String

    var name: String { key.map { "\(place) (key \($0))" } ?? place }

    /// The field called `name` (or with that id).
    subscript(_ name: String) -> JSONValue? {
        let value = ids[name].flatMap { fields[$0] } ?? fields[name]
        return value == .null ? nil : value
    }

    /// Which of `names` the issue has a non-empty value under, for the report.
    func text(_ name: String) -> String? {
        switch self[name] {
        case .object(let object)?:
            if object["type"] == .string("doc") { return AtlassianDocument.plain(.object(object)) }
            return Self.label(.object(object))
        default: return AtlassianDocument.plain(self[name])
        }
    }

    /// A select's `value`, a user's `displayName`, a status's or type's `name`, or a plain string.
    static func label(_ value: JSONValue?) -> String? {
        switch value {
        case .string(let text)?: return SourceText.plain(text)
        case .object(let object)?:
            for key in ["value", "displayName", "name"] { if case .string(let text)? = object[key], !text.isEmpty { return text } }
            return nil
        default: return nil
        }
    }
}
