import Foundation
import Glibc

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

    /// Runs a tmux command on this session's server, through posix_spawn: Foundation's `Process`
    /// waits for every inheritor of its descriptors, and the server that `new-session` forks
    /// would inherit them forever.
    @discardableResult
    func tmux(_ arguments: [String], startsServer: Bool = false) throws -> String {
        var pipe: [Int32] = [0, 0]
        guard Glibc.pipe(&pipe) == 0 else { throw Failure(description: "pipe failed") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        if startsServer {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        } else {
            posix_spawn_file_actions_adddup2(&actions, pipe[1], 1)
        }
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addclose(&actions, pipe[0])
        posix_spawn_file_actions_addclose(&actions, pipe[1])
        let argv = (["/usr/bin/tmux", "-L", socket] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        // The test runs on a thread that blocks some signals; the server, the shell and the board
        // must start as from a terminal: nothing blocked, every signal at its default.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/usr/bin/tmux", &actions, &attributes, argv, envp)
        close(pipe[1])
        defer { close(pipe[0]) }
        guard spawned == 0 else { throw Failure(description: "cannot start tmux: \(String(cString: strerror(spawned)))") }
        var output = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = read(pipe[0], &buffer, buffer.count)
            if count <= 0 { break }
            output.append(contentsOf: buffer[0..<count])
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        guard status == 0 else { throw Failure(description: "tmux \(arguments.joined(separator: " ")) failed") }
        return String(decoding: output, as: UTF8.self)
    }

    /// Types keys: tmux key names (`Enter`, `Escape`, `C-c`, `Space`) or literal text.
    func send(_ keys: String...) throws { try tmux(["send-keys", "-t", "0"] + keys) }

    func screen() throws -> String { try tmux(["capture-pane", "-p", "-t", "0"]) }

    /// The value of a tmux format for the pane, e.g. `#{alternate_on}` or `#{pane_dead_status}`.
    func pane(_ format: String) throws -> String {
        try tmux(["display-message", "-p", "-t", "0", format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func resize(width: Int, height: Int) throws { try tmux(["resize-window", "-t", "0", "-x", "\(width)", "-y", "\(height)"]) }

    /// Polls until `condition` holds for the screen, or fails after `timeout` showing the screen.
    @discardableResult
    func waitFor(_ what: String, timeout: Double = 10, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if condition(last) { return last }
            usleep(20_000)
        }
        throw Failure(description: "timed out waiting for \(what); the screen was:\n\(last)")
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
