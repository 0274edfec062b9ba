import CabinetModel
/// `cab import --from github`: pull requests from the saved output of `gh pr list --json
/// number,title,author,createdAt,mergedAt,files,labels,reviews,url` (or `gh pr view --json …`
/// for one), each a change with its files, migration, configuration areas and services; the
/// first approving review is its peer decision, the merge its deployment. A saved `gh pr diff`
/// adds the configuration areas its changed lines touch.
public enum GitHubAdapter {
    static let system = "github"

    /// A saved `gh pr diff`: of the pull request numbered `pull`, or (`nil`) of the export's only one.
    public struct Diff: Sendable {
        public var pull: Int?
        public var name: String
        public var bytes: [UInt8]

        public init(pull: Int?, name: String, bytes: [UInt8]) { self.pull = pull; self.name = name; self.bytes = bytes }
    }

    /// The pull requests of `files`, with the `diffs` given for them; a file that is not `gh`'s
    /// JSON or not a unified diff is refused, as is a diff without a number when the export holds
    /// several pull requests.
    public static func read(_ files: [(name: String, bytes: [UInt8])], rules: PathRules, diffs: [Diff] = []) throws(CabinetError) -> Export {
        var pulls: [(file: String, place: String, fields: [String: JSONValue])] = []
        for file in files {
            let json: JSONValue
            do { json = try JSONParser.parse(file.bytes) } catch {
                throw .unreadableInput(source: file.name, problem: "not gh pr list/view JSON: \(error.description)")
            }
            switch json {
            case .array(let list):
                for (index, entry) in list.enumerated() {
                    guard case .object(let fields) = entry else { throw .unreadableInput(source: file.name, problem: "not gh pr list JSON: [\(index)] is not an object") }
                    pulls.append((file.name, "[\(index)]", fields))
                }
            case .object(let fields) where fields["number"] != nil || fields["url"] != nil:
                pulls.append((file.name, "pull request", fields))
            default:
                throw .unreadableInput(source: file.name, problem: "not gh pr list/view JSON: neither a list of pull requests nor one")
            }
        }
        var changedLines: [Int: [String: [String]]] = [:]
        for diff in diffs {
            let numbers = pulls.compactMap { pull -> Int? in if case .number(let number)? = pull.fields["number"] { return Int(number) }; return nil }
            guard let number = diff.pull ?? (numbers.count == 1 ? numbers.first : nil) else {
                throw .invalidArgument(name: "--diff", problem: "\(diff.name) names no pull request and the export holds \(numbers.count): give --diff NUMBER=FILE")
            }
            guard numbers.contains(number) else {
                throw .invalidArgument(name: "--diff", problem: "\(diff.name) is given for pull request \(number), which the export does not hold")
            }
            changedLines[number, default: [:]].merge(try UnifiedDiff(diff.bytes, source: diff.name).changedLines) { $0 + $1 }
        }
        return Export(pulls: pulls, rules: rules, changedLines: changedLines)
    }

    /// The pull requests of one or more files.
    public struct Export: Sendable {
        let pulls: [(file: String, place: String, fields: [String: JSONValue])]
        let rules: PathRules
        /// Pull request number → the lines its saved diff changes, by path.
        let changedLines: [Int: [String: [String]]]

        /// The Cabinet ids of the pull requests.
        public var ids: [String] { pulls.compactMap { GitHubAdapter.id($0.fields) } }

        /// Maps the pull requests against what the store holds.
        public func batch(stored: StoredRecords) throws(CabinetError) -> ImportBatch {
            var builder = SyncBatchBuilder(system: system, source: Set(pulls.map { $0.file }).sorted().joined(separator: ", "), stored: stored)
            builder.report.records = pulls.count
            for pull in pulls {
                let number: Int? = if case .number(let number)? = pull.fields["number"] { Int(number) } else { nil }
                let lines = number.flatMap { changedLines[$0] } ?? [:]
                if let mapped = try GitHubAdapter.change(pull, rules: rules, changedLines: lines, report: &builder.report) { try builder.add(mapped) }
            }
            return builder.finished()
        }
    }

    /// `github:OWNER/REPO#123`, from the pull request's url.
    static func id(_ fields: [String: JSONValue]) -> String? {
        guard let repository = repository(fields), case .number(let number)? = fields["number"] else { return nil }
        return "\(system):\(repository)#\(Int(number))"
    }

    /// `OWNER/REPO`, from `https://github.com/OWNER/REPO/pull/123`.
    static func repository(_ fields: [String: JSONValue]) -> String? {
        guard case .string(let url)? = fields["url"] else { return nil }
        let parts = url.split(separator: "/")
        guard let pull = parts.lastIndex(of: "pull"), pull >= 2 else { return nil }
        return "\(parts[pull - 2])/\(parts[pull - 1])"
    }

