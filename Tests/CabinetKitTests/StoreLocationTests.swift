import Testing
@testable import CabinetKit

@Suite struct StoreLocationTests {
    @Test func theDatabaseIsTheOptionElseCAB_DBElseTheXDGDataFolder() {
        let environment = ["XDG_DATA_HOME": "/data", "HOME": "/home/priya", "CAB_DB": "/shared/cab.sqlite"]
        #expect(StoreLocation.path(option: "/tmp/x.sqlite", environment: environment) == "/tmp/x.sqlite")
        #expect(StoreLocation.path(option: nil, environment: environment) == "/shared/cab.sqlite")
        #expect(StoreLocation.path(option: nil, environment: ["XDG_DATA_HOME": "/data", "HOME": "/home/priya"]) == "/data/cabinet/cabinet.sqlite")
        #expect(StoreLocation.path(option: nil, environment: ["HOME": "/home/priya"]) == "/home/priya/.local/share/cabinet/cabinet.sqlite")
        #expect(StoreLocation.path(option: nil, environment: ["HOME": "/home/priya", "XDG_DATA_HOME": ""]) == "/home/priya/.local/share/cabinet/cabinet.sqlite")
    }
}
