import ArgumentParser
import CabinetModel
import CabinetStore
import TerminalKit

/// The meeting's day as `--date` gives it (UTC), today by default.
struct MeetingDayOption: ParsableArguments {
    @Option(help: ArgumentHelp("The meeting's day (YYYY-MM-DD, UTC); today by default.", valueName: "date")) var date: String?

    /// The day, `2026-11-27`.
    func day() throws(CabinetError) -> String {
        try date.map { text throws(CabinetError) in try instant(text, option: "--date") }?.day ?? Timestamp.now().day
    }
}

/// `cab agenda add|move|note`: the chair's control of a started meeting's frozen agenda.
struct AgendaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agenda", abstract: "Control a started meeting's agenda: pull a late change in, reorder it, note the discussion.",
        subcommands: [Add.self, Move.self, Note.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Pull a late or urgent change into today's meeting, last on the agenda; the reason is recorded and in the minutes.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var meeting: MeetingDayOption
        @Argument(help: "The change id.") var id: String
        @Option(help: "Why it joins the meeting (required).") var reason: String
        @Option(help: "Who pulls it in; $CAB_USER or your login name by default.") var by: String?

        func run() throws {
            try guarded { () throws(CabinetError) in
                let day = try meeting.day()
                let item = try store.open(.writing).addToAgenda(on: day, change: id, reason: try FieldText.long.checked(reason, flag: "--reason"),
                                                                by: try actor(by, login: store.login), at: Timestamp.now())
                print("\(id): on the agenda of \(day) at place \(item.position + 1) (\(item.addedReason ?? ""))".inert)
            }
        }
    }

    struct Move: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "move", abstract: "Move an agenda item to another place (1 is first); the others keep their order.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var meeting: MeetingDayOption
        @Argument(help: "The change id.") var id: String
        @Option(help: ArgumentHelp("Its new place on the agenda, 1 first.", valueName: "n")) var to: Int

        func run() throws {
            try guarded { () throws(CabinetError) in
                let day = try meeting.day()
                let items = try store.open(.writing).moveAgendaItem(on: day, change: id, to: to)
                print("Agenda of \(day): " + items.enumerated().map { "\($0.offset + 1). \($0.element.change)" }.joined(separator: "  ").inert)
            }
        }
    }

    struct Note: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "note", abstract: "Set the discussion notes of an agenda item (they go in the minutes).")

        @OptionGroup var store: StoreOptions
        @OptionGroup var meeting: MeetingDayOption
        @Argument(help: "The change id.") var id: String
        @Option(help: "The notes; an empty text clears them.") var text: String

        func run() throws {
            try guarded { () throws(CabinetError) in
                let day = try meeting.day()
                try store.open(.writing).setNotes(on: day, change: id, notes: try FieldText.long.checked(text, flag: "--text"))
                print("\(id): notes of \(day) \(text.isBlank ? "cleared" : "recorded")".inert)
            }
        }
    }
}

/// `cab attendee add`: an ad-hoc attendee of a meeting, and the team they speak for.
struct AttendeeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "attendee", abstract: "Add an ad-hoc attendee to a meeting.", subcommands: [Add.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add an attendee (present unless --absent), or update one already listed; --for names the team they speak for.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var meeting: MeetingDayOption
        @Argument(help: "The person's name.") var name: String
        @Option(name: .customLong("for"), help: ArgumentHelp("The team they speak for.", valueName: "team")) var team: String?
        @Option(help: "\(AttendeeRole.allowedWords); downstream with --for, observer without, by default.") var role: String?
        @Flag(help: "Listed but not in the room.") var absent = false

        func run() throws {
            try guarded { () throws(CabinetError) in
                let day = try meeting.day()
                let role: AttendeeRole = try word(role, option: "--role") ?? (team == nil ? .observer : .downstream)
                let attendee = Attendee(name: try FieldText.short.checked(name, flag: "NAME"), role: role, present: !absent,
                                        speaksFor: try checkedText(team, flag: "--for", .short))
                try store.open(.writing).addAttendee(on: day, attendee, opening: nil)
                let team = attendee.speaksFor.map { ", for \($0)" } ?? ""
                print("\(name) (\(role.rawValue)\(team)): \(absent ? "absent" : "present") at the meeting of \(day)".inert)
            }
        }
    }
}
