import Foundation
import Testing

/// `cab` pointed at a PostgreSQL database that refuses it: one line naming the host, never the
/// password, no stack trace, exit status 1.
@Suite struct PostgresCommandLineTests {
    let sandbox = Sandbox()

    /// The test cluster's port, from the URL that `scripts/test` exports. Without one the test is
    /// skipped with the reason, unless `CAB_TEST_REQUIRE_POSTGRES` is 1 (as `scripts/test` sets it).
    func port() throws -> Int {
        guard let url = ProcessInfo.processInfo.environment["CAB_TEST_POSTGRES_URL"], let components = URLComponents(string: url),
              let port = components.port else {
            let reason = "CAB_TEST_POSTGRES_URL is not set: run scripts/test, which starts PostgreSQL"
            if ProcessInfo.processInfo.environment["CAB_TEST_REQUIRE_POSTGRES"] == "1" { throw TmuxSession.Failure(description: reason) }
            try Test.cancel(Comment(rawValue: reason))
        }
        return port
    }

    func expectOneLine(_ arguments: [String], environment extra: [String: String] = [:], naming: String, saying: String,
                       sourceLocation: SourceLocation = #_sourceLocation) throws {
        let result = try CabProcess.run(arguments, environment: sandbox.environment.merging(extra) { $1 })
        #expect(result.status == 1, sourceLocation: sourceLocation)
        #expect(result.stdout.isEmpty, sourceLocation: sourceLocation)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.hasPrefix("cab: ") && result.stderr.contains(naming) && result.stderr.contains(saying), "\(result.stderr)",
                sourceLocation: sourceLocation)
        #expect(!result.stderr.contains("not-the-password") && !result.stderr.contains("cab-admin-secret"), "\(result.stderr)",
                sourceLocation: sourceLocation)
    }

    @Test func aWrongPasswordIsOneLineNamingTheHost() throws {
        let port = try port()
        try expectOneLine(["report", "--db", "postgres://cab_admin:not-the-password@127.0.0.1:\(port)/cabinet"],
                          naming: "127.0.0.1:\(port)", saying: "wrong password or unknown user")
    }

    @Test func anUnreachableServerIsOneLineNamingTheHost() throws {
        try expectOneLine(["queue", "--db", "postgres://cab_admin:not-the-password@127.0.0.1:1/cabinet"],
                          naming: "127.0.0.1:1", saying: "connection refused")
        try expectOneLine(["queue"], environment: ["CAB_DATABASE_URL": "postgres://priya:not-the-password@no-such-host.invalid:5432/cabinet"],
                          naming: "no-such-host.invalid:5432", saying: "unknown host")
    }

    @Test func aMissingDatabaseIsOneLineWithoutThePassword() throws {
        let port = try port()
        try expectOneLine(["report", "--db", "postgres://cab_admin:cab-admin-secret@127.0.0.1:\(port)/no_such_database"],
                          naming: "127.0.0.1:\(port)", saying: "has no database 'no_such_database'")
    }

    @Test func requiringTLSFromAServerWithoutItIsOneLine() throws {
        let port = try port()
        try expectOneLine(["queue", "--db", "postgres://cab_admin:cab-admin-secret@127.0.0.1:\(port)/cabinet?sslmode=require"],
                          naming: "127.0.0.1:\(port)", saying: "does not offer TLS (sslmode=require)")
    }
}
