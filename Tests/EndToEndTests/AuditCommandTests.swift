import Foundation
import Testing

/// A chair prints the minutes; later someone with the file rewrites a decision, or cuts the
/// last one off: `cab audit` finds the first, and the hash on the printed minutes the second.
@Suite struct AuditCommandTests {
    let sandbox = Sandbox()

    /// The small company with CHG-1 rejected by the board; the last hash the minutes would print.
    func decided() throws -> String {
        #expect(try sandbox.cab("import", try sandbox.write("company.json", smallDocument)).status == 0)
        let rejected = try sandbox.cab("decide", "CHG-1", "rejected", "--note", "no rollback test")
        #expect(rejected.status == 0, "\(rejected.stderr)")
        let report = try sandbox.cab("report")
        let line = try #require(report.stdout.split(separator: "\n").last { $0.hasPrefix("Decision log: ") })
        #expect(line.hasPrefix("Decision log: 2 decisions, last hash "))
        return String(line.split(separator: " ").last ?? "")
    }

    @Test func anIntactLogPassesAndPassesThroughTheHashPrintedEarlier() throws {
        let printed = try decided()
        let audit = try sandbox.cab("audit", "--expect", printed)
        #expect(audit.status == 0, "\(audit.stdout)\(audit.stderr)")
        #expect(audit.stdout == "Decision log: 2 decisions, last hash \(printed)\nThe chain passes through \(printed).\nIntact: every decision follows the one before it.\n")
    }

    @Test func aRejectionRewrittenByTheFilesOwnerIsNamed() throws {
        _ = try decided()
        try sandbox.sqlite("DROP TRIGGER decisions_are_not_updated; UPDATE decisions SET outcome = 'approved', note = NULL WHERE change_id = 'CHG-1'")
        let audit = try sandbox.cab("audit")
        #expect(audit.status == 1)
        #expect(audit.stdout.contains("Tampered: decision 2 ("), "\(audit.stdout)")
        #expect(audit.stdout.contains("change CHG-1) was altered after it was recorded"), "\(audit.stdout)")
        let json = try JSONSerialization.jsonObject(with: Data(try sandbox.cab("audit", "--json").stdout.utf8)) as? [String: Any]
        #expect(json?["intact"] as? Bool == false)
        #expect((json?["firstBreak"] as? [String: Any])?["change"] as? String == "CHG-1")
    }

    @Test func theLastDecisionCutOffShowsOnlyAgainstThePrintedHash() throws {
        let printed = try decided()
        try sandbox.sqlite("DROP TRIGGER decisions_are_not_deleted; DELETE FROM decisions WHERE change_id = 'CHG-1'")
        #expect(try sandbox.cab("audit").status == 0, "a shorter chain is whole")
        let audit = try sandbox.cab("audit", "--expect", printed)
        #expect(audit.status == 1)
        #expect(audit.stdout.contains("Tampered: the chain no longer passes through \(printed)"), "\(audit.stdout)")
        let malformed = try sandbox.cab("audit", "--expect", "abc")
        #expect(malformed.status == 1 && malformed.stderr.contains("--expect: 'abc' is not a hash"))
    }

    @Test func aServiceSummaryWrittenAroundCabIsNamedByTheAudit() throws {
        _ = try decided()
        try sandbox.sqlite("UPDATE service_history SET change_count = change_count + 5 WHERE service = (SELECT MIN(service) FROM service_history)")
        let audit = try sandbox.cab("audit")
        #expect(audit.status == 1)
        #expect(audit.stdout.contains("Intact: every decision follows the one before it.\nSummary differs: service_history for "), "\(audit.stdout)")
        #expect(audit.stdout.contains("but its rows give "), "\(audit.stdout)")
        let json = try JSONSerialization.jsonObject(with: Data(try sandbox.cab("audit", "--json").stdout.utf8)) as? [String: Any]
        #expect(json?["intact"] as? Bool == false)
        #expect((json?["summaryDifference"] as? [String: Any])?["summary"] as? String == "service_history")
    }
}
