import CabinetModel
/// Typed access to the fields of one JSON record, each failure naming the source, the record
/// (`changes[3] (id CHG-104)`) and the field. A record is only read through `read`, which
/// refuses the fields nobody asked for: a misspelt field is an error, never silently dropped.
struct RecordFields {
    let object: [String: JSONValue]
    let source: String
    let record: String
    /// The keys asked for so far, shared by the copies of this value.
    private let asked: AskedKeys

    /// A record has a score of fields: a list is searched faster than a set is hashed.
    private final class AskedKeys {
        var keys: [String] = []
    }

    /// Reads one record with `body`, then refuses any field `body` did not ask for.
    /// - Parameter index: the record's position in its section, or `nil` for a record given alone.
    static func read<T>(
        _ value: JSONValue, source: String, kind: String, index: Int?, _ body: (RecordFields) throws(CabinetError) -> T
    ) throws(CabinetError) -> T {
        let position = index.map { "\(kind)[\($0)]" } ?? kind
        guard case .object(let object) = value else {
            throw .invalidRecord(source: source, record: position, field: "(record)", problem: "expected a JSON object")
        }
        let record: String
        if case .string(let id)? = object["id"] ?? object["name"] ?? object["date"] {
            record = "\(position) (id \(shown(id)))"
        } else if case .string(let change)? = object["change"] ?? object["decision"] {
            record = "\(position) (\(object["change"] == nil ? "decision" : "change") \(shown(change)))"
        } else {
            record = position
        }
        return try RecordFields(object: object, source: source, record: record).finishing(body)
    }

    /// An id as an error message shows it: on one line and short, whatever the document held.
    private static func shown(_ id: String) -> String {
        if id.utf8.count <= 80, !id.utf8.contains(where: { $0 < 0x20 }) { return id }
        let visible = String(String.UnicodeScalarView(id.unicodeScalars.prefix(80).map { $0.value < 0x20 ? "?" : $0 }))
        return id.unicodeScalars.count > 80 ? visible + "…" : visible
    }

    private init(object: [String: JSONValue], source: String, record: String) {
        self.object = object; self.source = source; self.record = record; asked = AskedKeys()
    }

    private func finishing<T>(_ body: (RecordFields) throws(CabinetError) -> T) throws(CabinetError) -> T {
        let result = try body(self)
        if let unknown = object.keys.lazy.filter({ !asked.keys.contains($0) }).min() {
            let hint = NearestWord.nearest(to: unknown, among: asked.keys).map { " (did you mean '\($0)'?)" } ?? ""
            throw fail(unknown, "unknown field\(hint)")
        }
        return result
    }

    func fail(_ field: String, _ problem: String) -> CabinetError {
        .invalidRecord(source: source, record: record, field: field, problem: problem)
    }

    private func present(_ key: String) -> JSONValue? {
        asked.keys.append(key)
        guard let value = object[key], value != .null else { return nil }
        return value
    }

    func string(_ key: String, _ text: FieldText = .short) throws(CabinetError) -> String {
        guard let value = try optionalString(key, text) else { throw fail(key, "is required") }
        return value
    }

    /// A required field that must say something.
    func nonEmptyString(_ key: String, _ text: FieldText = .short) throws(CabinetError) -> String {
        let value = try string(key, text)
        guard !value.isBlank else { throw fail(key, "must not be empty") }
        return value
    }

    /// A string checked by the rule of its kind of text (`FieldText`).
    func optionalString(_ key: String, _ text: FieldText = .short) throws(CabinetError) -> String? {
        guard let value = present(key) else { return nil }
        guard case .string(let string) = value else { throw fail(key, "expected a string") }
        return try checked(string, key, text)
    }

    private func checked(_ string: String, _ key: String, _ text: FieldText) throws(CabinetError) -> String {
        do { return try text.checked(string) } catch { throw fail(key, error.description) }
    }

    func optionalNumber(_ key: String) throws(CabinetError) -> Double? {
        guard let value = present(key) else { return nil }
        guard case .number(let number) = value else { throw fail(key, "expected a number") }
        return number
    }

    /// A probability: a number from 0 to 1.
    func optionalProbability(_ key: String) throws(CabinetError) -> Double? {
        guard let value = try optionalNumber(key) else { return nil }
        guard value >= 0, value <= 1 else { throw fail(key, "expected a probability between 0 and 1") }
        return value
    }

    func number(_ key: String) throws(CabinetError) -> Double {
        guard let value = try optionalNumber(key) else { throw fail(key, "is required") }
        return value
    }

    /// The largest count a record may give (minutes, files, positions, milliseconds of a pause):
    /// far beyond any real one, and far below where arithmetic on it could overflow.
    static let largestCount = 1_000_000_000

    func int(_ key: String, minimum: Int = 0) throws(CabinetError) -> Int {
        guard let value = try optionalInt(key, minimum: minimum) else { throw fail(key, "is required") }
        return value
    }

    func optionalInt(_ key: String, minimum: Int = 0) throws(CabinetError) -> Int? {
        guard let value = present(key) else { return nil }
        guard case .number(let number) = value, let int = Int(exactly: number) else {
            throw fail(key, "expected a whole number")
        }
        guard int >= minimum else { throw fail(key, "must be at least \(minimum)") }
        guard int <= Self.largestCount else { throw fail(key, "must be at most \(Self.largestCount)") }
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
            guard case .string(let string) = element, !string.isBlank else { throw fail(key, "expected a list of non-empty strings") }
            let text = try checked(string, key, .short)
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

    /// A nested object read by `body` (its unknown fields refused too); absent means `nil`.
    func nested<T>(_ key: String, _ body: (RecordFields) throws(CabinetError) -> T) throws(CabinetError) -> T? {
        guard let value = present(key) else { return nil }
        guard case .object(let object) = value else { throw fail(key, "expected a JSON object") }
        return try RecordFields(object: object, source: source, record: "\(record) \(key)").finishing(body)
    }

    /// A list of nested objects, each read by `body` and named by its position; absent means none.
    func records<T>(_ key: String, _ body: (RecordFields) throws(CabinetError) -> T) throws(CabinetError) -> [T] {
        guard let value = present(key) else { return [] }
        guard case .array(let list) = value else { throw fail(key, "expected a list") }
        var result: [T] = []
        for (index, element) in list.enumerated() {
            guard case .object(let object) = element else { throw fail("\(key)[\(index)]", "expected a JSON object") }
            result.append(try RecordFields(object: object, source: source, record: "\(record) \(key)[\(index)]").finishing(body))
        }
        return result
    }
}
