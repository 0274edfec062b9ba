import ArgumentParser
import CabinetModel
import CabinetStore
import TerminalKit
import Foundation

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import an interchange document (JSON), all or nothing; importing it again changes nothing.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The JSON document.") var file: String

    func run() throws {
        try guarded { () throws(CabinetError) in
            // The file is mapped and its sections found before the store is opened; its records
            // are read one at a time inside the import's transaction.
            let document = try StreamedDocument(path: file, source: file)
            let summary = try store.open(.writing).importRecords(document, source: file)
            let others = [
                (summary.meetings, "meetings"), (summary.conditionsMet, "conditions met"), (summary.freezes, "freezes"),
                (summary.verifications, "verifications"), (summary.announcements, "announcements"), (summary.actionItems, "action items"), (summary.reviews, "reviews"),
                (summary.pirs, "post-implementation reviews"),
                (summary.riskCalibrations, "risk calibrations"), (summary.roles, "roles"), (summary.settings, "settings"),
            ].filter { $0.0 > 0 }.map { ", \($0.0) \($0.1)" }.joined()
            print(output.json ? try JSONOutput.encode(summary)
                : "Imported \(file): \(summary.services) services, \(summary.changes) changes, \(summary.decisions) decisions, \(summary.incidents) incidents\(others) (\(summary.unchanged) already stored)".inert)
        }
    }
}

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Export everything as an interchange document (JSON).")

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
