import ArgumentParser
import CabinetModel
import CabinetStore
import TerminalKit
import CabinetPostgres
import Foundation

struct AdminCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "admin", abstract: "Administer a team's store.", subcommands: [Roles.self])

    struct Roles: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "roles",
            abstract: "Who may do what: readers read, members submit and edit their own changes, chairs decide and run the meeting.",
            discussion: """
                On PostgreSQL the database enforces the roles (grants and row-level security): run these as the owner of the \
                store's tables. On an SQLite file, cab checks them itself, and anyone who can write the file can get around them.
                """,
            subcommands: [Initialize.self, Grant.self])
    }

    struct Initialize: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "init", abstract: "Create the roles cab_reader, cab_member and cab_chair with their grants.")

        @OptionGroup var store: StoreOptions

        func run() throws {
            try guarded { () throws(CabinetError) in
                switch try store.open(.writing) {
                case let postgres as PostgresStore:
                    try PostgresRoles.initialize(postgres)
                    print("Roles ready on \(postgres.location): cab_reader (read), cab_member (submit, edit own changes), cab_chair (decide, run the meeting).")
                    print("Give one to a login with: cab admin roles grant NAME reader|member|chair")
                default:
                    print("An SQLite store needs no roles set up: name them with cab admin roles grant NAME reader|member|chair, and cab checks them.")
                    print("File access is the real limit: anyone who can write the file can change anything in it.")
                }
            }
        }
    }

    struct Grant: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "grant", abstract: "Give a person a role (on PostgreSQL, to the login of that name).")

        @OptionGroup var store: StoreOptions
        @Argument(help: "The login name (PostgreSQL) or the name used with --by (SQLite).") var name: String
        @Argument(help: "\(TeamRole.allowedWords)") var role: String
        @Flag(help: "Read the password of a new PostgreSQL login from standard input.") var passwordStdin = false

        func run() throws {
            try guarded { () throws(CabinetError) in
                guard let role = TeamRole(rawValue: role) else { throw .invalidArgument(name: "ROLE", problem: "'\(role)' is not one of: \(TeamRole.allowedWords)") }
                switch try store.open(.writing) {
                case let postgres as PostgresStore:
                    let password = passwordStdin ? readLine(strippingNewline: true) : nil
                    try PostgresRoles.grant(role, to: name, password: password, in: postgres)
                case let sqlite as SQLiteStore:
                    try sqlite.grant(role, to: name)
                default:
                    throw .refused("this store keeps no roles")
                }
                print("\(name) is now a \(role.rawValue).".inert)
            }
        }
    }
}
