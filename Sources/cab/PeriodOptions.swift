import ArgumentParser
import CabinetModel
import CabinetStore
import TerminalKit

/// `--since` / `--until`, shared by the commands that report on a period.
struct PeriodOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Start of the period, inclusive (day or ISO time); 30 days before --until by default.", valueName: "time"))
    var since: String?

    @Option(name: .long, help: ArgumentHelp("End of the period, exclusive; now by default.", valueName: "time"))
    var until: String?

    /// Whether either bound was given.
    var isGiven: Bool { since != nil || until != nil }

    /// The period the options name: up to `--until` (or now), from `--since` (or 30 days before).
    func period(now: Timestamp) throws(CabinetError) -> Period {
        let end = try until.map { text throws(CabinetError) in try instant(text, option: "--until") } ?? now
        guard let since else { return Period(lastDays: 30, endingAt: end) }
        return try Period(since: try instant(since, option: "--since"), until: end)
    }
}
