import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A one-request HTTP server on 127.0.0.1 for webhook tests: it answers `status` to the first
/// request and keeps its body.
final class LocalHTTPServer: @unchecked Sendable {
    let port: UInt16
    private let listener: Int32
    private let lock = NSLock()
    private var received: String?
    private let finished = DispatchSemaphore(value: 0)

    /// Listens on an ephemeral port of 127.0.0.1 and serves one request in the background.
    init(status: Int = 200) throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0 }
        }
        guard bound, listen(descriptor, 1) == 0 else {
            close(descriptor)
            throw POSIXError(.EADDRNOTAVAIL)
        }
        listener = descriptor
        port = UInt16(bigEndian: address.sin_port)
        Thread.detachNewThread { [self] in
            let connection = accept(descriptor, nil, nil)
            guard connection >= 0 else {
                finished.signal()
                return
            }
            let request = Self.readRequest(connection)
            let reply = "HTTP/1.1 \(status) Status\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"
            _ = reply.withCString { send(connection, $0, strlen($0), 0) }
            close(connection)
            lock.withLock { received = request }
            finished.signal()
        }
    }

    deinit { close(listener) }

    var url: String { "http://127.0.0.1:\(port)/hooks/cab" }

    /// The body of the request once it arrived (waits up to `seconds`).
    func body(waiting seconds: Double = 10) -> String? {
        guard finished.wait(timeout: .now() + seconds) == .success else { return nil }
        return lock.withLock { received }.flatMap { $0.components(separatedBy: "\r\n\r\n").dropFirst().first }
    }

    /// The whole request (request line, headers and body) once it arrived (waits up to `seconds`).
    func request(waiting seconds: Double = 10) -> String? {
        guard finished.wait(timeout: .now() + seconds) == .success else { return nil }
        return lock.withLock { received }
    }

    /// Reads headers, then as many body bytes as Content-Length says.
    private static func readRequest(_ connection: Int32) -> String {
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = recv(connection, &buffer, buffer.count, 0)
            guard count > 0 else { break }
            data += buffer[0..<count]
            let text = String(decoding: data, as: UTF8.self)
            guard let split = text.range(of: "\r\n\r\n") else { continue }
            let length = text[..<split.lowerBound].split(separator: "\r\n")
                .first { $0.lowercased().hasPrefix("content-length:") }
                .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
            if text.utf8.count - text[..<split.upperBound].utf8.count >= length { break }
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// A port on 127.0.0.1 where nothing listens (bound, then closed at once).
    static func closedPort() throws -> UInt16 {
        let server = try LocalHTTPServer()
        let port = server.port
        shutdown(server.listener, Int32(SHUT_RDWR))
        return port
    }
}
