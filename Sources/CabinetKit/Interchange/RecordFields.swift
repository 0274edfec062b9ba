/// Typed access to the fields of one JSON record, each failure naming the source, the record
/// (`changes[3] (id CHG-104)`) and the field.
struct RecordFields {
    let object: [String: JSONValue]
    let source: String
    let record: String

    /// - Parameter index: the record's position in its section, or `nil` for a record given alone.
    init(_ value: JSONValue, source: String, kind: String, index: Int?) throws(CabinetError) {
        let position = index.map { "\(kind)[\($0)]" } ?? kind
        guard case .object(let object) = value else {
            throw .invalidRecord(source: source, record: position, field: "(record)", problem: "expected a JSON object")
        }
        self.object = object
        self.source = source
        if case .string(let id)? = object["id"] ?? object["name"] {
            record = "\(position) (id \(id))"
        } else if case .string(let change)? = object["change"] {
            record = "\(position) (change \(change))"
        } else {
            record = position
        }
    }

    func fail(_ field: String, _ problem: String) -> CabinetError {
        .invalidRecord(source: source, record: record, field: field, problem: problem)
    }

    private func present(_ key: String) -> JSONValue? {
        guard let value = object[key], value != .null else { return nil }
        return value
    }

    func string(_ key: String) throws(CabinetError) -> String {
        guard let value = try optionalString(key) else { throw fail(key, "is required") }
        return value
    }

    /// A required field that must say something.
    func nonEmptyString(_ key: String) throws(CabinetError) -> String {
        let value = try string(key)
        guard !value.isBlank else { throw fail(key, "must not be empty") }
        return value
    }

    func optionalString(_ key: String) throws(CabinetError) -> String? {
        guard let value = present(key) else { return nil }
        guard case .string(let text) = value else { throw fail(key, "expected a string") }
        return text
    }

    func optionalInt(_ key: String, minimum: Int = 0) throws(CabinetError) -> Int? {
        guard let value = present(key) else { return nil }
        guard case .number(let number) = value, let int = Int(exactly: number) else {
            throw fail(key, "expected a whole number")
        }
        guard int >= minimum else { throw fail(key, "must be at least \(minimum)") }
        return int
    }

    func optionalBool(_ key: String) throws(CabinetError) -> Bool? {
        guard let value = present(key) else { return nil }
        guard case .bool(let bool) = value else { throw fail(key, "expected true or false") }
        return bool
    }

    func timestamp(_ key: String) throws(CabinetError) -> Timestamp {
        guard let value = try optionalTimestamp(key) else { throw fail(key, "is required") }
        return value
    }

    func optionalTimestamp(_ key: String) throws(CabinetError) -> Timestamp? {
        guard let text = try optionalString(key) else { return nil }
        do { return try Timestamp(iso8601: text) } catch { throw fail(key, error.description) }
    }

    func word<V: Vocabulary>(_ key: String, as type: V.Type) throws(CabinetError) -> V {
        guard let value = try optionalWord(key, as: type) else { throw fail(key, "is required (one of: \(V.allowedWords))") }
        return value
    }

    func optionalWord<V: Vocabulary>(_ key: String, as type: V.Type) throws(CabinetError) -> V? {
        guard let text = try optionalString(key) else { return nil }
        guard let value = V(rawValue: text) else { throw fail(key, "unknown value '\(text)' (one of: \(V.allowedWords))") }
        return value
    }

    /// A list of non-empty strings, each named once; absent means none.
    func strings(_ key: String) throws(CabinetError) -> [String] {
        guard let value = present(key) else { return [] }
        guard case .array(let list) = value else { throw fail(key, "expected a list of strings") }
        var result: [String] = []
        for element in list {
            guard case .string(let text) = element, !text.isBlank else { throw fail(key, "expected a list of non-empty strings") }
            guard !result.contains(text) else { throw fail(key, "names '\(text)' twice") }
            result.append(text)
        }
        return result
    }

    /// A list of vocabulary words, each named once (see `strings`); absent means none.
    func words<V: Vocabulary>(_ key: String, as type: V.Type) throws(CabinetError) -> [V] {
        var result: [V] = []
        for text in try strings(key) {
            guard let value = V(rawValue: text) else { throw fail(key, "unknown value '\(text)' (one of: \(V.allowedWords))") }
            result.append(value)
        }
        return result
    }

    func nested(_ key: String) throws(CabinetError) -> RecordFields? {
        guard let value = present(key) else { return nil }
        guard case .object(let object) = value else { throw fail(key, "expected a JSON object") }
        return RecordFields(object: object, source: source, record: "\(record) \(key)")
    }

    private init(object: [String: JSONValue], source: String, record: String) {
        self.object = object; self.source = source; self.record = record
    }
}
