import ArgumentParser
import CabinetModel
import CabinetStore
import TerminalKit
import CabinetPostgres

struct StoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store", abstract: "Move a team's records between stores.", subcommands: [Copy.self])

    struct Copy: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "copy",
            abstract: "Copy every record from one store to another, then check rows and figures on both sides.",
            discussion: "Typically from the SQLite file to the team's PostgreSQL database: cab store copy --from cabinet.sqlite --to postgres://cab@db:5432/cabinet")

        @Option(help: ArgumentHelp("The store to copy from: a file or a postgres:// URL.", valueName: "path-or-url")) var from: String
        @Option(help: ArgumentHelp("The store to copy to: a file or a postgres:// URL.", valueName: "path-or-url")) var to: String
        @Flag(help: "Replace what the target already holds.") var force = false

        func run() throws {
            try guarded { () throws(CabinetError) in
                let source = try StoreLocation.address(option: from), target = try StoreLocation.address(option: to)
                guard source != target else { throw .invalidArgument(name: "--to", problem: "is the same store as --from") }
                let report = try StoreCopy.copy(
                    from: try source.open(.reading), to: try target.open(.writing), source: PostgresLocation.redact(from), target: PostgresLocation.redact(to),
                    replace: force, now: Timestamp.now())
                print("Copied \(PostgresLocation.redact(from)) to \(PostgresLocation.redact(to)):".inert)
                for (table, count) in report.rows where count > 0 { print("  \(table.padding(toLength: 22, withPad: " ", startingAt: 0)) \(count)") }
                print("Checked: the same rows in every table, and the same figures for the last \(report.days.map { "\($0) days" }.joined(separator: ", ")).")
                if !report.rolesNotCopied.isEmpty {
                    print("Not copied: the roles \(report.rolesNotCopied.map { "\($0.name) (\($0.role.rawValue))" }.joined(separator: ", ")); "
                          + "the target keeps roles as logins: grant each with cab admin grant.")
                }
            }
        }
    }
}
