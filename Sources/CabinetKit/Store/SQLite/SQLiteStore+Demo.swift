import Foundation
import GRDB

extension SQLiteStore {
    /// The `meta` key that marks a database as made by `cab demo`, so it may be overwritten.
    public static let demoMarker = "demo"

    /// Opens a fresh demo database at `path`, replacing an earlier demo there but never a file
    /// that holds anything else, and writes `history` into it.
    public static func writeDemo(_ history: DemoHistory, at path: String) throws(CabinetError) -> SQLiteStore {
        if FileManager.default.fileExists(atPath: path) {
            let existing = try SQLiteStore(path: path)
            let isDemo = try existing.meta(demoMarker) != nil
            let isEmpty = try existing.reading { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM changes") == 0 }
            guard isDemo || isEmpty else {
                throw .refused("\(path) holds records that cab demo did not write; the demo writes only to a new file or an earlier demo")
            }
            existing.pool.releaseMemory()
            try existing.close()
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        let store = try SQLiteStore(path: path)
        try store.writingInBulk { db in
            let recorder = SystemUser.name
            var last = DecisionChain.Link.start
            try history.generate { record in
                switch record {
                case .service(let service):
                    try ServiceRows.insert(db, service)
                    try ServiceRows.insertDependencies(db, service)
                case .change(let change): try ChangeRows.insert(db, change, recordedBy: recorder)
                case .decision(var decision):
                    decision.recordedBy = recorder
                    try DecisionRows.insert(db, decision, after: &last)
                case .incident(let incident): try IncidentRows.insert(db, incident)
                case let .conditionMet(decision, by, at): try ConditionRows.insertMet(db, decision: decision, by: by, at: at, note: nil, recordedBy: recorder)
                case .meeting(let meeting): try MeetingRows.insert(db, meeting)
                }
            }
            try db.execute(sql: "INSERT INTO meta (key, value) VALUES (?, ?)", arguments: [
                demoMarker, "cab demo --changes \(history.changeCount) --seed \(history.seed) at \(history.now.iso8601)",
            ])
        }
        return store
    }

    func close() throws(CabinetError) {
        do { try pool.close() } catch { throw SQLiteStore.translate(error, path: path) }
    }
}
