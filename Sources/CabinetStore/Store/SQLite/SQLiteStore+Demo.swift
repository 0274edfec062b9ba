import Foundation
import GRDB
import CabinetModel

extension SQLiteStore {
    /// The `meta` key that marks a database as made by `cab demo`, so it may be overwritten.
    public static let demoMarker = "demo"

    /// Opens a fresh demo database at `path`, replacing an earlier demo there but never a file
    /// that anything else wrote (an empty Cabinet store, another program's database, any file),
    /// and writes `history` into it.
    public static func writeDemo(_ history: DemoHistory, at path: String) throws(CabinetError) -> SQLiteStore {
        if FileManager.default.fileExists(atPath: path) {
            guard isDemo(at: path) else {
                throw .refused("\(path) was not written by cab demo; the demo replaces only an earlier demo: choose another --db")
            }
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        let store = try SQLiteStore(path: path)
        try store.writingInBulk { db in
            let recorder = SystemUser.name
            var last = DecisionChain.Link.start
            var incidents: [Incident] = []
            try history.generate { record in
                switch record {
                case .service(let service):
                    try ServiceRows.insert(db, service)
                    try ServiceRows.insertDependencies(db, service)
                case .change(let change): try ChangeRows.insert(db, change, recordedBy: recorder)
                case .decision(var decision):
                    decision.recordedBy = recorder
                    try DecisionRows.insert(db, decision, after: &last)
                case .incident(let incident):
                    try IncidentRows.insert(db, incident)
                    incidents.append(incident)
                case let .conditionMet(decision, by, at): try ConditionRows.insertMet(db, decision: decision, by: by, at: at, note: nil, recordedBy: recorder)
                case .meeting(let meeting): try MeetingRows.insert(db, meeting)
                }
            }
            // As an import of the same history would: the recent incidents of approved changes get their review.
            try ReviewRows.open(db, for: incidents, now: history.now, recordedBy: recorder)
            try db.execute(sql: "INSERT INTO meta (key, value) VALUES (?, ?)", arguments: [
                demoMarker, "cab demo --changes \(history.changeCount) --seed \(history.seed) at \(history.now.iso8601)",
            ])
        }
        return store
    }

    /// Whether `path` is a database that `cab demo` wrote: read without migrating or changing
    /// anything, so a file that is anything else stays as it was.
    static func isDemo(at path: String) -> Bool {
        var configuration = Configuration()
        configuration.readonly = true
        guard let queue = try? DatabaseQueue(path: path, configuration: configuration) else { return false }
        defer { try? queue.close() }
        let marker = try? queue.read { db in
            try db.tableExists("meta") ? try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [demoMarker]) : nil
        }
        return marker != nil
    }
}
