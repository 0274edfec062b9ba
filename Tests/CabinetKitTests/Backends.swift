import CabinetPostgres
import Foundation
import Testing
@testable import CabinetModel
@testable import CabinetStore

/// The engines a store runs on: the store tests run once on each.
enum Backend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite, postgres

    var testDescription: String { rawValue }
}

/// The test cluster that `scripts/test` starts, reached as its superuser.
enum TestCluster {
    struct NotRunning: Error, CustomStringConvertible {
        var description: String {
            "CAB_TEST_POSTGRES_URL is not set: run scripts/test, which starts PostgreSQL, or set CAB_TEST_POSTGRES_URL "
                + "to a superuser's postgres://user:password@host:port/database (scripts/postgres-cluster start DIR prints one)"
        }
    }

    /// The superuser's location, on the maintenance database `postgres`: creating and dropping
    /// databases there leaves the cluster's own `cabinet` database alone. Without a cluster the
    /// test case is skipped with the reason, unless `CAB_TEST_REQUIRE_POSTGRES` is 1 (`scripts/test`
    /// sets it, so CI fails instead of skipping).
    static func admin() throws -> PostgresLocation {
        guard let location = try location() else {
            if ProcessInfo.processInfo.environment["CAB_TEST_REQUIRE_POSTGRES"] == "1" { throw NotRunning() }
            _ = skipping
            try Test.cancel(Comment(rawValue: NotRunning().description))
        }
        return location
    }

    /// Said once on standard error: the console does not list cancelled test cases.
    private static let skipping: Void = FileHandle.standardError.write(Data("PostgreSQL test cases are skipped: \(NotRunning())\n".utf8))

    /// The superuser's location when a cluster is set, nil when none is.
    static func location() throws -> PostgresLocation? {
        guard let url = ProcessInfo.processInfo.environment["CAB_TEST_POSTGRES_URL"], !url.isEmpty else { return nil }
        var location = try PostgresLocation(url: url)
        location.database = "postgres"
        return location
    }

    /// `prefix_` and 12 random lower-case hex digits: a database or login name no other test run uses.
    static func uniqueName(_ prefix: String) -> String {
        prefix + "_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(12)
    }
}

/// Fresh, empty stores for one test, each on a database of its own: a file in a temporary folder
/// on SQLite, a database created for it on the test cluster on PostgreSQL. The databases (dropped
/// even while connected) and the logins it made go away with it, so hold it for the whole test:
/// a suite's `let stores = TestStores()` lives as long as each of its tests.
final class TestStores: @unchecked Sendable {
    private let folder = TemporaryFolder()
    private let lock = NSLock()
    private var files = 0
    private var databases: [String] = []
    private var logins: [String] = []

    deinit {
        guard let admin = try? TestCluster.location() else { return }
        for database in databases {
            do { try PostgresStore.runOutsideTransaction("DROP DATABASE IF EXISTS \"\(database)\" WITH (FORCE)", at: admin) } catch {
                warn("could not drop the test database \(database): \(error)")
            }
        }
        for login in logins {
            do { try PostgresStore.runOutsideTransaction("DROP ROLE IF EXISTS \"\(login)\"", at: admin) } catch {
                warn("could not drop the test login \(login): \(error)")
            }
        }
    }

    /// After its test has ended there is no test to fail: a leftover only costs the throwaway cluster space.
    private func warn(_ text: String) {
        FileHandle.standardError.write(Data("TestStores: \(text)\n".utf8))
    }

    /// An empty store on `backend`.
    func fresh(_ backend: Backend) throws -> any SQLStore {
        switch backend {
        case .sqlite: try sqlite()
        case .postgres: try postgres()
        }
    }

    /// A store on `backend` holding `json` (an interchange document).
    func fresh(_ backend: Backend, holding json: String) throws -> any SQLStore {
        let store = try fresh(backend)
        _ = try store.importDocument(try InterchangeReader.read(Data(json.utf8), source: "fixture.json"), source: "fixture.json")
        return store
    }

    func sqlite() throws -> SQLiteStore {
        let number = lock.withLock { () -> Int in
            files += 1
            return files
        }
        return try SQLiteStore(path: "\(folder.path)/store-\(number).sqlite")
    }

    /// A store on a new database of the test cluster, its tables owned by the superuser. The
    /// database sorts text as the cluster does (`scripts/test`'s: by bytes, like SQLite) unless
    /// `icuLocale` names another order, like most clusters' `en-US`.
    func postgres(icuLocale: String? = nil) throws -> PostgresStore {
        try PostgresStore(location: try emptyDatabase(icuLocale: icuLocale))
    }

    /// A new database of the test cluster with nothing in it yet, not even Cabinet's tables.
    func emptyDatabase(icuLocale: String? = nil) throws -> PostgresLocation {
        var location = try TestCluster.admin()
        let name = TestCluster.uniqueName("cabinet_test")
        let collation = icuLocale.map { " TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE '\($0)' LOCALE 'C.UTF-8'" } ?? ""
        try PostgresStore.runOutsideTransaction("CREATE DATABASE \"\(name)\"\(collation)", at: location)
        lock.withLock { databases.append(name) }
        location.database = name
        return location
    }

    /// Another store on the same database as `store`, as another process would open it.
    func another(_ store: any SQLStore) throws -> any SQLStore {
        switch store {
        case let sqlite as SQLiteStore: return try SQLiteStore(path: sqlite.path)
        case let postgres as PostgresStore: return try PostgresStore(location: postgres.location)
        default: throw CabinetError.refused("no second connection for \(type(of: store))")
        }
    }

    /// A new login of the cluster given `role` (named `prefix_…`), and a store on `store`'s
    /// database signed in as it.
    func login(_ role: TeamRole, named prefix: String, on store: PostgresStore) throws -> (name: String, store: PostgresStore) {
        let name = TestCluster.uniqueName(prefix)
        let password = "pw-" + UUID().uuidString
        lock.withLock { logins.append(name) }
        try PostgresRoles.grant(role, to: name, password: password, in: store)
        var location = store.location
        location.user = name
        location.password = password
        return (name, try PostgresStore(location: location))
    }
}

/// Runs `sql` in a write transaction of `store`, as anyone holding the database could.
func rawWrite(_ sql: String, _ arguments: [SQLValue] = [], in store: some SQLStore) throws(CabinetError) {
    try store.writing { db in try db.execute(sql, arguments) }
}

/// Asks `condition` until it holds or `seconds` pass (what arrives asynchronously, like a
/// PostgreSQL notification); true if it held.
func eventually(within seconds: Double = 5, _ condition: () throws -> Bool) rethrows -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while true {
        if try condition() { return true }
        if Date() >= deadline { return false }
        Thread.sleep(forTimeInterval: 0.02)
    }
}

/// Runs `body(0)` … `body(count - 1)` at once, each on a thread of its own (not the shared pool,
/// which the tests running alongside keep busy), and returns when all have.
func onThreads(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
    let done = DispatchGroup()
    for index in 0..<count {
        done.enter()
        Thread.detachNewThread {
            body(index)
            done.leave()
        }
    }
    done.wait()
}
