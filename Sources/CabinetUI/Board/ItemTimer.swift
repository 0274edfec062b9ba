import CabinetModel
import TerminalKit

/// Where an item's time stands against its allotment; each phase is drawn in its theme role.
public enum TimerPhase: Hashable, Sendable {
    /// Under half of the allotment used.
    case calm
    /// Half to three quarters.
    case warn
    /// Three quarters up to the whole allotment.
    case urgent
    /// Past the allotment: the change is not ready.
    case overrun

    public init(elapsedMilliseconds elapsed: Int64, allotmentMilliseconds allotment: Int64) {
        if elapsed * 4 < allotment * 2 {
            self = .calm
        } else if elapsed * 4 < allotment * 3 {
            self = .warn
        } else if elapsed <= allotment {
            self = .urgent
        } else {
            self = .overrun
        }
    }

    /// The theme role the timer is drawn in.
    public var role: StyleRole {
        switch self {
        case .calm: .timerCalm
        case .warn: .timerWarn
        case .urgent: .timerUrgent
        case .overrun: .timerOverrun
        }
    }
}

/// An agenda item's timer at a moment, from the clock stored with the item.
public struct ItemTimer: Hashable, Sendable {
    /// Where the item's clock stands.
    public enum State: Hashable, Sendable {
        case notStarted, running, paused, ended
    }

    public var state: State
    /// Time presented so far, pauses excluded (`AgendaItem.elapsedMilliseconds`).
    public var elapsedMilliseconds: Int64
    /// The item's allotment: `--item-minutes`, or the open meeting's.
    public var allotmentMilliseconds: Int64

    /// The timer of `item` (nil: not on the frozen agenda yet, so not started) at `now`.
    public init(item: AgendaItem?, itemMinutes: Int, now: Timestamp) {
        allotmentMilliseconds = Int64(max(1, itemMinutes)) * 60_000
        elapsedMilliseconds = item?.elapsedMilliseconds(at: now) ?? 0
        switch item {
        case let item? where item.endedAt != nil: state = .ended
        case let item? where item.pausedAt != nil: state = .paused
        case let item? where item.startedAt != nil: state = .running
        default: state = .notStarted
        }
    }

    /// The share of the allotment used, as a colour phase.
    public var phase: TimerPhase { TimerPhase(elapsedMilliseconds: elapsedMilliseconds, allotmentMilliseconds: allotmentMilliseconds) }

    /// Whole seconds left, rounded up while time remains and negative once overrun: 3:00 shows
    /// until a second has passed, and -0:01 as soon as the allotment is exceeded.
    public var remainingSeconds: Int {
        let remaining = allotmentMilliseconds - elapsedMilliseconds
        return remaining >= 0 ? Int((remaining + 999) / 1000) : -Int((-remaining + 999) / 1000)
    }
}
