import Foundation
import Testing

/// Tab completion as a bash user gets it: the script `cab` generates, sourced in a real bash,
/// offers outcomes, themes and the ids of the changes in the store named on the line.
@Suite struct CompletionTests {
    let sandbox = Sandbox()

    /// What bash offers for `line` typed up to its end (a trailing space completes a new word).
    func completions(_ line: String) throws -> [String] {
        let script = try sandbox.write("cab.bash", try CabProcess.run(["--generate-completion-script", "bash"], environment: sandbox.environment).stdout)
        let program = """
            source \(script)
            read -r -a COMP_WORDS <<< "$LINE"
            [[ "$LINE" == *" " ]] && COMP_WORDS+=("")
            COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); COMP_LINE="$LINE"; COMP_POINT=${#LINE}
            _cab cab "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", program]
        var environment = sandbox.environment
        environment["PATH"] = URL(fileURLWithPath: CabProcess.binary).deletingLastPathComponent().path + ":/usr/bin:/bin"
        environment["LINE"] = line
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    @Test func aDecisionsOutcomeIsOfferedFromTheFour() throws {
        #expect(try completions("cab decide CHG-1 app") == ["approved", "approved-with-conditions"])
        #expect(try completions("cab decide CHG-1 ").sorted() == ["approved", "approved-with-conditions", "deferred", "rejected"])
    }

    @Test func themesAreTheBuiltInOnesAndTheUsersFiles() throws {
        let themes = sandbox.path + "/.config/cabinet/themes"
        try FileManager.default.createDirectory(atPath: themes, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: themes + "/solarized.toml", contents: Data())
        #expect(try completions("cab board --theme ") == ["default", "light", "high-contrast", "mono", "solarized"])
        #expect(try completions("cab present --theme hi") == ["high-contrast"])
    }

    @Test func changeIdsComeFromTheStoreNamedOnTheLine() throws {
        let change = """
            {"services": [{"name": "API", "team": "platform"}],
             "changes": [{ "id": "CHG-7001", "title": "Rotate keys", "owner": "ana", "team": "platform", "type": "normal",
              "category": "single-service", "risk": "high", "route": "cab", "services": ["API"], "blastRadius": "API",
              "rollbackPlan": "old key", "rollbackMinutes": 2, "verification": "200s", "windowStart": "2026-12-01T10:00:00Z",
              "windowEnd": "2026-12-01T11:00:00Z", "submittedAt": "2026-11-26T10:00:00Z" },
              { "id": "OPS-12", "title": "Resize pool", "owner": "ana", "team": "platform", "type": "normal",
              "category": "single-service", "risk": "high", "route": "cab", "services": ["API"], "blastRadius": "API",
              "rollbackPlan": "scale back", "rollbackMinutes": 2, "verification": "200s", "windowStart": "2026-12-01T10:00:00Z",
              "windowEnd": "2026-12-01T11:00:00Z", "submittedAt": "2026-11-26T11:00:00Z" }]}
            """
        let imported = try sandbox.cab("import", try sandbox.write("changes.json", change))
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(try completions("cab decide --db \(sandbox.db) CHG-") == ["CHG-7001"])
        #expect(try completions("cab present --db=\(sandbox.db) ").sorted() == ["CHG-7001", "OPS-12"])
        #expect(try completions("cab change show --db \(sandbox.db) OPS") == ["OPS-12"])
    }

    @Test func aMistypedDatabaseOffersNothingAndIsNotCreated() throws {
        let missing = sandbox.path + "/nowhere/cabinet.sqlite"
        #expect(try completions("cab decide --db \(missing) CHG-").isEmpty)
        #expect(!FileManager.default.fileExists(atPath: sandbox.path + "/nowhere"))
    }
}
