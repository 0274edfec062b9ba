import Foundation

/// The built `cab` binary, run as a user would: arguments in, exit status and output back.
struct CabProcess {
    /// Beside the test bundle in the build folder; `CAB_BINARY` overrides.
    static let binary: String = {
        if let path = ProcessInfo.processInfo.environment["CAB_BINARY"] { return path }
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        return bundle.appendingPathComponent("cab").path
    }()

    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// The environment every run gets: a pinned clock, a fixed user, a private data folder.
    static func environment(home: String, now: String = "2026-11-27T08:00:00Z") -> [String: String] {
        ["CAB_NOW": now, "CAB_USER": "tester", "XDG_DATA_HOME": home + "/data", "HOME": home, "PATH": "/usr/bin:/bin",
         "LANG": "C.UTF-8", "SWIFT_BACKTRACE": "enable=no"]
    }

    /// Starts `cab arguments` without waiting, for races between processes.
    static func start(_ arguments: [String], environment: [String: String]) throws -> (Process, Pipe, Pipe) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return (process, out, err)
    }

    static func finish(_ started: (Process, Pipe, Pipe)) -> Result {
        let (process, out, err) = started
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }

    static func run(_ arguments: [String], environment: [String: String]) throws -> Result {
        finish(try start(arguments, environment: environment))
    }
}

/// A private folder per test: a home with its own data folder and database.
final class Sandbox {
    let path: String
    let environment: [String: String]

    init(now: String = "2026-11-27T08:00:00Z") {
        path = NSTemporaryDirectory() + "cab-e2e-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        environment = CabProcess.environment(home: path, now: now)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    var db: String { path + "/cabinet.sqlite" }

    /// `cab arguments --db <this sandbox's database>`.
    func cab(_ arguments: String...) throws -> CabProcess.Result { try cab(arguments) }

    func cab(_ arguments: [String]) throws -> CabProcess.Result {
        try CabProcess.run(arguments + ["--db", db], environment: environment)
    }

    func write(_ name: String, _ text: String) throws -> String {
        let file = path + "/" + name
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }

    func bytes(_ file: String) -> Data? { FileManager.default.contents(atPath: file) }

    /// Runs SQL on a database (this sandbox's by default) with the `sqlite3` shell, as another
    /// client of the file would, past every check of cab's own.
    func sqlite(_ sql: String, db: String? = nil) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [db ?? self.db, sql]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw SQLiteShellFailure(sql: sql, status: process.terminationStatus) }
    }
}

/// The `sqlite3` shell refused a statement.
struct SQLiteShellFailure: Error {
    let sql: String
    let status: Int32
}

/// How many items today's queue of the store `db` holds (`cab queue --json`), as a board opened now counts them waiting.
func queueLength(_ db: String, environment: [String: String]) throws -> Int {
    let queue = try CabProcess.run(["queue", "--json", "--db", db], environment: environment)
    let items = (try JSONSerialization.jsonObject(with: Data(queue.stdout.utf8)) as? [String: Any])?["items"] as? [Any]
    guard queue.status == 0, let items else { throw TmuxSession.Failure(description: "cab queue: \(queue.stderr)") }
    return items.count
}
