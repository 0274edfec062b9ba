import ArgumentParser
import CabinetModel
import CabinetStore
import TerminalKit
import CabinetPostgres
import Foundation

@main
struct Cab: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cab",
        abstract: "Cabinet: run the daily change advisory board review from a terminal.",
        discussion: """
            The database is --db (a file or a postgres://user@host:port/database URL), else $CAB_DATABASE_URL,
            else the file $CAB_DB, else $XDG_DATA_HOME/cabinet/cabinet.sqlite.
            Who you are is --by, else $CAB_USER, else your login name. $CAB_NOW pins the clock (ISO 8601).
            """,
        version: "0.1.0",
        subcommands: [
            Board.self, Present.self, Panel.self, Demo.self, Queue.self, Report.self, Minutes.self, AgendaCommand.self, AttendeeCommand.self, Conditions.self, ConditionCommand.self, Actions.self, ActionCommand.self, RetroCommand.self,
            ChangeCommand.self, CardCommand.self, CalendarCommand.self, Decide.self, PIRCommand.self, IncidentCommand.self, Import.self, Export.self,
            Impact.self, RiskCommand.self, FreezeCommand.self, Services.self, Verify.self, Notify.self, StoreCommand.self, AdminCommand.self, Audit.self,
        ],
        defaultSubcommand: Board.self
    )

    /// Refuses an unreadable `CAB_NOW` before any command runs, then parses and runs as
    /// ArgumentParser's own `main` does, except that an error message, which may quote the
    /// arguments, reaches standard error drawn inert.
    static func main() {
        do throws(CabinetError) { try Timestamp.checkPinnedClock() } catch {
            FileHandle.standardError.write(Data("cab: \(error.description.inert)\n".utf8))
            exit(withError: ExitCode.failure)
        }
        let arguments: [String]
        switch CommandLineFrontDoor.arranged(Array(CommandLine.arguments.dropFirst())) {
        case .success(let arranged): arguments = arranged
        case .failure(let refusal):
            FileHandle.standardError.write(Data((refusal.message.inert + "\n").utf8))
            exit(withError: ExitCode.failure)
        }
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            let code = exitCode(for: error), message = fullMessage(for: error)
            if code.isSuccess {
                if !message.isEmpty { print(message) }
            } else if !message.isEmpty {
                FileHandle.standardError.write(Data((InertText.lines(message) + "\n").utf8))
            }
            Foundation.exit(code.rawValue)
        }
    }
}

/// `--db`, shared by every command that opens the store.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The database: a file, or postgres://user@host:port/database.", valueName: "path-or-url"))
    var db: String?

    /// Opens the store; a command that only reads never creates one.
    func open(_ intent: StoreIntent) throws(CabinetError) -> any SQLStore { try StoreLocation.address(option: db).open(intent) }

    /// The login of a shared database, which is who acts there unless told otherwise.
    var login: String? {
        guard case .postgres(let url)? = try? StoreLocation.address(option: db) else { return nil }
        return try? PostgresLocation(url: url).user
    }
}

/// `--json`, shared by every read command.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print JSON instead of text.")
    var json = false
}

/// Refuses more than one of a command's output formats (`--json --csv`) in one line.
func oneFormat(_ flags: [String: Bool]) throws(CabinetError) {
    let chosen = flags.filter(\.value).keys.sorted()
    guard chosen.count <= 1 else { throw .invalidArgument(name: chosen.joined(separator: " "), problem: "choose one output format") }
}

/// Runs a command body, turning a `CabinetError` into one line on standard error (drawn inert, as
/// it may quote stored or user text) and exit code 1.
func guarded(_ body: () throws(CabinetError) -> Void) throws {
    do {
        // A pinned clock that cannot be read stops every command before it acts on the wrong time.
        _ = try Timestamp.pinned()
        try body()
    } catch {
        FileHandle.standardError.write(Data("cab: \(error.description.inert)\n".utf8))
        throw ExitCode(1)
    }
}

/// The acting person: `--by`, else `CAB_USER`, else the database login (PostgreSQL), else the
/// login name; checked as a name (`FieldText.short`), since it is stored with what they do.
func actor(_ by: String?, login: String? = nil) throws(CabinetError) -> String {
    if let by, !by.isEmpty { return try FieldText.short.checked(by, flag: "--by") }
    let environment = ProcessInfo.processInfo.environment
    if let user = environment["CAB_USER"], !user.isEmpty { return try FieldText.short.checked(user, flag: "CAB_USER") }
    if let login { return login }
    return environment["USER"] ?? environment["LOGNAME"] ?? NSUserName()
}

/// The server's refusal of a decision in another name than the login, saying where that name
/// came from (`--by` or `CAB_USER`) and what to do.
func inAnotherName(_ refusal: CabinetError, by: String?, name: String, login: String?) -> CabinetError {
    guard refusal == PermissionRefusal.decisionInAnotherName, let login else { return refusal }
    let source = by?.isEmpty == false ? "--by" : "CAB_USER"
    return .forbidden("a chair records decisions in their own name: \(source) says \(name) but you are signed in to the database as \(login); "
                      + "give --by \(login)" + (source == "CAB_USER" ? " or unset CAB_USER" : ""))
}

/// A `--since`/`--date` value: a day (`2026-11-27`, midnight UTC) or an instant with a zone.
/// The text of a flag checked by the rule every way in shares (`FieldText`): long text by default.
func checkedText(_ text: String?, flag: String, _ kind: FieldText = .long) throws(CabinetError) -> String? {
    try text.map { text throws(CabinetError) in try kind.checked(text, flag: flag) }
}

func instant(_ text: String, option: String) throws(CabinetError) -> Timestamp {
    do { return try Timestamp(dayOrInstant: text) } catch { throw .invalidArgument(name: option, problem: error.description) }
}

