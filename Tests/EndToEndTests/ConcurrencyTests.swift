import Foundation
import Testing

/// Several `cab` processes on one file at once, as on a shared jump host.
@Suite struct ConcurrencyTests {
    let sandbox = Sandbox()

    @Test func twoChairsDecidingTheSameItemAtOnceRecordExactlyOneDecision() throws {
        _ = try sandbox.cab("import", try sandbox.write("company.json", smallDocument))
        for round in 1...5 {
            let id = "RACE-\(round)"
            let added = try sandbox.cab("change", "add", "--id", id, "--title", "race", "--team", "orders", "--type", "normal",
                                        "--category", "infrastructure", "--risk", "high", "--service", "Order Service")
            #expect(added.status == 0)
            let racers = try ["priya", "marcus"].map { chair in
                try CabProcess.start(["decide", id, "approved", "--by", chair, "--override", "race", "--db", sandbox.db], environment: sandbox.environment)
            }
            let results = racers.map(CabProcess.finish)
            #expect(results.filter { $0.status == 0 }.count == 1, "round \(round): \(results.map(\.stderr))")
            let loser = try #require(results.first { $0.status != 0 })
            #expect(loser.stderr.contains("\(id) already decided by "))
            let shown = try sandbox.cab("change", "show", id, "--json")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])
            #expect((object["decisions"] as? [Any])?.count == 1)
        }
    }

    @Test func processesOpeningAFreshDatabaseAtOnceDoNotRaceInMigrations() throws {
        for round in 1...5 {
            let db = sandbox.path + "/fresh-\(round).sqlite"
            let files = try (1...3).map { index in
                try sandbox.write("part-\(round)-\(index).json", """
                    {"services": [{"name": "S\(index)", "team": "t\(index)", "dependsOn": []}]}
                    """)
            }
            let results = try files.map { try CabProcess.start(["import", $0, "--db", db], environment: sandbox.environment) }.map(CabProcess.finish)
            #expect(results.allSatisfy { $0.status == 0 }, "round \(round): \(results.map(\.stderr))")
            let exported = try CabProcess.run(["export", "--db", db], environment: sandbox.environment)
            #expect(["\"S1\"", "\"S2\"", "\"S3\""].allSatisfy(exported.stdout.contains))
        }
    }
}
