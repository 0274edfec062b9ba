import Foundation
import Testing

/// Each bad input exits non-zero with one line naming the file, record and field, and leaves
/// the database byte for byte as it was.
@Suite struct CommandBadInputTests {
    let sandbox = Sandbox()

    func expectRefused(_ arguments: [String], _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        _ = try sandbox.cab("import", try sandbox.write("company.json", smallDocument))
        let before = try #require(sandbox.bytes(sandbox.db))
        let result = try CabProcess.run(arguments + ["--db", sandbox.db], environment: sandbox.environment)
        #expect(result.status == 1, sourceLocation: sourceLocation)
        #expect(result.stderr == "cab: \(expected)\n", sourceLocation: sourceLocation)
        #expect(sandbox.bytes(sandbox.db) == before, "the database changed", sourceLocation: sourceLocation)
    }

    func importing(_ json: String) throws -> [String] { ["import", try sandbox.write("bad.json", json)] }

    var badFile: String { sandbox.path + "/bad.json" }

    @Test func malformedJSON() throws {
        try expectRefused(try importing("{ \"changes\": [\n  { \"id\": \"CHG-9\" ] }"),
                          "\(badFile): not valid JSON (line 2, column 19: expected ',' or '}' in an object)")
    }

    @Test func anUnknownEnumValue() throws {
        try expectRefused(try importing(smallDocument.replacingOccurrences(of: "\"database-schema\"", with: "\"db\"")),
                          "\(badFile): changes[0] (id CHG-1): category: unknown value 'db' (one of: single-service, multi-service, database-schema, infrastructure, third-party-integration)")
    }

    @Test func aDateWithoutAZone() throws {
        try expectRefused(try importing(smallDocument.replacingOccurrences(of: "2026-11-26T11:00:00Z", with: "2026-11-26T11:00:00")),
                          "\(badFile): decisions[0] (change CHG-2): at: '2026-11-26T11:00:00' has no zone: add Z or an offset like +02:00")
    }

    @Test func aDuplicateIdWithDifferentContent() throws {
        try expectRefused(try importing(smallDocument.replacingOccurrences(of: "Tune pool size", with: "Tune the pool")),
                          "\(badFile): changes[1] (id CHG-2): title: differs from the record already stored under this id")
    }

    @Test func aDecisionOrIncidentForAMissingChange() throws {
        try expectRefused(["decide", "CHG-404", "approved"], "no change 'CHG-404' in the store")
        try expectRefused(["incident", "add", "--id", "INC-9", "--severity", "sev1", "--caused-by", "CHG-404"],
                          "cab incident add: incidents[0] (id INC-9): causedBy: no change 'CHG-404' in the document or the store")
    }

    @Test func aWindowThatEndsBeforeItStarts() throws {
        try expectRefused(try importing(smallDocument.replacingOccurrences(of: "2026-11-27T15:00:00Z", with: "2026-11-27T13:00:00Z")),
                          "\(badFile): changes[0] (id CHG-1): windowEnd: 2026-11-27T13:00:00Z is not after windowStart 2026-11-27T14:00:00Z")
    }

    @Test func aMissingFile() throws {
        try expectRefused(["import", sandbox.path + "/nope.json"], "\(sandbox.path)/nope.json: cannot read the file (missing, a folder, or not permitted)")
    }

    @Test func aCorruptDatabaseOrAFolderIsOneLine() throws {
        let garbage = try sandbox.write("garbage.sqlite", String(repeating: "not a database ", count: 600))
        let corrupt = try CabProcess.run(["queue", "--db", garbage], environment: sandbox.environment)
        #expect(corrupt.status == 1)
        #expect(corrupt.stderr.hasPrefix("cab: cannot use the database \(garbage): not a Cabinet database or damaged"))
        #expect(corrupt.stderr.split(separator: "\n").count == 1)
        let folder = try CabProcess.run(["report", "--db", sandbox.path], environment: sandbox.environment)
        #expect(folder.status == 1)
        #expect(folder.stderr == "cab: cannot use the database \(sandbox.path): it is a directory, not a database file\n")
    }
}
