import Testing
@testable import CabinetModel
@testable import CabinetStore

@Suite struct StoreLocationTests {
    @Test func theDatabaseIsTheOptionElseCAB_DBElseTheXDGDataFolder() {
        let environment = ["XDG_DATA_HOME": "/data", "HOME": "/home/priya", "CAB_DB": "/shared/cab.sqlite"]
        #expect(StoreLocation.path(option: "/tmp/x.sqlite", environment: environment) == "/tmp/x.sqlite")
        #expect(StoreLocation.path(option: nil, environment: environment) == "/shared/cab.sqlite")
        #expect(StoreLocation.path(option: nil, environment: ["XDG_DATA_HOME": "/data", "HOME": "/home/priya"]) == "/data/cabinet/cabinet.sqlite")
        #expect(StoreLocation.path(option: nil, environment: ["HOME": "/home/priya"]) == "/home/priya/.local/share/cabinet/cabinet.sqlite")
        #expect(StoreLocation.path(option: nil, environment: ["HOME": "/home/priya", "XDG_DATA_HOME": ""]) == "/home/priya/.local/share/cabinet/cabinet.sqlite")
    }

    @Test func anEmptyDatabaseOptionOrVariableIsAMistakeNotTheDefault() {
        let option = #expect(throws: CabinetError.self) { _ = try StoreLocation.address(option: "", environment: ["HOME": "/home/priya"]) }
        #expect(option?.description == "--db: empty: give a database file or a postgres:// URL")
        let variable = #expect(throws: CabinetError.self) { _ = try StoreLocation.address(option: nil, environment: ["HOME": "/home/priya", "CAB_DB": ""]) }
        #expect(variable?.description == "CAB_DB: set but empty: unset it or give a database")
        for blank in [" ", "\t"] {
            let spaces = #expect(throws: CabinetError.self) { _ = try StoreLocation.address(option: blank, environment: ["HOME": "/home/priya"]) }
            #expect(spaces?.description == "--db: empty: give a database file or a postgres:// URL")
            #expect(throws: CabinetError.self) { _ = try StoreLocation.address(option: nil, environment: ["HOME": "/home/priya", "CAB_DB": blank]) }
        }
    }

    @Test func aKeywordValueConnectionStringIsPostgresAndAPathWithAnEqualsSignIsAFile() throws {
        #expect(try StoreLocation.address(option: " host = db dbname=cab", environment: [:]) == .postgres(url: " host = db dbname=cab"))
        #expect(try StoreLocation.address(option: "postgresql://priya@db/cab", environment: [:]) == .postgres(url: "postgresql://priya@db/cab"))
        for file in ["cab.sqlite", "/tmp/a=b.sqlite", "=db", "host=", "host= ", "my file=x"] {
            #expect(try StoreLocation.address(option: file, environment: [:]) == .file(file), "\(file)")
        }
    }
}
