import CNcursesW
import Glibc
import Synchronization

/// The process's signal handling while the board owns the terminal. Exit and stop signals only
/// record themselves for the loop; crash signals restore the terminal, then re-raise through
/// the handler that was there before (the Swift runtime's backtracer, or the default action).
enum SignalTrap {
    /// Signals that end the board: the loop restores the terminal and exits 128 + signal.
    static let exitSignals = [SIGINT, SIGTERM, SIGHUP]
    /// Signals that mean the process is crashing.
    static let crashSignals = [SIGSEGV, SIGABRT, SIGILL, SIGTRAP, SIGBUS, SIGFPE]

    /// The last exit or stop signal received and not yet taken; 0 for none.
    private static let pending = Atomic<Int32>(0)

    /// The dispositions replaced by `install`, indexed by signal number, for `uninstall` and chaining.
    nonisolated(unsafe) private static let previous = UnsafeMutablePointer<sigaction>.allocate(capacity: Int(NSIG))

    /// Installs all handlers; call before `newterm` so ncurses keeps its hands off these signals.
    static func install() {
        _ = pending.load(ordering: .relaxed)
        for signal in exitSignals {
            set(signal, handler: { SignalTrap.pending.store($0, ordering: .relaxed) }, flags: 0)
        }
        // A stop never replaces an exit signal that is still waiting to be taken.
        set(SIGTSTP, handler: { _ = SignalTrap.pending.compareExchange(expected: 0, desired: $0, ordering: .relaxed) }, flags: 0)
        for signal in crashSignals {
            set(signal, handler: { SignalTrap.crashed($0) }, flags: Int32(SA_NODEFER))
        }
    }

    /// Puts back the dispositions `install` replaced.
    static func uninstall() {
        for signal in exitSignals + [SIGTSTP] + crashSignals {
            sigaction(signal, previous + Int(signal), nil)
        }
    }

    /// Takes the pending signal, if any.
    static func take() -> Int32? {
        let signal = pending.exchange(0, ordering: .relaxed)
        return signal == 0 ? nil : signal
    }

    /// Stops the process as Ctrl-Z would (default SIGTSTP action) and returns once it is continued.
    static func stopUntilContinued() {
        var defaultAction = sigaction()
        defaultAction.__sigaction_handler.sa_handler = SIG_DFL
        var ours = sigaction()
        sigaction(SIGTSTP, &defaultAction, &ours)
        raise(SIGTSTP)
        sigaction(SIGTSTP, &ours, nil)
    }

    private static func set(_ signal: Int32, handler: @convention(c) (Int32) -> Void, flags: Int32) {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = handler
        sigemptyset(&action.sa_mask)
        action.sa_flags = flags
        sigaction(signal, &action, previous + Int(signal))
    }

    /// Like htop's CRT.c: leave curses mode, restore the previous handler and re-raise. A signal
    /// sent from outside returns from the previous handler (the backtracer prints and returns):
    /// then the default action ends the process, so it never goes back to the loop.
    private static func crashed(_ signal: Int32) {
        endwin()
        BracketedPaste.disable()
        sigaction(signal, previous + Int(signal), nil)
        raise(signal)
        var defaultAction = sigaction()
        defaultAction.__sigaction_handler.sa_handler = SIG_DFL
        sigaction(signal, &defaultAction, nil)
        raise(signal)
        _exit(128 + signal)
    }
}
