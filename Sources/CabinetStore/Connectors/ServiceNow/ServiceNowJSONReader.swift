import CabinetModel
/// Reads a ServiceNow REST Table API response, `{"result": [ … ]}` (or one record as
/// `{"result": { … }}`), in the raw shape or either display-value shape.
enum ServiceNowJSONReader {
    static func rows(_ bytes: some Collection<UInt8>, source: String) throws(CabinetError) -> [ServiceNowRow] {
        let json: JSONValue
        do { json = try JSONParser.parse(bytes) } catch {
            throw .unreadableInput(source: source, problem: "not a ServiceNow Table API response: \(error.description)")
        }
        let records: [JSONValue]
        switch json {
        case .object(let top) where top["result"] != nil:
            switch top["result"] {
            case .array(let list)?: records = list
            case .object?: records = [top["result"] ?? .null]
            default: throw .unreadableInput(source: source, problem: "not a ServiceNow Table API response: \"result\" is neither a list nor a record")
            }
        default:
            throw .unreadableInput(source: source, problem: "not a ServiceNow Table API response: no top-level \"result\"")
        }
        let displayShape = isDisplayShape(records)
        return records.enumerated().map { index, record in
            guard case .object(let fields) = record else { return ServiceNowRow(fields: [:], place: "result[\(index)]") }
            let values = fields.keys.map { ($0, ServiceNowValue(fields, $0, displayShape: displayShape)) }
            return ServiceNowRow(fields: Dictionary(uniqueKeysWithValues: values), place: "result[\(index)]")
        }
    }

    /// Whether bare strings are display values (`sysparm_display_value=true`): a state given
    /// as a label ("New") rather than a code ("-5").
    private static func isDisplayShape(_ records: [JSONValue]) -> Bool {
        for case .object(let fields) in records {
            if case .string(let state)? = fields["state"], !state.isEmpty { return Int(state) == nil }
        }
        return false
    }
}
