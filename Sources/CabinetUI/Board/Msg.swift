import CabinetModel
import TerminalKit

/// What happens to the board: input from the terminal, time passing, and results from the store.
public enum Msg: Hashable, Sendable {
    /// A key press or mouse click.
    case key(Key)
    /// Text pasted into the terminal: typed into the open field as it is, never taken as keys.
    case paste(String)
    /// Time passed; `now` is the wall clock.
    case tick(Timestamp)
    /// The terminal's new size.
    case resize(width: Int, height: Int)
    /// A fresh snapshot of the day from the store.
    case loaded(BoardSnapshot)
    /// The change of `cab present ID`, read on its own because it is not on the day's board.
    case pinnedLoaded(QueueEntry)
    /// The effectiveness figures the panel asked for with `loadFigures`.
    case figuresLoaded(Figures)
    /// The minutes the minutes screen asked for with `loadMinutes`; nil when no meeting was opened that day.
    case minutesLoaded(MeetingMinutes?)
    /// A store operation failed; the message is shown on the status line.
    case failed(String)
    /// The shared store cannot be reached (`problem`), with `waiting` writes kept to send again;
    /// nil once it answers again.
    case connection(problem: String?, waiting: Int)
    /// The database file was removed or replaced (`problem`): nothing more is written, and
    /// `unsaved` writes were not saved.
    case storeGone(problem: String, unsaved: Int)
    /// The minutes were written to the file at `path`, and posted to `webhook` when one was given.
    case minutesPublished(path: String, webhook: String?)
    /// The store refused a decision on `change` because someone else decided first.
    case decisionRefused(change: String, message: String)
}
