import CabinetModel
import CabinetStore
import Foundation
import Logging
import PostgresNIO

/// The store's connections to one PostgreSQL database: idle ones are reused, a broken one is
/// dropped and the next call opens a fresh one, so a restarted server is simply reconnected to.
final class PostgresConnections: @unchecked Sendable {
    let location: PostgresLocation
    /// Silent: nothing postgres-nio logs (connection details included) reaches the terminal.
    let logger = Logger(label: "cabinet.postgres", factory: { _ in SwiftLogNoOpLogHandler() })
    /// The `application_name` of every connection of this store, which its writes' notifications
    /// carry: `cab-` and a random suffix.
    let clientName = "cab-" + UUID().uuidString.prefix(8).lowercased()
    private let lock = NSLock()
    private var idle: [PostgresConnection] = []
    private var nextID = 1

    init(location: PostgresLocation) {
        self.location = location
    }

    deinit {
        for connection in idle { Self.close(connection) }
    }

    /// Closes `connection` unless `future` completes within `limit`: a server that stops
    /// answering (frozen, or cut off without a reset) fails the wait instead of hanging it.
    static func closing<T>(_ connection: PostgresConnection, unless future: EventLoopFuture<T>, within limit: TimeAmount) -> EventLoopFuture<T> {
        let deadline = connection.eventLoop.scheduleTask(in: limit) {
            let _: EventLoopFuture<Void> = connection.close()
        }
        future.whenComplete { _ in deadline.cancel() }
        return future
    }

    /// Closes a connection and waits for it, unless on its event loop (a store released from a
    /// notification handler), where the close completes on its own, keeping the connection alive.
    static func close(_ connection: PostgresConnection) {
        if connection.eventLoop.inEventLoop {
            connection.close().whenComplete { _ in withExtendedLifetime(connection) {} }
        } else {
            try? connection.close().wait()
        }
    }

    /// Runs `body` on a connection of its own; failures become one-line `CabinetError`s. After
    /// a failure the connection is closed, not reused: it may be broken or inside a failed
    /// transaction.
    func with<T>(_ body: (PostgresSession) throws -> T) throws(CabinetError) -> T {
        let connection = try take()
        do {
            let result = try body(PostgresSession(connection: connection, logger: logger))
            give(connection)
            return result
        } catch {
            Self.close(connection)
            throw PostgresErrors.translate(error, location: location)
        }
    }

    /// Opens a new connection, waiting at most five seconds for the server.
    func connect() throws(CabinetError) -> PostgresConnection {
        var configuration = PostgresConnection.Configuration(
            host: location.host, port: location.port, username: location.user, password: location.password,
            database: location.database, tls: try tls())
        configuration.options.connectTimeout = .seconds(5)
        configuration.options.additionalStartupParameters = [("application_name", clientName)]
        let id = lock.withLock { () -> Int in
            defer { nextID += 1 }
            return nextID
        }
        do {
            return try PostgresConnection.connect(
                on: PostgresConnection.defaultEventLoopGroup.any(), configuration: configuration, id: id, logger: logger
            ).wait()
        } catch {
            throw PostgresErrors.translate(error, location: location, connecting: true)
        }
    }

    /// The TLS of `location.tls`; made once, on first use.
    private func tls() throws(CabinetError) -> PostgresConnection.Configuration.TLS {
        guard location.tls != .disable else { return .disable }
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.certificateVerification = location.tls == .verifyFull ? .fullVerification : .none
        do {
            let context = try NIOSSLContext(configuration: configuration)
            return location.tls == .prefer ? .prefer(context) : .require(context)
        } catch {
            throw .storeUnavailable(path: location.description, problem: "cannot set up TLS (\(error))")
        }
    }

    private func take() throws(CabinetError) -> PostgresConnection {
        while let connection = lock.withLock({ idle.popLast() }) {
            if !connection.isClosed { return connection }
        }
        return try connect()
    }

    private func give(_ connection: PostgresConnection) {
        guard !connection.isClosed else { return }
        lock.withLock { idle.append(connection) }
    }
}
