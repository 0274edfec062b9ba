import Foundation
import Testing
@testable import CabinetModel
@testable import CabinetStore

/// The SQLite store and its file: reading never creates one, a write into a file removed or
/// replaced since it was opened is refused, and the demo replaces only its own files.
@Suite struct SQLiteStoreFileTests {
    let folder = TemporaryFolder()

    @Test func openingToReadAMissingFileCreatesNeitherItNorItsFolder() {
        let path = folder.path + "/typo/cabinet.sqlite"
        #expect(throws: CabinetError.storeMissing(path: path)) { _ = try SQLiteStore(path: path, intent: .reading) }
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/typo"))
    }

    @Test func aWriteIntoAFileRemovedOrReplacedSinceItWasOpenedIsRefused() throws {
        let store = try SQLiteStore(path: folder.databasePath)
        for suffix in ["", "-wal", "-shm"] { try FileManager.default.removeItem(atPath: folder.databasePath + suffix) }
        #expect(throws: CabinetError.storeGone(path: folder.databasePath, problem: "was removed")) { try store.setRiskThreshold(0.5) }
        #expect(throws: CabinetError.storeGone(path: folder.databasePath, problem: "was removed")) { _ = try store.dataVersion() }
        #expect(!FileManager.default.fileExists(atPath: folder.databasePath))

        _ = try SQLiteStore(path: folder.databasePath)
        #expect(throws: CabinetError.storeGone(path: folder.databasePath, problem: "was replaced by another file")) { try store.setRiskThreshold(0.5) }
    }

    @Test func theDemoReplacesOnlyADemo() throws {
        let store = try SQLiteStore(path: folder.databasePath)
        _ = try store.addFreeze(from: Timestamp(milliseconds: 0), to: Timestamp(milliseconds: 1), reason: "freeze", by: "priya", at: Timestamp(milliseconds: 0))
        let history = DemoHistory(changeCount: DemoHistory.minimumChanges, seed: 1, now: Timestamp(milliseconds: 1_790_000_000_000))
        #expect(throws: CabinetError.self) { _ = try SQLiteStore.writeDemo(history, at: folder.databasePath) }
        #expect(try store.freezes().count == 1)

        let demo = folder.path + "/demo.sqlite"
        _ = try SQLiteStore.writeDemo(history, at: demo)
        #expect(try SQLiteStore.writeDemo(history, at: demo).meta(SQLiteStore.demoMarker) != nil)
    }

    /// A bulk write leaves its log copied into the file and one page long, so the next command
    /// neither replays it on opening nor copies it again on closing, and reading changes no byte.
    @Test func aBulkWriteLeavesAOnePageLogAndReadingAfterChangesNothing() throws {
        let demo = folder.path + "/demo.sqlite"
        let history = DemoHistory(changeCount: 500, seed: 1, now: Timestamp(milliseconds: 1_790_000_000_000))
        let written = try SQLiteStore.writeDemo(history, at: demo)
        try written.close()
        let bytes = { [demo + "", demo + "-wal"].map { FileManager.default.contents(atPath: $0) } }
        let log = try #require(bytes()[1])
        // The WAL header (32 bytes) and one frame (a 24-byte frame header and a 4,096-byte page).
        #expect(log.count == 32 + 24 + 4096)
        let before = bytes()
        let reader = try SQLiteStore(path: demo, intent: .reading)
        _ = try reader.queue(on: history.now, now: history.now)
        try reader.close()
        #expect(bytes() == before)
    }

    @Test func anImportLeavesAOnePageLogToo() throws {
        let demo = try SQLiteStore.writeDemo(DemoHistory(changeCount: 300, seed: 2, now: Timestamp(milliseconds: 1_790_000_000_000)),
                                             at: folder.path + "/demo.sqlite")
        let target = folder.path + "/imported.sqlite"
        let imported = try SQLiteStore(path: target)
        let secureDelete = "PRAGMA secure_delete"
        let before = try imported.writing { db in try Int.fetchOne(db, sql: secureDelete) }
        _ = try imported.importDocument(try demo.exportDocument())
        // The import's ledger is gone, and its drop (which frees pages without zeroing them) left
        // the connection's setting as it found it.
        #expect(try imported.writing { db in try Int.fetchOne(db, sql: secureDelete) } == before)
        #expect(try imported.reading { db in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE name LIKE 'cab_import%'") } == [])
        try imported.close()
        #expect(FileManager.default.contents(atPath: target + "-wal")?.count == 32 + 24 + 4096)
    }

    /// An insert that fires triggers first saves the pages it touches to a statement journal:
    /// an import's writes (small statements, many of them) keep those journals in memory, not
    /// millions of writes to a temporary file; a bulk write (a copy empties whole tables in one
    /// statement) and the next write are back on the engine's default.
    @Test func anImportsWritesKeepTheirStatementJournalsInMemoryAndOtherWritesDoNot() throws {
        let store = try SQLiteStore(path: folder.path + "/bulk.sqlite")
        let setting = "PRAGMA temp_store"
        // 2 is MEMORY, 0 the compiled-in DEFAULT.
        #expect(try store.writingMany { db in try Int.fetchOne(db, sql: setting) } == 2)
        #expect(try store.writingInBulk { db in try Int.fetchOne(db, sql: setting) } == 0)
        #expect(try store.writing { db in try Int.fetchOne(db, sql: setting) } == 0)
        try store.close()
    }
}
