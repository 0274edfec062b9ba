import Foundation
import Testing

/// What a tester found by attacking the record, each pinned: someone else's SQLite file is not
/// taken over, an export cannot overwrite the database, C1 controls and DEL are refused like C0
/// ones, and counts too large to compute with are refused at the door.
@Suite struct AttackerFindingsTests {
    let sandbox = Sandbox()

    @Test func anotherProgramsSQLiteFileIsRefusedAndLeftAsItWas() throws {
        let foreign = sandbox.path + "/notes.sqlite"
        try sandbox.sqlite("CREATE TABLE notes (x); INSERT INTO notes VALUES ('mine')", db: foreign)
        let before = sandbox.bytes(foreign)
        for command in [["report"], ["queue"], ["import", try sandbox.write("company.json", smallDocument)]] {
            let result = try CabProcess.run(command + ["--db", foreign], environment: sandbox.environment)
            #expect(result.status == 1, "\(command)")
            #expect(result.stderr == "cab: cannot use the database \(foreign): not a Cabinet database: it holds other tables (notes); choose another file\n",
                    "\(command)")
        }
        #expect(sandbox.bytes(foreign) == before)
        let empty = sandbox.path + "/empty.sqlite"
        FileManager.default.createFile(atPath: empty, contents: Data())
        let audit = try CabProcess.run(["audit", "--db", empty], environment: sandbox.environment)
        #expect(audit.status == 1 && audit.stderr.contains("no Cabinet database at \(empty)"), "\(audit.stderr)")
        #expect(sandbox.bytes(empty) == Data())
    }

    @Test func anExportCannotOverwriteTheDatabaseItReads() throws {
        #expect(try sandbox.cab("import", try sandbox.write("company.json", smallDocument)).status == 0)
        let before = sandbox.bytes(sandbox.db)
        let result = try sandbox.cab("export", sandbox.db)
        #expect(result.status == 1 && result.stderr == "cab: FILE: \(sandbox.db) is the database itself: export to another file\n")
        #expect(sandbox.bytes(sandbox.db) == before)
    }

    @Test func c1ControlsDelAndHugeCountsAreRefusedAtTheDoor() throws {
        #expect(try sandbox.cab("import", try sandbox.write("company.json", smallDocument)).status == 0)
        let before = sandbox.bytes(sandbox.db)
        let cases: [(String, String, String)] = [
            ("Tune pool size", "Tune \\u009b2J pool", "changes[1] (id CHG-2): title: holds the control character U+009B at character 6 (one line, no tabs)"),
            ("Tune pool size", "Tune \\u007f pool", "changes[1] (id CHG-2): title: holds the control character U+007F at character 6 (one line, no tabs)"),
            ("\"rollbackMinutes\": 3", "\"rollbackMinutes\": 4611686018427387904", "changes[1] (id CHG-2): rollbackMinutes: must be at most 1000000000"),
            // Two spellings of é would be two ids that read as one.
            ("\"id\": \"CHG-2\"", "\"id\": \"CHG-e\\u0301\"",
             "changes[1] (id CHG-e\u{301}): id: is not in Unicode normal form C: write accented letters composed (é, not e followed by a combining accent)"),
        ]
        for (old, new, named) in cases {
            let file = try sandbox.write("bad.json", smallDocument.replacingOccurrences(of: old, with: new))
            let result = try sandbox.cab("import", file)
            #expect(result.status == 1 && result.stderr == "cab: \(file): \(named)\n", "\(result.stderr)")
        }
        #expect(sandbox.bytes(sandbox.db) == before)
        let accents = try sandbox.write("ok.json", smallDocument.replacingOccurrences(of: "Tune pool size", with: "Tune ¢ pool é Â"))
        // Accented letters are no controls: CHG-2 is refused only because its stored title differs.
        let accented = try sandbox.cab("import", accents)
        #expect(accented.status == 1 && accented.stderr.contains("title: differs") && !accented.stderr.contains("control"), "\(accented.stderr)")
    }
}
