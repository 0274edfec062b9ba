import Foundation
@testable import CabinetKit

/// A fresh folder for one test's database files, removed when the value goes away.
final class TemporaryFolder {
    let path: String

    init() {
        path = NSTemporaryDirectory() + "cabinet-test-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    var databasePath: String { path + "/cabinet.sqlite" }
}

/// A store on a fresh file holding `json` (an interchange document).
func store(with json: String, in folder: TemporaryFolder) throws -> SQLiteStore {
    let store = try SQLiteStore(path: folder.databasePath)
    _ = try store.importDocument(try InterchangeReader.read(Data(json.utf8), source: "fixture.json"), source: "fixture.json")
    return store
}

func time(_ text: String) -> Timestamp {
    (try? Timestamp(iso8601: text)) ?? Timestamp(milliseconds: -1)
}

/// The bytes of a file, to prove a failed command left it untouched.
func fileBytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }
