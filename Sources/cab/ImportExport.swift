import ArgumentParser
import CabinetModel
import CabinetStore
import TerminalKit
import Foundation

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import an interchange document (JSON) or a ServiceNow, Jira or GitHub export (--from), all or nothing; importing it again changes nothing, a newer export syncs.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions
    @Option(help: ArgumentHelp("The system the files come from: servicenow, jira or github (without it, the interchange JSON).", valueName: "system"))
    var from: String?
    @Option(help: ArgumentHelp("The exporting user's time zone, for display values (an IANA name such as Europe/Berlin); raw values are UTC.", valueName: "zone"))
    var timezone = "UTC"
    @Option(help: ArgumentHelp("A CSV column label and the ServiceNow field it holds, as LABEL=field (repeatable).", valueName: "label=field"))
    var columns: [String] = []
    @OptionGroup var github: GitHubOptions
    @Argument(help: "The JSON document; with --from, one or more export files.") var files: [String]

    func run() throws {
        try guarded { () throws(CabinetError) in
            guard let from else { return try importInterchange() }
            try importExport(from: from)
        }
    }

    private func importInterchange() throws(CabinetError) {
        guard files.count == 1, let file = files.first else { throw .invalidArgument(name: "FILE", problem: "give one interchange document") }
        // The file is mapped and its sections found before the store is opened; its records
        // are read one at a time inside the import's transaction.
        let document = try StreamedDocument(path: file, source: file)
        let summary = try store.open(.writing).importRecords(document, source: file)
        let others = [
            (summary.meetings, "meetings"), (summary.conditionsMet, "conditions met"), (summary.freezes, "freezes"),
            (summary.verifications, "verifications"), (summary.announcements, "announcements"), (summary.actionItems, "action items"), (summary.reviews, "reviews"),
            (summary.pirs, "post-implementation reviews"),
            (summary.sourceLinks, "source links"),
            (summary.riskCalibrations, "risk calibrations"), (summary.roles, "roles"), (summary.settings, "settings"),
        ].filter { $0.0 > 0 }.map { ", \($0.0) \($0.1)" }.joined()
        print(output.json ? try JSONOutput.encode(summary)
            : "Imported \(file): \(summary.services) services, \(summary.changes) changes, \(summary.decisions) decisions, \(summary.incidents) incidents\(others) (\(summary.unchanged) already stored)".inert)
    }

    /// Reads every file of the export, maps it against what the store holds, and writes it in one transaction.
    private func importExport(from system: String) throws(CabinetError) {
        var inputs: [(name: String, bytes: [UInt8])] = []
        for file in files { inputs.append((file, Array(try readInput(file)))) }
        let ids: [String]
        let mapped: (StoredRecords) throws(CabinetError) -> ImportBatch
        switch system {
        case "servicenow":
            guard let zone = TimeZone(identifier: timezone) else {
                throw .invalidArgument(name: "--timezone", problem: "'\(timezone)' is not a time zone name (such as Europe/Berlin)")
            }
            let labels = try columnLabels()
            let export = try ServiceNowAdapter.read(inputs.map { ServiceNowAdapter.File(name: $0.name, bytes: $0.bytes, columns: labels) })
            ids = export.ids
            mapped = { stored throws(CabinetError) in try export.batch(zone: zone, stored: stored) }
        case "jira":
            let export = try JiraAdapter.read(inputs)
            ids = export.ids
            mapped = { stored throws(CabinetError) in try export.batch(stored: stored) }
        case "github":
            let export = try github.export(inputs)
            ids = export.ids
            mapped = { stored throws(CabinetError) in try export.batch(stored: stored) }
        default:
            throw .invalidArgument(name: "--from", problem: "'\(system)' is not a source Cabinet reads (servicenow, jira, github)")
        }
        if !github.diff.isEmpty, system != "github" { throw .invalidArgument(name: "--diff", problem: "a saved gh pr diff goes with --from github") }
        let (batch, summary, _) = try SourceSync.run(store, ids: ids, source: files.joined(separator: ", "), mapped)
        print(output.json ? try JSONOutput.encode(ImportReport(summary: summary, mapping: batch.report)) : MappingReportText.render(batch.report, summary: summary))
    }

    /// `--columns LABEL=field`, as a map.
    private func columnLabels() throws(CabinetError) -> [String: String] {
        var mapping: [String: String] = [:]
        for pair in columns {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { throw .invalidArgument(name: "--columns", problem: "'\(pair)' is not LABEL=field") }
            mapping[parts[0]] = parts[1]
        }
        return mapping
    }
}

