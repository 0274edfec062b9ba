import CabinetModel
import CabinetStore

extension PostgresStore {
    /// Runs one statement on a connection of its own to `location`, outside any transaction and
    /// without opening a store there: for what a transaction refuses (CREATE or DROP DATABASE).
    public static func runOutsideTransaction(_ sql: String, at location: PostgresLocation) throws(CabinetError) {
        try PostgresConnections(location: location).with { session in try session.execute(sql, []) }
    }
}
