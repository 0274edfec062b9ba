@testable import CabinetPostgres
import Testing
@testable import CabinetModel
@testable import CabinetStore

/// How a team's database is named on the command line, and how it is shown back: never with its password.
@Suite struct PostgresLocationTests {
    @Test func aURLNamesUserHostPortAndDatabase() throws {
        let location = try PostgresLocation(url: "postgres://priya:s3cret@db.internal:6432/cabinet", environment: [:])
        #expect(location.user == "priya" && location.password == "s3cret")
        #expect(location.host == "db.internal" && location.port == 6432 && location.database == "cabinet")
        #expect(location.description == "postgres://priya@db.internal:6432/cabinet")
    }

    @Test func withoutAPasswordPGPASSWORDIsUsedAndThePortDefaultsTo5432() throws {
        let location = try PostgresLocation(url: "postgresql://priya@db.internal/cabinet", environment: ["PGPASSWORD": "from-env"])
        #expect(location.password == "from-env" && location.port == 5432)
    }

    @Test func aURLMissingAPartIsAOneLineErrorWithoutThePassword() {
        for (url, problem) in [("postgres://:pw@db/cabinet", "names no user"), ("postgres://u:pw@db", "names no database"),
                               ("postgres://u:pw@/cabinet", "is not a postgres://")] {
            let error = #expect(throws: CabinetError.self) { _ = try PostgresLocation(url: url, environment: [:]) }
            #expect(error?.description.contains(problem) == true, "\(url): \(String(describing: error))")
            #expect(error?.description.contains("pw") == false, "\(url) leaks its password")
        }
    }

    @Test func tlsIsOffToThisMachinePreferredElsewhereAndAskedForWithSSLMode() throws {
        #expect(try PostgresLocation(url: "postgres://u@127.0.0.1/db", environment: [:]).tls == .disable)
        #expect(try PostgresLocation(url: "postgres://u@db.internal/db", environment: [:]).tls == .prefer)
        #expect(try PostgresLocation(url: "postgres://u@db.internal/db?sslmode=verify-full", environment: [:]).tls == .verifyFull)
        #expect(try PostgresLocation(url: "postgres://u@[::1]:6432/db", environment: [:]).description == "postgres://u@[::1]:6432/db")
        #expect(throws: CabinetError.invalidArgument(name: "--db", problem: "sslmode=maybe is not one of: disable, prefer, require, verify-full")) {
            _ = try PostgresLocation(url: "postgres://u@db/db?sslmode=maybe", environment: [:])
        }
    }

    @Test func redactingTakesOutOnlyThePassword() {
        #expect(PostgresLocation.redact("postgres://priya:s3cret@db:5432/cabinet") == "postgres://priya@db:5432/cabinet")
        #expect(PostgresLocation.redact("postgres://priya@db:5432/cabinet") == "postgres://priya@db:5432/cabinet")
        #expect(PostgresLocation.redact("/home/priya/cabinet.sqlite") == "/home/priya/cabinet.sqlite")
        #expect(PostgresLocation.redact("postgres:/priya:s3cret@db/cabinet") == "postgres:/priya@db/cabinet")
        #expect(PostgresLocation.redact("postgres://priya:s3@cret@db/cabinet") == "postgres://priya@db/cabinet")
        #expect(PostgresLocation.redact("postgres://priya@db/cabinet?password=s3cret&sslmode=require") == "postgres://priya@db/cabinet?password=…&sslmode=require")
        #expect(PostgresLocation.redact("host=db user=priya password='s3 cret' dbname=cabinet") == "host=db user=priya password=… dbname=cabinet")
    }

    @Test func aConnectionStringThatIsNotAURLIsRefusedWithoutItsPassword() {
        let error = #expect(throws: CabinetError.self) { _ = try PostgresLocation(url: "host=db user=priya password=s3cret", environment: [:]) }
        #expect(error?.description == "--db: host=db user=priya password=… is not a postgres://user@host:port/database URL")
    }

    @Test func theDatabaseOptionPicksTheEngine() throws {
        #expect(try StoreLocation.address(option: "postgres:/typo@h/db", environment: [:]) == .postgres(url: "postgres:/typo@h/db"))
        #expect(try StoreLocation.address(option: "host=db password=x", environment: [:]) == .postgres(url: "host=db password=x"))
        #expect(try StoreLocation.address(option: "postgres://u@h/db", environment: [:]) == .postgres(url: "postgres://u@h/db"))
        #expect(try StoreLocation.address(option: "/tmp/x.sqlite", environment: ["CAB_DATABASE_URL": "postgres://u@h/db"]) == .file("/tmp/x.sqlite"))
        #expect(try StoreLocation.address(option: nil, environment: ["CAB_DATABASE_URL": "postgres://u@h/db", "CAB_DB": "/tmp/y"]) == .postgres(url: "postgres://u@h/db"))
        #expect(try StoreLocation.address(option: nil, environment: ["CAB_DB": "/tmp/y"]) == .file("/tmp/y"))
    }
}

/// The shared SQL as PostgreSQL's extended protocol takes it.
@Suite struct PostgresStatementTests {
    @Test func placeholdersAreNumberedOutsideQuotes() {
        #expect(PostgresSession.numberedPlaceholders("SELECT ? , '?' , \"a?\" WHERE x = ? AND y = ?") == "SELECT $1 , '?' , \"a?\" WHERE x = $2 AND y = $3")
    }
}
