import CabinetModel
import Foundation
/// `cab import --from servicenow`: change_request and incident records from Table API JSON or a
/// list view CSV, mapped onto Cabinet's changes, decisions and incidents and synced with what
/// the store already holds.
public enum ServiceNowAdapter {
    /// One file of the export, and how to read it.
    public struct File: Sendable {
        public var name: String
        public var bytes: [UInt8]
        /// CSV column label → ServiceNow field name, over the English defaults.
        public var columns: [String: String]

        public init(name: String, bytes: [UInt8], columns: [String: String] = [:]) {
            self.name = name; self.bytes = bytes; self.columns = columns
        }
    }

    /// The records of `files`, read all before any is mapped; a file that is neither the Table
    /// API's JSON nor a list view CSV is refused.
    public static func read(_ files: [File]) throws(CabinetError) -> Export {
        var rows: [(file: String, row: ServiceNowRow)] = []
        for file in files {
            let first = file.bytes.first { !SourceBytes.leading.contains($0) }
            let read = first == UInt8(ascii: "{") || first == UInt8(ascii: "[")
                ? try ServiceNowJSONReader.rows(file.bytes, source: file.name)
                : try ServiceNowCSVReader.rows(file.bytes, source: file.name, columns: file.columns)
            rows += read.map { (file.name, $0) }
        }
        return Export(rows: rows)
    }

    /// The records of one or more files of an export.
    public struct Export: Sendable {
        let rows: [(file: String, row: ServiceNowRow)]

        /// The Cabinet ids of the records, for looking up what the store holds before mapping.
        public var ids: [String] { rows.compactMap { $0.row["number"].shown.map(ServiceNowRecordMapper.id) } }

        /// Maps the records against what the store holds: an error names the file, record and field.
        public func batch(zone: TimeZone, stored: StoredRecords) throws(CabinetError) -> ImportBatch {
            var builder = SyncBatchBuilder(system: ServiceNowRecordMapper.system, source: Set(rows.map { $0.file }).sorted().joined(separator: ", "), stored: stored)
            builder.report.records = rows.count
            let mappers = Dictionary(uniqueKeysWithValues: Set(rows.map(\.file)).map { ($0, ServiceNowRecordMapper(source: $0, zone: zone)) })
            // The changes' sys_ids first: task_ci and incident records may name them by sys_id.
            var changeNumbers: [String: String] = [:]
            for (file, row) in rows where mappers[file]?.kind(of: row) == .change {
                if let sysID = row["sys_id"].value, let number = row["number"].shown { changeNumbers[sysID] = number }
            }
            var affected: [String: [String]] = [:]
            for (file, row) in rows where mappers[file]?.kind(of: row) == .affectedCI {
                if let (number, ci) = mappers[file]?.affectedCI(row, changeNumbers: changeNumbers, report: &builder.report) { affected[number, default: []].append(ci) }
            }
            var incidents: [(ServiceNowRecordMapper, ServiceNowRow)] = []
            for (file, row) in rows {
                guard let mapper = mappers[file] else { continue }
                switch mapper.kind(of: row) {
                case .change?:
                    let number = row["number"].shown ?? ""
                    guard let mapped = try mapper.change(row, affected: affected[number] ?? [], report: &builder.report) else { continue }
                    try builder.add(mapped)
                case .affectedCI?:
                    continue
                case .incident?:
                    incidents.append((mapper, row))
                case nil:
                    builder.report.skip(row.name, row["sys_class_name"].shown.map { "unknown record type '\($0)'" } ?? "neither a change (CHG…) nor an incident (INC…)")
                }
            }
            for (mapper, row) in incidents {
                if let incident = try mapper.incident(row, changeNumbers: changeNumbers, report: &builder.report) { builder.add(incident, record: row.name) }
            }
            return builder.finished()
        }
    }
}
