import Foundation

/// Reads an iCalendar file back with an independent parser: Python's `icalendar` package, in the
/// virtual environment `scripts/ensure-python-icalendar` prepares (and creates on first use).
enum ICalendarParser {
    /// What the parser saw: the calendar's properties, its parse errors, and each event.
    struct Calendar: Decodable {
        let version: String
        let prodid: String
        let errors: [String]
        let events: [Event]
    }

    struct Event: Decodable, Equatable {
        let uid: String
        let summary: String
        let description: String
        /// `2026-11-27T14:00:00+00:00` for a time, `2026-12-24` for a day.
        let start: String
        let end: String
        let stamp: String
        let status: String
        let categories: [String]
    }

    static let script = """
        import json, sys
        from icalendar import Calendar
        calendar = Calendar.from_ical(open(sys.argv[1], "rb").read())
        events = [{
            "uid": str(e["UID"]), "summary": str(e["SUMMARY"]), "description": str(e["DESCRIPTION"]),
            "start": e.decoded("DTSTART").isoformat(), "end": e.decoded("DTEND").isoformat(),
            "stamp": e.decoded("DTSTAMP").isoformat(), "status": str(e["STATUS"]),
            "categories": [str(c) for c in e["CATEGORIES"].cats],
        } for e in calendar.walk("VEVENT")]
        errors = [str(error) for component in calendar.walk() for error in component.errors]
        print(json.dumps({"version": str(calendar["VERSION"]), "prodid": str(calendar["PRODID"]), "errors": errors, "events": events}))
        """

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The environment's python, installing the package once if it is not there yet.
    static let python: String? = {
        let output = run(repository.appendingPathComponent("scripts/ensure-python-icalendar").path, [])
        return output.status == 0 ? output.stdout.trimmingCharacters(in: .whitespacesAndNewlines) : nil
    }()

    struct ParserUnavailable: Error {}
    struct ParserFailed: Error { let message: String }

    static func parse(file: String) throws -> Calendar {
        guard let python else { throw ParserUnavailable() }
        let scriptFile = NSTemporaryDirectory() + "cab-ics-\(UUID().uuidString).py"
        try script.write(toFile: scriptFile, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: scriptFile) }
        let output = run(python, [scriptFile, file])
        guard output.status == 0 else { throw ParserFailed(message: output.stderr) }
        return try JSONDecoder().decode(Calendar.self, from: Data(output.stdout.utf8))
    }

    private static func run(_ executable: String, _ arguments: [String]) -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do { try process.run() } catch { return (-1, "", "\(error)") }
        let stdout = out.fileHandleForReading.readDataToEndOfFile(), stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }
}