/// One import of a source's export: what the store holds of its records, the batch mapped
/// against it, written in one transaction.
enum SourceSync {
    static func run(_ options: StoreOptions, ids: [String], source: String,
                    _ mapped: (StoredRecords) throws(CabinetError) -> ImportBatch) throws(CabinetError) -> (ImportBatch, ImportSummary, any SQLStore) {
        let store = try options.open(.writing)
        let batch = try mapped(try store.storedRecords(ids: ids))
        return (batch, try store.importBatch(batch, source: source), store)
    }
}

/// How a GitHub export is read: the service map, the migration patterns and the saved diffs.
struct GitHubOptions: ParsableArguments {
    @Option(help: ArgumentHelp("GitHub: a CODEOWNERS-like file mapping path prefixes to services (`path-prefix service` per line).", valueName: "file"))
    var serviceMap: String?
    @Option(help: ArgumentHelp("GitHub: a path pattern that marks a schema migration (repeatable; default migrations/ and *.sql).", valueName: "pattern"))
    var migrations: [String] = []
    @Option(help: ArgumentHelp("GitHub: a saved `gh pr diff`, whose changed lines flag resource limits, network policy and IAM in Kubernetes YAML "
                               + "and Terraform: FILE for the export's only pull request, NUMBER=FILE for one of several (repeatable).", valueName: "[number=]file"))
    var diff: [String] = []

    /// The pull requests of `inputs`, read with these rules and diffs.
    func export(_ inputs: [(name: String, bytes: [UInt8])]) throws(CabinetError) -> GitHubAdapter.Export {
        var rules = PathRules()
        if !migrations.isEmpty { rules.migrationPatterns = migrations }
        if let serviceMap { rules.services = PathRules.serviceMap(String(decoding: try readInput(serviceMap), as: UTF8.self)) }
        var diffs: [GitHubAdapter.Diff] = []
        for given in diff {
            let parts = given.split(separator: "=", maxSplits: 1).map(String.init)
            let numbered = parts.count == 2 && !parts[0].isEmpty && parts[0].allSatisfy(\.isASCII) && Int(parts[0]) != nil
            let file = numbered ? parts[1] : given
            diffs.append(GitHubAdapter.Diff(pull: numbered ? Int(parts[0]) : nil, name: file, bytes: Array(try readInput(file))))
        }
        return try GitHubAdapter.read(inputs, rules: rules, diffs: diffs)
    }
}

/// What `cab import --from SYSTEM --json` prints: what was written and how the export mapped.
struct ImportReport: Encodable {
    var summary: ImportSummary
    var mapping: MappingReport
}

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Export everything as an interchange document (JSON).")

    @OptionGroup var store: StoreOptions
    @Argument(help: "Write here instead of standard output.") var file: String?

    func run() throws {
        try guarded { () throws(CabinetError) in
            let store = try store.open(.reading)
            if let file, let sqlite = store as? SQLiteStore, sqlite.owns(file: file) {
                throw .invalidArgument(name: "FILE", problem: "\(file) is the database itself: export to another file")
            }
            let data = try InterchangeWriter.write(try store.exportDocument())
            guard let file else { return FileHandle.standardOutput.write(data + Data("\n".utf8)) }
            do { try data.write(to: URL(fileURLWithPath: file), options: .atomic) } catch {
                throw .unreadableInput(source: file, problem: "cannot write it: \(error.localizedDescription)")
            }
        }
    }
}
