import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
import CabinetModel
import CabinetStore
import TerminalKit
#endif

/// Posts JSON to a chat webhook and waits for the answer; any failure is one line naming the URL.
public enum Webhook {
    /// `{"text": …}`, which Slack and compatible chat webhooks post as a message; `&`, `<` and `>`
    /// are escaped as Slack asks, so a text cannot mention `<!channel>` or hide a link.
    public static func slackPayload(_ text: String) -> Data {
        (try? JSONSerialization.data(withJSONObject: ["text": SlackText.lines(text)], options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
    }

    public static func post(_ body: Data, to address: String, timeout: TimeInterval = 10) throws(CabinetError) {
        guard let url = URL(string: address), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme), url.host != nil else {
            throw .invalidArgument(name: "--webhook", problem: "'\(address)' is not an http or https URL")
        }
        var request = URLRequest(url: url, timeoutInterval: timeout)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = body
        let answer = Answer()
        let task = URLSession.shared.dataTask(with: request) { _, response, error in
            if let error {
                answer.settle(.unreachable(reason(error as? URLError ?? URLError(.unknown))))
            } else {
                answer.settle(.status((response as? HTTPURLResponse)?.statusCode ?? 0))
            }
        }
        task.resume()
        switch answer.wait() {
        case .status(let status) where (200..<300).contains(status):
            return
        case .status(let status):
            throw .refused("the webhook \(address) answered HTTP \(status): nothing was announced")
        case .unreachable(let reason):
            throw .refused("cannot reach the webhook \(address): \(reason): nothing was announced")
        }
    }

    /// What came back from the server, handed from URLSession's queue to the waiting command.
    private enum Reply: Sendable {
        case status(Int)
        case unreachable(String)
    }

    /// A one-shot box: the completion handler settles it, the command waits for it.
    private final class Answer: @unchecked Sendable {
        private let lock = NSLock()
        private let settled = DispatchSemaphore(value: 0)
        private var reply: Reply = .unreachable("no answer")

        func settle(_ reply: Reply) {
            lock.withLock { self.reply = reply }
            settled.signal()
        }

        func wait() -> Reply {
            settled.wait()
            return lock.withLock { reply }
        }
    }

    private static func reason(_ error: URLError) -> String {
        switch error.code {
        case .cannotConnectToHost: "connection refused"
        case .timedOut: "timed out"
        case .cannotFindHost, .dnsLookupFailed: "unknown host"
        case .networkConnectionLost: "the connection was lost"
        case .notConnectedToInternet: "no network"
        case .secureConnectionFailed, .serverCertificateUntrusted: "TLS failed"
        default: error.localizedDescription
        }
    }
}
