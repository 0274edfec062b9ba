import CabinetModel
/// `cab import --from jira`: change issues from Jira Service Management's REST search response
/// (`/rest/api/2|3/search?expand=names`), mapped by field names, synced with the store.
public enum JiraAdapter {
    /// The issues of `files`; a file that is not a search response is refused.
    public static func read(_ files: [(name: String, bytes: [UInt8])]) throws(CabinetError) -> Export {
        var issues: [JiraIssue] = []
        for file in files {
            let json: JSONValue
            do { json = try JSONParser.parse(file.bytes) } catch {
                throw .unreadableInput(source: file.name, problem: "not a Jira search response: \(error.description)")
            }
            guard case .object(let top) = json, case .array(let list)? = top["issues"] else {
                throw .unreadableInput(source: file.name, problem: "not a Jira search response: no top-level \"issues\" list")
            }
            var ids: [String: String] = [:]
            if case .object(let names)? = top["names"] {
                for (id, name) in names { if case .string(let name) = name { ids[name] = id } }
            }
            for (index, entry) in list.enumerated() {
                guard case .object(let issue) = entry else { continue }
                var fields: [String: JSONValue] = [:]
                if case .object(let object)? = issue["fields"] { fields = object }
                var key: String?
                if case .string(let text)? = issue["key"] { key = text }
                issues.append(JiraIssue(key: key, fields: fields, ids: ids, place: "issues[\(index)]", file: file.name))
            }
        }
        return Export(issues: issues)
    }

    /// The issues of one or more search responses.
    public struct Export: Sendable {
        let issues: [JiraIssue]

        /// The Cabinet ids of the issues.
        public var ids: [String] { issues.compactMap { $0.key.map(JiraRecordMapper.id) } }

        /// Maps the issues against what the store holds: an error names the file, record and field.
        public func batch(stored: StoredRecords) throws(CabinetError) -> ImportBatch {
            var builder = SyncBatchBuilder(system: JiraRecordMapper.system, source: Set(issues.map { $0.file }).sorted().joined(separator: ", "), stored: stored)
            builder.report.records = issues.count
            let mapper = JiraRecordMapper()
            for issue in issues {
                if let mapped = try mapper.change(issue, report: &builder.report) { try builder.add(mapped) }
            }
            return builder.finished()
        }
    }
}
