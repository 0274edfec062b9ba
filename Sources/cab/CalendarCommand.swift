import ArgumentParser
import CabinetModel
import CabinetStore
import TerminalKit

struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "The change calendar: change windows and freezes, as a table or an iCalendar file (--ics).",
        discussion: """
            Board and emergency changes by default, every change with --all-routes; only changes with a window.
            An event is listed when it overlaps [--since, --until).
            """)

    @OptionGroup var store: StoreOptions
    @Option(help: ArgumentHelp("Only events that end after this (day or ISO time with zone).", valueName: "time")) var since: String?
    @Option(help: ArgumentHelp("Only events that start before this (day or ISO time with zone).", valueName: "time")) var until: String?
    @Flag(help: "Every change with a window, whatever its route.") var allRoutes = false
    @Flag(help: "Print an RFC 5545 iCalendar file (for a mail or calendar tool).") var ics = false

    func run() throws {
        try guarded { () throws(CabinetError) in
            let since = try since.map { text throws(CabinetError) in try instant(text, option: "--since") }
            let until = try until.map { text throws(CabinetError) in try instant(text, option: "--until") }
            if let since, let until, until <= since {
                throw .invalidArgument(name: "--until", problem: "\(until.iso8601) is not after --since \(since.iso8601)")
            }
            let opened = try store.open(.reading)
            let events = ChangeCalendar(changes: try opened.changes(matching: ChangeFilter()), freezes: try opened.freezes(),
                                        routes: allRoutes ? Set(Route.allCases) : [.cab, .emergency], since: since, until: until)
            print(ics ? ICalendarText.render(events, stamp: Timestamp.now()) : ChangeCalendarText.render(events), terminator: ics ? "" : "\n")
        }
    }
}
