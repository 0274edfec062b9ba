import ArgumentParser
import CabinetModel
import CabinetStore
import Foundation
import TerminalKit

/// What the shell completions offer beyond flags: outcomes, themes and change ids
/// (`cab --generate-completion-script bash|zsh|fish`).
extension CompletionKind {
    /// The four outcomes of a decision.
    static var outcomes: CompletionKind { .list(Outcome.allCases.map(\.rawValue)) }

    /// The built-in themes and those in the user's theme directory.
    static var themes: CompletionKind {
        .custom { _, _, prefix in ThemeNames.available(environment: ProcessInfo.processInfo.environment).filter { $0.hasPrefix(prefix) } }
    }

    /// The ids of the changes awaiting the board and of those submitted in the last 30 days, read
    /// from the SQLite store the command line names (index ranges only: no risk assessment at TAB);
    /// nothing when there is none.
    static var changeIDs: CompletionKind {
        .custom { words, _, prefix in ChangeIDCompletion.ids(words: words, prefix: prefix, environment: ProcessInfo.processInfo.environment) }
    }
}

/// The themes a `--theme` name can pick: the built-in ones, then `NAME.toml` in the theme directories.
enum ThemeNames {
    static func available(environment: [String: String]) -> [String] {
        let files = ThemeCatalog.userDirectories(environment: environment).flatMap { directory in
            ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
                .filter { $0.hasSuffix(".toml") }.map { String($0.dropLast(".toml".count)) }.sorted()
        }
        return BuiltinThemes.names + files.filter { !BuiltinThemes.names.contains($0) }
    }
}

/// Change ids for a shell completion. It never creates a store and never waits on a server: a
/// PostgreSQL URL gets no ids.
enum ChangeIDCompletion {
    /// How far back the submitted changes offered go.
    static let recentDays: Int64 = 30
    /// At most this many recent changes are read.
    static let recentLimit = 500

    static func ids(words: [String], prefix: String, environment: [String: String]) -> [String] {
        guard case .file(let path)? = try? StoreLocation.address(option: databaseOption(in: words), environment: environment),
              let store = try? SQLiteStore(path: path, intent: .reading) else { return [] }
        let now = Timestamp.now(environment: environment)
        let waiting = (try? store.changes(matching: ChangeFilter(route: .cab, state: .authorize, limit: recentLimit)).map(\.id)) ?? []
        let recent = (try? store.changes(matching: ChangeFilter(submittedSince: now.adding(days: -recentDays), limit: recentLimit)).map(\.id)) ?? []
        var seen = Set<String>()
        return (waiting + recent).filter { $0.hasPrefix(prefix) && seen.insert($0).inserted }
    }

    /// The value of `--db VALUE` or `--db=VALUE` among the words typed so far.
    static func databaseOption(in words: [String]) -> String? {
        for (index, word) in words.enumerated() {
            if word == "--db", words.indices.contains(index + 1) { return words[index + 1] }
            if word.hasPrefix("--db=") { return String(word.dropFirst("--db=".count)) }
        }
        return nil
    }
}
