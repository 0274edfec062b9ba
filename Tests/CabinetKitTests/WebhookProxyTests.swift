import CabinetModel
import Testing
@testable import cab

/// The proxy a webhook goes through is read from the environment as curl reads it.
@Suite struct WebhookProxyTests {
    @Test func httpsUsesHttpsProxyAndHttpUsesHttpProxyElseAllProxy() throws {
        let environment = ["HTTPS_PROXY": "http://alice:s%20cret@proxy.corp:3128", "http_proxy": "plain.corp:8080", "ALL_PROXY": "socks5://socks.corp"]
        #expect(try WebhookProxy.resolve(scheme: "https", host: "hooks.slack.com", environment: environment)
            == WebhookProxy(kind: .http, host: "proxy.corp", port: 3128, credentials: (user: "alice", password: "s cret")))
        // No scheme means an HTTP proxy; no port means curl's 1080.
        #expect(try WebhookProxy.resolve(scheme: "http", host: "hooks.slack.com", environment: environment)
            == WebhookProxy(kind: .http, host: "plain.corp", port: 8080, credentials: nil))
        #expect(try WebhookProxy.resolve(scheme: "http", host: "hooks.slack.com", environment: ["ALL_PROXY": "socks5://socks.corp"])
            == WebhookProxy(kind: .socks, host: "socks.corp", port: 1080, credentials: nil))
        #expect(try WebhookProxy.resolve(scheme: "https", host: "hooks.slack.com", environment: [:]) == nil)
    }

    @Test func noProxyNamesHostsDomainsOrEverything() throws {
        let proxied = ["https_proxy": "http://proxy.corp:3128"]
        #expect(try WebhookProxy.resolve(scheme: "https", host: "chat.internal.corp", environment: proxied.merging(["NO_PROXY": "localhost, .internal.corp"]) { $1 }) == nil)
        #expect(try WebhookProxy.resolve(scheme: "https", host: "internal.corp", environment: proxied.merging(["no_proxy": "internal.corp"]) { $1 }) == nil)
        #expect(try WebhookProxy.resolve(scheme: "https", host: "anything", environment: proxied.merging(["no_proxy": "*"]) { $1 }) == nil)
        // A suffix that is not a whole domain label does not match.
        #expect(try WebhookProxy.resolve(scheme: "https", host: "notinternal.corp", environment: proxied.merging(["no_proxy": "internal.corp"]) { $1 }) != nil)
    }

    @Test func aProxyThatIsNotHttpOrSocksIsOneLineNamingTheVariable() {
        #expect(throws: CabinetError.invalidArgument(name: "HTTPS_PROXY", problem: "'https://proxy.corp': only http:// and socks5:// proxies are supported")) {
            try WebhookProxy.resolve(scheme: "https", host: "hooks.slack.com", environment: ["HTTPS_PROXY": "https://proxy.corp"])
        }
    }
}
