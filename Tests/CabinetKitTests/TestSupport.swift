import Foundation
@testable import CabinetModel
@testable import CabinetStore

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

/// The board meets on 2026-11-20 over the figure fixture: priya chairs, sam (on call, speaking
/// for beta) is away; C9's clock runs 3:00 around a 30 s pause, it gets notes, and it is approved with conditions.
func holdTheMeetingOf20November(in store: some Store) throws {
    _ = try store.openMeeting(Meeting(date: "2026-11-20", chair: "priya", attendees: [
        Attendee(name: "priya", role: .chair), Attendee(name: "sam", role: .onCall),
    ]))
    try store.setAttendance(on: "2026-11-20", name: "priya", role: .chair, present: true)
    try store.addAttendee(on: "2026-11-20", Attendee(name: "sam", role: .onCall, present: false, speaksFor: "beta"), opening: nil)
    try store.startMeeting(on: "2026-11-20", at: time("2026-11-20T09:30:00Z"))
    try store.clock(.start, change: "C9", on: "2026-11-20", at: time("2026-11-20T09:30:10Z"))
    try store.setNotes(on: "2026-11-20", change: "C9", notes: "beta asked for a canary first")
    try store.clock(.pause, change: "C9", on: "2026-11-20", at: time("2026-11-20T09:31:10Z"))
    try store.clock(.resume, change: "C9", on: "2026-11-20", at: time("2026-11-20T09:31:40Z"))
    try store.record(Decision(id: "d", change: "C9", outcome: .approvedWithConditions, at: time("2026-11-20T09:33:40Z"),
                              by: "priya", conditions: "owner on call"))
    try store.clock(.end, change: "C9", on: "2026-11-20", at: time("2026-11-20T09:33:40Z"))
    try store.endMeeting(on: "2026-11-20", at: time("2026-11-20T09:34:00Z"))
}
