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

    @Test func aMisspeltFieldOrARepeatedKey() throws {
        try expectRefused(try importing(smallDocument.replacingOccurrences(of: "\"rollbackMinutes\": 2", with: "\"rollbackMinuts\": 2")),
                          "\(badFile): changes[0] (id CHG-1): rollbackMinuts: unknown field (did you mean 'rollbackMinutes'?)")
        try expectRefused(try importing(#"{"changes": [], "changes": []}"#),
                          "\(badFile): not valid JSON (line 1, column 17: the member 'changes' appears twice in one object)")
    }

    @Test func aNULInATitleOrAnInstantBeforeTheYear0000() throws {
        try expectRefused(try importing(smallDocument.replacingOccurrences(of: "Tune pool size", with: "Tune\\u0000pool")),
                          "\(badFile): changes[1] (id CHG-2): title: holds the control character U+0000 at character 5 (one line, no tabs)")
        try expectRefused(try importing(smallDocument.replacingOccurrences(of: "2026-11-26T09:00:00Z", with: "0000-01-01T00:00:00+01:00")),
                          "\(badFile): changes[1] (id CHG-2): submittedAt: '0000-01-01T00:00:00+01:00' falls outside the years 0000 to 9999 in UTC")
    }

    @Test func controlCharactersInFlagsAndAClockThatCannotBeRead() throws {
        try expectRefused(["decide", "CHG-1", "rejected", "--note", "bad\u{1B}[2J"],
                          "--note: holds the control character U+001B at character 4 (only tab and line breaks are allowed)")
        try expectRefused(["decide", "CHG-1", "approved", "--by", "pri\tya"], "--by: holds the control character U+0009 at character 4 (one line, no tabs)")
        try expectRefused(["freeze", "add", "--from", "2026-12-20", "--to", "2026-12-27", "--reason", "year\u{7}end"],
                          "--reason: holds the control character U+0007 at character 5 (only tab and line breaks are allowed)")
        try expectRefused(["change", "edit", "CHG-1", "--rollback-plan", String(repeating: "x", count: 64 * 1024 + 1)],
                          "--rollback-plan: is longer than 64 KiB (65537 bytes)")
        try expectRefused(["change", "add", "--id", "CHG-3", "--title", "T", "--team", "orders", "--type", "standard", "--category", "single-service",
                           "--risk", "low", "--service", "Order Service", "--submitted-at", "9999-12-31T23:00:00-02:00"],
                          "--submitted-at: '9999-12-31T23:00:00-02:00' falls outside the years 0000 to 9999 in UTC")
        _ = try sandbox.cab("import", try sandbox.write("company.json", smallDocument))
        let before = try #require(sandbox.bytes(sandbox.db))
        var environment = sandbox.environment
        environment["CAB_NOW"] = "0000-01-01T00:00:00+01:00"
        let pinned = try CabProcess.run(["decide", "CHG-1", "approved", "--db", sandbox.db], environment: environment)
        #expect(pinned.status == 1)
        #expect(pinned.stderr == "cab: CAB_NOW: '0000-01-01T00:00:00+01:00' falls outside the years 0000 to 9999 in UTC\n")
        #expect(sandbox.bytes(sandbox.db) == before)
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
