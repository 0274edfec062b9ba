import CabinetModel
import CabinetStore
import Foundation
import PostgresNIO

/// Counts the NOTIFYs of other clients' writes to Cabinet's tables on a connection of its own,
/// so a board learns of a write made anywhere else without querying the server (its own
/// writes it reloads after anyway, as SQLite's `data_version` ignores a connection's own). A lost connection is reopened in the
/// background at most once a second; until then the count is unavailable (the board shows
/// "reconnecting"), and reopening counts as a change, since notifications may have been missed.
final class ChangeNotifications: @unchecked Sendable {
    private enum Link {
        case none
        case listening(PostgresConnection)
        case connecting
        case down(CabinetError, since: ContinuousClock.Instant)
    }

    private let connections: PostgresConnections
    private let lock = NSLock()
    private var link = Link.none
    private var count = 0
    /// When the listening connection was last asked to answer: a server that stops answering
    /// (frozen, or cut off without a reset) would otherwise leave the board waiting unaware.
    private var lastPing = ContinuousClock.now

    init(connections: PostgresConnections) {
        self.connections = connections
    }

    deinit {
        if case .listening(let connection) = link { PostgresConnections.close(connection) }
    }

    /// A number that grows with every notification and every reconnection.
    func version() throws(CabinetError) -> Int {
        enum Next { case count(Int), fail(CabinetError), connect }
        let next: Next = lock.withLock {
            switch link {
            case .listening(let connection) where !connection.isClosed:
                if ContinuousClock.now - lastPing >= Self.pingInterval {
                    lastPing = .now
                    ping(connection)
                }
                return .count(count)
            case .listening:
                let lost = PostgresErrors.lost(connections.location)
                link = .down(lost, since: .now)
                return .fail(lost)
            case .connecting:
                return .fail(reconnecting())
            case .down(let error, let since):
                if ContinuousClock.now - since >= .seconds(1) {
                    link = .connecting
                    reconnectInBackground()
                }
                return .fail(error)
            case .none:
                link = .connecting
                return .connect
            }
        }
        switch next {
        case .count(let count): return count
        case .fail(let error): throw error
        // The first connection is made while the caller waits, so a wrong password shows at once.
        case .connect: return try listen(countingIt: false)
        }
    }

    private func reconnectInBackground() {
        Thread.detachNewThread { [weak self] in _ = try? self?.listen(countingIt: true) }
    }

    /// Connects, listens, then makes one round trip on the same connection: once it returns,
    /// LISTEN is in force, so no write after it goes unnoticed. A reconnection counts as a
    /// change, since notifications may have been missed meanwhile.
    private func listen(countingIt reconnected: Bool) throws(CabinetError) -> Int {
        let ownName = connections.clientName
        var opened: PostgresConnection?
        do {
            let connection = try connections.connect()
            opened = connection
            connection.addListener(channel: PostgresSchema.channel) { [weak self] _, notification in
                guard notification.payload != ownName else { return }
                self?.lock.withLock { self?.count += 1 }
            }
            _ = try connection.query("SELECT 1", logger: connections.logger).wait()
            return lock.withLock {
                if reconnected { count += 1 }
                link = .listening(connection)
                return count
            }
        } catch {
            if let opened { PostgresConnections.close(opened) }
            let translated = PostgresErrors.translate(error, location: connections.location)
            lock.withLock { link = .down(translated, since: .now) }
            throw translated
        }
    }

    static let pingInterval = Duration.seconds(5)

    /// Asks the listening connection for a round trip without waiting; no answer within the
    /// ping interval closes it, and the next look reconnects.
    private func ping(_ connection: PostgresConnection) {
        _ = PostgresConnections.closing(connection, unless: connection.query("SELECT 1", logger: connections.logger), within: .seconds(5))
    }

    private func reconnecting() -> CabinetError {
        .storeDisconnected(store: connections.location.description, problem: "reconnecting to \(connections.location.host):\(connections.location.port)")
    }
}