    private static func change(_ pull: (file: String, place: String, fields: [String: JSONValue]), rules: PathRules,
                               changedLines: [String: [String]], report: inout MappingReport) throws(CabinetError) -> MappedChange? {
        let fields = pull.fields
        guard let id = id(fields), let repository = repository(fields) else {
            report.skip(pull.place, "no number or no pull request url")
            return nil
        }
        let record = "\(pull.place) (\(id))"
        guard case .string(let createdText)? = fields["createdAt"] else { report.skip(record, "no createdAt"); return nil }
        let created = try time(createdText, field: "createdAt", pull.file, record)
        report.fill("createdAt", "submittedAt")
        var paths: [String] = []
        if case .array(let files)? = fields["files"] {
            for case .object(let file) in files { if case .string(let path)? = file["path"] { paths.append(path) } }
            report.fill("files", "filesChanged")
        }
        let labels: [String] = {
            guard case .array(let list)? = fields["labels"] else { return [] }
            return list.compactMap { if case .object(let label) = $0, case .string(let name)? = label["name"] { return name.lowercased() }; return nil }
        }()
        // gh lists at most 100 files; `changedFiles`, where the export has it, counts them all.
        var filesChanged = paths.isEmpty ? nil : paths.count
        if case .number(let count)? = fields["changedFiles"], count >= 0, count == count.rounded() {
            filesChanged = Int(count)
            report.fill("changedFiles", "filesChanged")
        }
        let services = paths.compactMap(rules.service).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        if !services.isEmpty { report.fill("files", "services") }
        let hasMigration = paths.contains(where: rules.isMigration)
        let fromLines = Set(changedLines.flatMap { ChangedLineRules.touches(path: $0.key, lines: $0.value) })
        if !fromLines.isEmpty { report.fill("diff", "touches") }
        let touches = ConfigArea.allCases.filter { area in fromLines.contains(area) || paths.contains { rules.touches($0).contains(area) } }
        let type: ChangeType = labels.contains { $0.contains("emergency") || $0.contains("hotfix") } ? .emergency : labels.contains("standard") ? .standard : .normal
        let risk: Risk = labels.contains("risk:high") ? .high : labels.contains("risk:low") ? .low : .medium
        if labels.contains(where: { $0.hasPrefix("risk:") }) { report.fill("labels", "risk") }
        var owner = repository
        if case .object(let author)? = fields["author"], case .string(let login)? = author["login"] { owner = login; report.fill("author", "owner") }
        var title = id
        if case .string(let text)? = fields["title"], let line = SourceText.line(text) { title = line; report.fill("title", "title") }
        var deployedAt: Timestamp?
        if case .string(let merged)? = fields["mergedAt"] {
            deployedAt = try time(merged, field: "mergedAt", pull.file, record)
            report.fill("mergedAt", "deployedAt")
        }
        let change = Change(
            id: id, title: title, owner: owner, team: repository, type: type,
            category: hasMigration ? .databaseSchema : CategoryDerivation.category(sourceCategory: labels.joined(separator: " "), services: services),
            risk: risk, route: .peer, services: services, filesChanged: filesChanged, hasMigration: hasMigration,
            blastRadius: "", rollbackPlan: "", verification: "", windowStart: nil, windowEnd: nil, submittedAt: created, state: .new,
            touches: touches, deployedAt: deployedAt)
        var mapped = MappedChange(change: change, statedRoute: nil, statedState: deployedAt == nil ? nil : .closed, approval: nil, record: record, file: pull.file)
        if case .array(let reviews)? = fields["reviews"] {
            for case .object(let review) in reviews where review["state"] == .string("APPROVED") {
                guard case .string(let at)? = review["submittedAt"] else { continue }
                var reviewer = "a reviewer"
                if case .object(let author)? = review["author"], case .string(let login)? = author["login"] { reviewer = login }
                guard reviewer != owner else { continue }
                mapped.approval = (.approved, try time(at, field: "reviews.submittedAt", pull.file, record))
                mapped.approvalNote = "approving review by \(reviewer) on GitHub"
                report.fill("reviews", "decision")
                break
            }
        }
        return mapped
    }

    private static func time(_ text: String, field: String, _ file: String, _ record: String) throws(CabinetError) -> Timestamp {
        do { return try Timestamp(iso8601: text) } catch {
            throw .invalidRecord(source: file, record: record, field: field, problem: "'\(text)' is not an ISO 8601 time")
        }
    }
}
