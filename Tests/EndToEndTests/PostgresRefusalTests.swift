import Foundation
import Testing

/// Refusals on a team's PostgreSQL store name their real cause and what to do: a password the
/// server asked for, who may give roles, and where a decision's other name came from.
@Suite(.serialized) struct PostgresRefusalTests {
    let sandbox = Sandbox()
    let server: ThrowawayPostgres
    let admin: URLComponents

    init() throws {
        // A server of its own: the roles are the cluster's, and these tests set them up.
        server = try ThrowawayPostgres()
        admin = try #require(URLComponents(string: server.url))
    }

    /// The server's URL signed in as `user` (with `password`, if any).
    func url(_ user: String, password: String?) -> String {
        var url = admin
        url.user = user
        url.password = password
        return url.string ?? ""
    }

    func cab(_ arguments: [String], environment extra: [String: String] = [:], input: String? = nil) throws -> CabProcess.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CabProcess.binary)
        process.arguments = arguments
        process.environment = sandbox.environment.merging(extra) { $1 }
        let out = Pipe(), err = Pipe(), stdin = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = stdin
        try process.run()
        stdin.fileHandleForWriting.write(Data((input ?? "").utf8))
        try stdin.fileHandleForWriting.close()
        return CabProcess.finish((process, out, err))
    }

    /// A login of `role` with its own password, on the server's store with roles set up.
    func login(_ name: String, _ role: String) throws -> String {
        let granted = try cab(["admin", "roles", "grant", name, role, "--password-stdin", "--db", server.url], input: "pw-\(name)\n")
        #expect(granted.status == 0, "\(granted.stderr)")
        return url(name, password: "pw-\(name)")
    }

    @Test func aURLWithoutThePasswordTheServerAsksForSaysSoAndHow() throws {
        let result = try cab(["report", "--db", url(admin.user ?? "", password: nil)])
        #expect(result.status == 1)
        #expect(result.stderr == "cab: cannot use the database \(url(admin.user ?? "", password: nil)): \(admin.host ?? ""):\(admin.port ?? 0) asks for "
                + "\(admin.user ?? "")'s password and none was given: put it in the URL (postgres://\(admin.user ?? ""):PASSWORD@…) or in PGPASSWORD\n")
    }

    @Test func aMemberGivingARoleIsToldWhoMayGiveRoles() throws {
        #expect(try cab(["admin", "roles", "init", "--db", server.url]).status == 0)
        let member = try login("mia", "member")
        let refused = try cab(["admin", "roles", "grant", "sam", "reader", "--db", member])
        #expect(refused.status == 1)
        #expect(refused.stderr == "cab: mia may not give roles: run cab admin roles grant signed in as the owner of the store's tables (or a login with CREATEROLE)\n")
    }

    @Test func aChairDecidingUnderAnotherNameIsToldWhereThatNameCameFrom() throws {
        #expect(try cab(["import", try sandbox.write("company.json", smallDocument), "--db", server.url]).status == 0)
        #expect(try cab(["admin", "roles", "init", "--db", server.url]).status == 0)
        let chair = try login("carla", "chair")
        // The sandbox's CAB_USER is "tester"; no --by is given.
        let refused = try cab(["decide", "CHG-1", "approved", "--override", "rehearsed", "--db", chair])
        #expect(refused.status == 1)
        #expect(refused.stderr == "cab: a chair records decisions in their own name: CAB_USER says tester but you are signed in to the database as carla; "
                + "give --by carla or unset CAB_USER\n")
        let withBy = try cab(["decide", "CHG-1", "approved", "--by", "tester", "--override", "rehearsed", "--db", chair])
        #expect(withBy.stderr == "cab: a chair records decisions in their own name: --by says tester but you are signed in to the database as carla; give --by carla\n")
        #expect(try cab(["decide", "CHG-1", "approved", "--by", "carla", "--override", "rehearsed", "--db", chair]).status == 0)
    }
}
