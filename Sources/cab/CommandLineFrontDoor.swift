import ArgumentParser
import CabinetModel

/// What `cab` does with its arguments before the parser sees them: `--db` given before the
/// subcommand moves after it (so `cab --db X queue` works as `cab queue --db X`), and a word
/// that names no subcommand is refused with the nearest one, instead of the board's usage.
enum CommandLineFrontDoor {
    /// The subcommands' names, `help` included.
    static var commands: [String] { Cab.configuration.subcommands.map { $0._commandName } + ["help"] }

    /// `arguments` (without the program's name) as the parser should get them, or why they cannot be.
    static func arranged(_ arguments: [String]) -> Result<[String], FrontDoorRefusal> {
        var arguments = arguments
        var leading: [String] = []
        if arguments.first == "--db", arguments.count >= 2 {
            leading = Array(arguments.prefix(2))
            arguments.removeFirst(2)
        } else if let first = arguments.first, first.hasPrefix("--db=") {
            leading = [first]
            arguments.removeFirst()
        }
        guard let word = arguments.first, !word.hasPrefix("-") else { return .success(leading + arguments) }
        guard commands.contains(word) else { return .failure(FrontDoorRefusal(unknown: word, nearest: NearestWord.nearest(to: word, among: commands))) }
        if word == "help", arguments.count >= 2, !commands.contains(arguments[1]) {
            return .failure(FrontDoorRefusal(unknown: arguments[1], nearest: NearestWord.nearest(to: arguments[1], among: commands)))
        }
        return .success([word] + leading + arguments.dropFirst())
    }
}

/// A word where a subcommand belongs that names none.
struct FrontDoorRefusal: Error {
    var unknown: String
    var nearest: String?

    var message: String {
        "cab: no command '\(unknown)'" + (nearest.map { " (did you mean '\($0)'?)" } ?? "") + ": cab --help lists them"
    }
}
