import CabinetModel
import CabinetStore
import TerminalKit
import CabinetUI
import Foundation
import Terminal

/// Runs the board on the terminal against a store: the only place where the pure core meets the
/// database and the screen.
public enum BoardRuntime {
    /// How often the board ticks: the timer redraws and the store is polled for other terminals' writes.
    static let tickMilliseconds = 250

    /// Opens the board and returns the process exit status once it ends: 0 on quit, 128 + signal
    /// on SIGINT/SIGTERM/SIGHUP, 1 when the terminal cannot be used or writes made while the
    /// store was unreachable or its file was removed were never sent (they are listed on standard error). A theme that cannot be
    /// loaded is reported in one line on the board's status line at start and on standard error, and the default theme is used.
    /// `publisher` says where the chair's `P` sends the minutes once the meeting has ended.
    public static func run(
        store: any Store, options: BoardOptions, environment: [String: String] = ProcessInfo.processInfo.environment,
        publisher: MinutesPublisher? = nil
    ) -> Int32 {
        let resolution = ThemeCatalog.resolve(options.theme, directories: ThemeCatalog.userDirectories(environment: environment))
        if let error = resolution.error { printError(error.description) }
        let waiting = WaitingWrites()
        var loop = BoardLoop(store: store, options: options, environment: environment, waiting: waiting, publisher: publisher)
        loop.start()
        if let error = resolution.error { loop.state.status = StatusLine(themeProblem(error), isError: true) }
        let session = TerminalSession(theme: resolution.theme, tickMilliseconds: tickMilliseconds, environment: environment)
        let exit = session.run(
            initial: loop,
            update: { loop, event, context in loop.handle(event, context: context) },
            render: { loop, context in loop.render(context) }
        )
        if case .unavailable(let message) = exit { printError(message) }
        guard waiting.effects.isEmpty else {
            printError("not saved, \(waiting.problem): " + waiting.descriptions.joined(separator: "; "))
            return exit.status == 0 ? 1 : exit.status
        }
        return exit.status
    }

    /// The one line a theme that cannot be used leaves on the status line.
    static func themeProblem(_ error: ThemeError) -> String {
        "the default theme is used: \(error.description)"
    }

    private static func printError(_ message: String) {
        FileHandle.standardError.write(Data("cab: \(message.inert)\n".utf8))
    }
}
