import Foundation
import Testing

/// The record can be trusted: the demo never replaces a store it did not write, a command that
/// only reads never creates a database, and a mistake in where or when is said, not defaulted.
@Suite struct StoreSafetyTests {
    let sandbox = Sandbox()

    func expectOneLineError(_ result: CabProcess.Result, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.status == 1, sourceLocation: sourceLocation)
        #expect(result.stderr == "cab: \(expected)\n", sourceLocation: sourceLocation)
    }

    @Test func theDemoRefusesAStoreWithAFreezeAndACatalogueButNoChanges() throws {
        let catalogue = try sandbox.write("services.json", #"[{"name": "Ledger", "team": "payments"}]"#)
        #expect(try sandbox.cab("services", "import", catalogue).status == 0)
        #expect(try sandbox.cab("freeze", "add", "--from", "2026-12-20", "--to", "2027-01-04", "--reason", "Holiday freeze").status == 0)
        let before = try #require(sandbox.bytes(sandbox.db))

        let demo = try CabProcess.run(["demo", "--db", sandbox.db, "--quiet"], environment: sandbox.environment)
        expectOneLineError(demo, "\(sandbox.db) was not written by cab demo; the demo replaces only an earlier demo: choose another --db")
        #expect(sandbox.bytes(sandbox.db) == before, "the store changed")
        #expect(try sandbox.cab("freeze", "list").stdout.contains("Holiday freeze"))
        #expect(try sandbox.cab("services", "list").stdout.contains("Ledger"))
    }

    @Test func theDemoRefusesAFileThatIsNotACabinetDatabaseAndLeavesItAsItWas() throws {
        let notes = try sandbox.write("notes.sqlite", "meeting notes, not a database\n")
        let other = sandbox.path + "/other.sqlite"
        let sqlite = try Spawn.run("/usr/bin/sqlite3", [other, "CREATE TABLE birds (name TEXT); INSERT INTO birds VALUES ('wren');"], environment: [:])
        #expect(sqlite.status == 0)
        for file in [notes, other] {
            let before = try #require(sandbox.bytes(file))
            let demo = try CabProcess.run(["demo", "--db", file, "--quiet"], environment: sandbox.environment)
            expectOneLineError(demo, "\(file) was not written by cab demo; the demo replaces only an earlier demo: choose another --db")
            #expect(sandbox.bytes(file) == before, "\(file) changed")
        }
    }

    @Test func theDemoStillReplacesAnEarlierDemo() throws {
        let demo = sandbox.path + "/demo.sqlite"
        #expect(try CabProcess.run(["demo", "--db", demo, "--quiet", "--seed", "1"], environment: sandbox.environment).status == 0)
        let again = try CabProcess.run(["demo", "--db", demo, "--quiet", "--seed", "2"], environment: sandbox.environment)
        #expect(again.status == 0, "\(again.stderr)")
    }

    @Test func aReadCommandOnAMistypedPathSaysSoAndCreatesNothing() throws {
        let folder = sandbox.path + "/typo"
        let path = folder + "/cabinet.sqlite"
        let reads: [[String]] = [
            ["report"], ["report", "--json"], ["queue"], ["minutes"], ["conditions"], ["export"], ["change", "list"], ["change", "show", "CHG-1"],
            ["impact", "CHG-1"], ["risk", "show"], ["risk", "threshold"], ["freeze", "list"], ["services", "list"], ["present", "CHG-1"], ["panel"],
        ]
        for read in reads {
            let result = try CabProcess.run(read + ["--db", path], environment: sandbox.environment)
            expectOneLineError(result, "no Cabinet database at \(path): check --db (or CAB_DB); commands that write, like cab import or cab change add, create one")
            #expect(!FileManager.default.fileExists(atPath: folder), "cab \(read.joined(separator: " ")) created \(folder)")
        }
        var environment = sandbox.environment
        environment["CAB_DB"] = path
        expectOneLineError(try CabProcess.run(["report"], environment: environment),
                           "no Cabinet database at \(path): check --db (or CAB_DB); commands that write, like cab import or cab change add, create one")
        #expect(!FileManager.default.fileExists(atPath: folder))
    }

    @Test func aCommandThatWritesStillCreatesTheStoreAndItsFolder() throws {
        let path = sandbox.path + "/new/cabinet.sqlite"
        let added = try CabProcess.run(["freeze", "add", "--from", "2026-12-20", "--to", "2027-01-04", "--reason", "Holiday freeze", "--db", path],
                                       environment: sandbox.environment)
        #expect(added.status == 0, "\(added.stderr)")
        #expect(try CabProcess.run(["freeze", "list", "--db", path], environment: sandbox.environment).stdout.contains("Holiday freeze"))
    }

    @Test func anEmptyDatabaseOrAnUnreadableClockIsAnErrorNotADefault() throws {
        let document = try sandbox.write("company.json", smallDocument)
        for command in [["report"], ["import", document], ["demo", "--quiet"]] {
            expectOneLineError(try CabProcess.run(command + ["--db", ""], environment: sandbox.environment),
                               "--db: empty: give a database file or a postgres:// URL")
        }
        var environment = sandbox.environment
        environment["CAB_DB"] = ""
        expectOneLineError(try CabProcess.run(["report"], environment: environment), "CAB_DB: set but empty: unset it or give a database")
        environment = sandbox.environment
        environment["CAB_NOW"] = "tomorrow"
        let clock = try CabProcess.run(["report", "--db", sandbox.db], environment: environment)
        #expect(clock.status == 1)
        #expect(clock.stderr.hasPrefix("cab: CAB_NOW: "), "\(clock.stderr)")
        #expect(clock.stderr.split(separator: "\n").count == 1)
        #expect(!FileManager.default.fileExists(atPath: sandbox.path + "/data"), "a default store was created")
        #expect(!FileManager.default.fileExists(atPath: sandbox.db))
    }

    @Test func conflictingOutputFormatsAreRefusedInOneLine() throws {
        _ = try sandbox.cab("import", try sandbox.write("company.json", smallDocument))
        expectOneLineError(try sandbox.cab("report", "--json", "--csv"), "--csv --json: choose one output format")
        expectOneLineError(try sandbox.cab("report", "--json", "--markdown"), "--json --markdown: choose one output format")
        expectOneLineError(try sandbox.cab("report", "--markdown", "--csv", "--sql"), "--csv --markdown --sql: choose one output format")
        expectOneLineError(try sandbox.cab("minutes", "--json", "--markdown"), "--json --markdown: choose one output format")
    }
}

