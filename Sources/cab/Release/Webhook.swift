import AsyncHTTPClient
import CabinetModel
import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// Posts JSON to a chat webhook and waits for the answer; any failure is one line naming the URL.
/// The request goes through AsyncHTTPClient on the NIO that the PostgreSQL store already links
/// (TLS through NIOSSL with the system's trust roots), through the proxy the environment names.
public enum Webhook {
    /// `{"text": …}`, which Slack and compatible chat webhooks post as a message; `&`, `<` and `>`
    /// are escaped as Slack asks, so a text cannot mention `<!channel>` or hide a link.
    public static func slackPayload(_ text: String) -> Data {
        (try? JSONSerialization.data(withJSONObject: ["text": SlackText.lines(text)], options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
    }

    public static func post(
        _ body: Data, to address: String, timeout: TimeInterval = 10,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(CabinetError) {
        guard let url = URL(string: address), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme), let host = url.host else {
            throw .invalidArgument(name: "--webhook", problem: "'\(address)' is not an http or https URL")
        }
        let proxy = try WebhookProxy.resolve(scheme: scheme, host: host, environment: environment)
        let limit = TimeAmount.milliseconds(Int64(timeout * 1000))
        var settings = HTTPClient.Configuration(timeout: .init(connect: limit, read: limit), proxy: proxy.map(configuration))
        // A refused connection is said at once, not retried until the deadline.
        settings.connectionPool.retryConnectionEstablishment = false
        let client = HTTPClient(eventLoopGroup: MultiThreadedEventLoopGroup.singleton, configuration: settings)
        defer { try? client.syncShutdown() }
        let status: UInt
        do {
            var request = try HTTPClient.Request(url: address, method: .POST, body: .bytes(body))
            request.headers.add(name: "Content-Type", value: "application/json")
            status = try client.execute(request: request, deadline: .now() + limit).wait().status.code
        } catch {
            throw .refused("cannot reach the webhook \(address): \(reason(error)): nothing was announced")
        }
        guard (200..<300).contains(status) else {
            throw .refused("the webhook \(address) answered HTTP \(status): nothing was announced")
        }
    }

    /// AsyncHTTPClient's form of the proxy.
    private static func configuration(_ proxy: WebhookProxy) -> HTTPClient.Configuration.Proxy {
        switch proxy.kind {
        case .socks: .socksServer(host: proxy.host, port: proxy.port)
        case .http:
            .server(host: proxy.host, port: proxy.port, authorization: proxy.credentials.map { .basic(username: $0.user, password: $0.password) })
        }
    }

    /// Why the request got no answer, in a few words.
    static func reason(_ error: any Error) -> String {
        switch error {
        case let error as NIOConnectionError:
            if let failure = error.connectionErrors.first { return reason(failure.error) }
            return error.dnsAError != nil || error.dnsAAAAError != nil ? "unknown host" : "cannot connect"
        case let error as IOError:
            switch error.errnoCode {
            case ECONNREFUSED: return "connection refused"
            case ENETUNREACH, EHOSTUNREACH: return "no network"
            case ETIMEDOUT: return "timed out"
            case ECONNRESET, EPIPE: return "the connection was lost"
            default: return String(cString: strerror(error.errnoCode))
            }
        case is NIOSSLError, is BoringSSLError: return "TLS failed"
        case let error as HTTPClientError:
            switch error {
            case .connectTimeout, .readTimeout, .writeTimeout, .deadlineExceeded, .getConnectionFromPoolTimeout: return "timed out"
            case .remoteConnectionClosed: return "the connection was lost"
            case .tlsHandshakeTimeout: return "TLS failed"
            case .invalidProxyResponse, .httpProxyHandshakeTimeout, .socksHandshakeTimeout: return "the proxy did not answer as a proxy"
            case .proxyAuthenticationRequired: return "the proxy asks for a user name and password"
            default: return error.description
            }
        default: return String(describing: error)
        }
    }
}
