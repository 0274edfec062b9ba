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
}
