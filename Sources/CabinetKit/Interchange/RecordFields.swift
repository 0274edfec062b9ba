import Foundation

/// Typed access to the fields of one JSON record, each failure naming the source, the record
/// (`changes[3] (id CHG-104)`) and the field.
struct RecordFields {
    let object: [String: Any]
    let source: String
    let record: String

    /// - Parameter index: the record's position in its section, or `nil` for a record given alone.
    init(_ value: Any, source: String, kind: String, index: Int?) throws(CabinetError) {
        let position = index.map { "\(kind)[\($0)]" } ?? kind
        guard let object = value as? [String: Any] else {
            throw .invalidRecord(source: source, record: position, field: "(record)", problem: "expected a JSON object")
        }
        self.object = object
        self.source = source
        if let id = (object["id"] as? String) ?? (object["name"] as? String) {
            record = "\(position) (id \(id))"
        } else if let change = object["change"] as? String {
            record = "\(position) (change \(change))"
        } else {
            record = position
        }
    }

    func fail(_ field: String, _ problem: String) -> CabinetError {
        .invalidRecord(source: source, record: record, field: field, problem: problem)
    }

    private func present(_ key: String) -> Any? {
        guard let value = object[key], !(value is NSNull) else { return nil }
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
        guard let text = value as? String else { throw fail(key, "expected a string") }
        return text
    }

    func optionalInt(_ key: String, minimum: Int = 0) throws(CabinetError) -> Int? {
        guard let value = present(key) else { return nil }
        guard !isJSONBoolean(value), let number = value as? NSNumber, let int = Int(exactly: number.doubleValue) else {
            throw fail(key, "expected a whole number")
        }
        guard int >= minimum else { throw fail(key, "must be at least \(minimum)") }
        return int
    }

    func optionalBool(_ key: String) throws(CabinetError) -> Bool? {
        guard let value = present(key) else { return nil }
        guard let bool = value as? Bool, isJSONBoolean(value) else { throw fail(key, "expected true or false") }
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

    func strings(_ key: String) throws(CabinetError) -> [String] {
        guard let value = present(key) else { return [] }
        guard let list = value as? [Any] else { throw fail(key, "expected a list of strings") }
        var result: [String] = []
        for element in list {
            guard let text = element as? String, !text.isBlank else { throw fail(key, "expected a list of non-empty strings") }
            result.append(text)
        }
        return result
    }

    /// A list of vocabulary words, each named once; absent means none.
    func words<V: Vocabulary>(_ key: String, as type: V.Type) throws(CabinetError) -> [V] {
        var result: [V] = []
        for text in try strings(key) {
            guard let value = V(rawValue: text) else { throw fail(key, "unknown value '\(text)' (one of: \(V.allowedWords))") }
            guard !result.contains(value) else { throw fail(key, "names '\(text)' twice") }
            result.append(value)
        }
        return result
    }

    func nested(_ key: String) throws(CabinetError) -> RecordFields? {
        guard let value = present(key) else { return nil }
        guard let object = value as? [String: Any] else { throw fail(key, "expected a JSON object") }
        return RecordFields(object: object, source: source, record: "\(record) \(key)")
    }

    private init(object: [String: Any], source: String, record: String) {
        self.object = object; self.source = source; self.record = record
    }
}

/// Foundation bridges JSON numbers to `Bool` too; only `true`/`false` count as booleans.
private func isJSONBoolean(_ value: Any) -> Bool {
    guard let number = value as? NSNumber else { return false }
    return String(cString: number.objCType) == "c"
}
