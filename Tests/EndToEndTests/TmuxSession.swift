import Foundation

/// A private tmux server with one fixed-size window, to drive the real `cab` board as a person
/// would: type keys, then wait until the screen shows what is expected (never a fixed sleep).
final class TmuxSession {
    let socket: String
    let folder: String
    private let environment: [String: String]

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Starts `command` (a shell command line) in a new session of `width`×`height`.
    init(_ command: String, width: Int = 80, height: Int = 24, environment extra: [String: String] = [:]) throws {
        socket = "cab-" + UUID().uuidString.prefix(8).lowercased()
        folder = NSTemporaryDirectory() + "tmux-" + socket
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        environment = ["TMUX_TMPDIR": folder, "PATH": "/usr/bin:/bin", "HOME": folder, "TERM": "xterm-256color", "LANG": "C.UTF-8"]
        let exports = (["TERM": "xterm-256color", "LANG": "C.UTF-8", "TZ": "UTC", "SWIFT_BACKTRACE": "enable=no"]
            .merging(extra) { $1 })
            .sorted { $0.key < $1.key }
            .flatMap { ["-e", "\($0.key)=\($0.value)"] }
        try tmux(["-f", "/dev/null", "new-session", "-d", "-x", "\(width)", "-y", "\(height)"] + exports + [command], startsServer: true)
        try tmux(["set-option", "-g", "remain-on-exit", "on"])
    }

    deinit {
        _ = try? tmux(["kill-server"])
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Runs a tmux command on this session's server. The command that starts the server gets no
    /// pipe: the server it forks would hold it open forever.
    @discardableResult
    func tmux(_ arguments: [String], startsServer: Bool = false) throws -> String {
        let result = try Spawn.run("/usr/bin/tmux", ["-L", socket] + arguments, environment: environment, capturesOutput: !startsServer)
        guard result.status == 0 else { throw Failure(description: "tmux \(arguments.joined(separator: " ")) failed") }
        return result.output
    }

    /// Types keys: tmux key names (`Enter`, `Escape`, `C-c`, `Space`) or literal text.
    func send(_ keys: String...) throws { try tmux(["send-keys", "-t", "0"] + keys) }

    func screen() throws -> String { try tmux(["capture-pane", "-p", "-t", "0"]) }

    /// Pastes `text` as a terminal does: bracketed (`ESC[200~` … `ESC[201~`) when the program
    /// asked for bracketed paste, each line break sent as CR.
    func paste(_ text: String) throws {
        let file = folder + "/paste.txt"
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        try tmux(["load-buffer", "-b", "pasted", file])
        try tmux(["paste-buffer", "-p", "-d", "-b", "pasted", "-t", "0"])
    }

    /// Splits the window: `command` runs in a second pane below the first, each half the height.
    func split(_ command: String, environment extra: [String: String] = [:]) throws -> Pane {
        let exports = extra.sorted { $0.key < $1.key }.flatMap { ["-e", "\($0.key)=\($0.value)"] }
        try tmux(["split-window", "-v", "-t", "0:0.0"] + exports + [command])
        return Pane(session: self, target: "0:0.1")
    }

    /// One pane of a split window: the first is `pane(0)`, a split's is what `split` returns.
    func pane(_ index: Int) -> Pane { Pane(session: self, target: "0:0.\(index)") }

    struct Pane {
        let session: TmuxSession
        let target: String

        func send(_ keys: String...) throws { try session.tmux(["send-keys", "-t", target] + keys) }

        func screen() throws -> String { try session.tmux(["capture-pane", "-p", "-t", target]) }

        /// Waits until the pane shows `text`.
        @discardableResult
        func waitFor(_ text: String, timeout: Double = 10) throws -> String {
            try TmuxSession.poll("'\(text)' in pane \(target)", timeout: timeout, screen: screen) { $0.contains(text) }
        }

        /// Waits until the pane no longer shows `text`.
        @discardableResult
        func waitForNo(_ text: String, timeout: Double = 10) throws -> String {
            try TmuxSession.poll("'\(text)' to go from pane \(target)", timeout: timeout, screen: screen) { !$0.contains(text) }
        }
    }

    /// The value of a tmux format for the pane, e.g. `#{alternate_on}` or `#{pane_dead_status}`.
    func pane(_ format: String) throws -> String {
        try tmux(["display-message", "-p", "-t", "0", format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func resize(width: Int, height: Int) throws { try tmux(["resize-window", "-t", "0", "-x", "\(width)", "-y", "\(height)"]) }

    /// Polls until `condition` holds for the screen, or fails after `timeout` showing the screen.
    @discardableResult
    func waitFor(_ what: String, timeout: Double = 10, _ condition: (String) -> Bool) throws -> String {
        try Self.poll(what, timeout: timeout, screen: screen, condition)
    }

    /// Reads `screen` every 20 ms until `condition` holds, or fails after `timeout` showing it.
    static func poll(_ what: String, timeout: Double, screen: () throws -> String, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if condition(last) { return last }
            usleep(20_000)
        }
        throw Failure(description: "timed out after \(timeout) s waiting for \(what); the screen was:\n\(last)")
    }

    /// Waits until the screen contains `text`.
    @discardableResult
    func waitFor(_ text: String, timeout: Double = 10) throws -> String {
        try waitFor("'\(text)'", timeout: timeout) { $0.contains(text) }
    }

    /// Waits until the program in the pane has exited; returns its exit status.
    func waitForExit(timeout: Double = 10) throws -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if try pane("#{pane_dead}") == "1" { return Int32(try pane("#{pane_dead_status}")) ?? -1 }
            usleep(20_000)
        }
        throw Failure(description: "the program did not exit; the screen was:\n\(try screen())")
    }
}