/// A store this user may read but not write: reads work, writes say why they cannot.
@Suite struct ReadOnlyStoreTests {
    let sandbox = Sandbox()

    /// `cab arguments --db <the sandbox's store>` as a user who may not write it: `nobody` when
    /// the tests run as root (root may write anything), else this user with the files made read-only.
    func cabAsReader(_ arguments: String...) throws -> CabProcess.Result {
        let command = arguments + ["--db", sandbox.db]
        guard getuid() == 0 else { return try CabProcess.run(command, environment: sandbox.environment) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", CabProcess.binary] + command
        process.environment = sandbox.environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return CabProcess.finish((process, out, err))
    }

    @Test func aReaderReadsAReadOnlyStoreAndAWriteSaysItIsReadOnly() throws {
        _ = try sandbox.cab("import", try sandbox.write("company.json", smallDocument))
        let expected = try sandbox.cab("report").stdout
        if getuid() != 0 {
            for file in [sandbox.db, sandbox.db + "-wal", sandbox.db + "-shm", sandbox.db + ".lock", sandbox.path] {
                try? FileManager.default.setAttributes([.posixPermissions: file == sandbox.path ? 0o555 : 0o444], ofItemAtPath: file)
            }
        }
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: sandbox.path) }
        let before = try #require(sandbox.bytes(sandbox.db))

        let report = try cabAsReader("report")
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout == expected)

        let write = try cabAsReader("freeze", "add", "--from", "2026-12-20", "--to", "2027-01-04", "--reason", "Holiday freeze")
        #expect(write.status == 1)
        #expect(write.stderr.hasPrefix("cab: cannot use the database \(sandbox.db): the file or its folder is read-only for this user: ask its owner for write access"),
                "\(write.stderr)")
        #expect(sandbox.bytes(sandbox.db) == before)
    }

    @Test func aReadOnlyStoreThatAnOlderCabWroteSaysWhoMustUpgradeIt() throws {
        _ = try sandbox.cab("import", try sandbox.write("company.json", smallDocument))
        // Its last migration undone; the WAL kept, as cab keeps it, so a reader can open the file.
        let older = try Spawn.run("/usr/bin/sqlite3", [sandbox.db, ".filectrl persist_wal 1", "DELETE FROM grdb_migrations WHERE identifier LIKE 'v4%'"],
                                  environment: [:])
        #expect(older.status == 0)
        if getuid() != 0 {
            for file in [sandbox.db, sandbox.db + "-wal", sandbox.db + "-shm", sandbox.path] {
                try? FileManager.default.setAttributes([.posixPermissions: file == sandbox.path ? 0o555 : 0o444], ofItemAtPath: file)
            }
        }
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: sandbox.path) }
        let report = try cabAsReader("report")
        #expect(report.status == 1)
        #expect(report.stderr == "cab: cannot use the database \(sandbox.db): an older cab wrote it and it is read-only for this user: "
                + "someone who may write it must open it once with this cab\n")
    }

    @Test(.enabled(if: getuid() == 0, "needs a second user"))
    func aStoreSharedByAGroupIsWrittenThoughAnotherUserMadeItsLockFile() throws {
        _ = try sandbox.cab("import", try sandbox.write("company.json", smallDocument))
        // The folder and the database are everyone's to write; the lock file stays root's, 0644.
        for file in [sandbox.db, sandbox.db + "-wal", sandbox.db + "-shm", sandbox.path] {
            try FileManager.default.setAttributes([.posixPermissions: file == sandbox.path ? 0o777 : 0o666], ofItemAtPath: file)
        }
        let added = try cabAsReader("freeze", "add", "--from", "2026-12-20", "--to", "2027-01-04", "--reason", "Holiday freeze")
        #expect(added.status == 0, "\(added.stderr)")
        #expect(try sandbox.cab("freeze", "list").stdout.contains("Holiday freeze"))
    }
}
