import ArgumentParser
import Testing
@testable import cab

/// Every command names itself. A command without a name is named by ArgumentParser from its
/// type with `String(describing:)`, a scan of every protocol conformance in the binary per
/// command on every start: 70% of the instructions `cab --version` ran before.
@Suite struct CommandNamesTests {
    @Test func everyCommandInTheTreeHasAnExplicitName() {
        var unnamed: [String] = []
        func visit(_ command: any ParsableCommand.Type, path: String) {
            let name = command.configuration.commandName
            if name == nil { unnamed.append(path + " (\(command))") }
            for sub in command.configuration.subcommands { visit(sub, path: path + " " + (name ?? "?")) }
        }
        visit(Cab.self, path: "")
        #expect(unnamed.isEmpty, "commands without commandName: \(unnamed.joined(separator: ", "))")
    }
}
