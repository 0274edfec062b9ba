import CabinetModel
import Foundation

/// The proxy a webhook request goes through, read from the environment as curl reads it:
/// `https_proxy`/`HTTPS_PROXY` for https, `http_proxy`/`HTTP_PROXY` for http, else
/// `all_proxy`/`ALL_PROXY`; a host named in `no_proxy`/`NO_PROXY` (a name, a domain and its
/// subdomains, or `*` for all) goes direct. The proxy is an `http://` (CONNECT) or `socks5://` URL.
struct WebhookProxy: Equatable, Sendable {
    enum Kind: Equatable, Sendable {
        case http
        case socks
    }

    var kind: Kind
    var host: String
    var port: Int
    /// User and password given in the proxy's URL, for HTTP basic authentication to the proxy.
    var credentials: (user: String, password: String)?

    static func == (left: WebhookProxy, right: WebhookProxy) -> Bool {
        left.kind == right.kind && left.host == right.host && left.port == right.port
            && left.credentials?.user == right.credentials?.user && left.credentials?.password == right.credentials?.password
    }

    /// The proxy for a request to `host` over `scheme` (`http` or `https`), or nil to go direct.
    static func resolve(scheme: String, host: String, environment: [String: String]) throws(CabinetError) -> WebhookProxy? {
        if bypasses(host: host, environment: environment) { return nil }
        let names = scheme == "https" ? ["https_proxy", "HTTPS_PROXY"] : ["http_proxy", "HTTP_PROXY"]
        for name in names + ["all_proxy", "ALL_PROXY"] {
            guard let value = environment[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { continue }
            return try parse(value, variable: name)
        }
        return nil
    }

    /// Whether `no_proxy`/`NO_PROXY` names `host`: exactly, as a parent domain (with or without
    /// a leading dot), or with `*`.
    static func bypasses(host: String, environment: [String: String]) -> Bool {
        let list = environment["no_proxy"] ?? environment["NO_PROXY"] ?? ""
        let target = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        for entry in list.split(separator: ",") {
            var domain = entry.trimmingCharacters(in: .whitespaces).lowercased()
            if domain == "*" { return true }
            while domain.hasPrefix(".") { domain.removeFirst() }
            domain = domain.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
            if domain.isEmpty { continue }
            if target == domain || target.hasSuffix("." + domain) { return true }
        }
        return false
    }

    /// Reads a proxy URL; one without a scheme is an HTTP proxy, one without a port listens on 1080 as curl assumes.
    private static func parse(_ value: String, variable: String) throws(CabinetError) -> WebhookProxy {
        let written = value.contains("://") ? value : "http://" + value
        guard let url = URL(string: written), let scheme = url.scheme?.lowercased(), let host = url.host, !host.isEmpty else {
            throw .invalidArgument(name: variable, problem: "'\(value)' is not a proxy URL (http://host:port or socks5://host:port)")
        }
        let kind: Kind
        switch scheme {
        case "http": kind = .http
        case "socks5", "socks5h": kind = .socks
        default:
            throw .invalidArgument(name: variable, problem: "'\(value)': only http:// and socks5:// proxies are supported")
        }
        let credentials = url.user(percentEncoded: false).map { (user: $0, password: url.password(percentEncoded: false) ?? "") }
        if kind == .socks, credentials != nil {
            throw .invalidArgument(name: variable, problem: "'\(value)': a socks5 proxy with a user name is not supported")
        }
        return WebhookProxy(kind: kind, host: host, port: url.port ?? 1080, credentials: credentials)
    }
}
