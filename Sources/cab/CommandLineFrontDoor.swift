import ArgumentParser
import CabinetModel

/// What `cab` does with its arguments before the parser sees them: `--db` given before the
/// subcommand moves after it (so `cab --db X queue` works as `cab queue --db X`), a word that
/// names no subcommand is refused with the nearest one, instead of the board's usage, and an
/// option given twice with two values is refused rather than the last one silently winning.
enum CommandLineFrontDoor {
    /// The options that take a list, one value each time they are given.
    static let repeatable: Set<String> = ["--service", "--caused-by", "--touches", "--columns", "--migrations"]

    /// How the completion scripts call `cab` back for an argument's values.
    static let completionRequest = "---completion"

    /// The subcommands' names, `help` included.
    static var commands: [String] { Cab.configuration.subcommands.map { $0._commandName } + ["help"] }

    /// `arguments` (without the program's name) as the parser should get them, or why they cannot be.
    static func arranged(_ arguments: [String]) -> Result<[String], FrontDoorRefusal> {
        // A shell asking for completions passes the words typed so far, options repeated and all.
        if arguments.first == completionRequest { return .success(arguments) }
        var arguments = arguments
        var leading: [String] = []
        if arguments.first == "--db", arguments.count >= 2 {
            leading = Array(arguments.prefix(2))
            arguments.removeFirst(2)
        } else if let first = arguments.first, first.hasPrefix("--db=") {
            leading = [first]
            arguments.removeFirst()
        }
        if let twice = repeated(leading + arguments) { return .failure(FrontDoorRefusal(repeated: twice)) }
        guard let word = arguments.first, !word.hasPrefix("-") else { return .success(leading + arguments) }
        guard commands.contains(word) else { return .failure(FrontDoorRefusal(unknown: word, nearest: NearestWord.nearest(to: word, among: commands))) }
        if word == "help", arguments.count >= 2, !commands.contains(arguments[1]) {
            return .failure(FrontDoorRefusal(unknown: arguments[1], nearest: NearestWord.nearest(to: arguments[1], among: commands)))
        }
        return .success([word] + leading + arguments.dropFirst())
    }

    /// The first option other than a list's given more than once.
    static func repeated(_ arguments: [String]) -> String? {
        var seen: Set<String> = []
        for argument in arguments where argument.hasPrefix("--") && argument.count > 2 {
            let name = String(argument.split(separator: "=", maxSplits: 1)[0])
            if !repeatable.contains(name), !seen.insert(name).inserted { return name }
        }
        return nil
    }
}

/// A word where a subcommand belongs that names none.
struct FrontDoorRefusal: Error {
    var message: String

    init(unknown: String, nearest: String?) {
        message = "cab: no command '\(unknown)'" + (nearest.map { " (did you mean '\($0)'?)" } ?? "") + ": cab --help lists them"
    }

    init(repeated option: String) {
        message = "cab: \(option): given twice; give it once"
    }
}
