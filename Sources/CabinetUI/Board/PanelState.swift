import CabinetModel
import TerminalKit

/// The period the effectiveness panel shows: the last days up to now, or fixed dates.
public enum PanelPeriod: Hashable, Sendable {
    /// The `days` days up to the board's clock; the 1/2/3 keys choose 7, 30 or 90.
    case lastDays(Int)
    /// `cab panel --since/--until`.
    case fixed(Period)

    /// The default: the last 30 days, as `cab report`.
    public static let standard = PanelPeriod.lastDays(30)

    /// The period at `now`.
    public func period(at now: Timestamp) -> Period {
        switch self {
        case .lastDays(let days): Period(lastDays: Int64(days), endingAt: now)
        case .fixed(let period): period
        }
    }
}

/// What the effectiveness panel shows: the chosen period and the figures the runtime computed.
public struct PanelState: Hashable, Sendable {
    public var period: PanelPeriod
    /// The last figures received; nil until the first arrive, or after another period is chosen.
    public var figures: Figures?
    /// True on the panel's DORA page (`o`), false on the effectiveness page.
    public var showsDORA = false

    public init(period: PanelPeriod = .standard) {
        self.period = period
    }
}
