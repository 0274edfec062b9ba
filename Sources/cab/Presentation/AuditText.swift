import CabinetModel
import CabinetStore
import TerminalKit
/// What `cab audit` prints: the chain intact with its head, or the first decision whose link
/// does not hold and what that means; then the summaries, when one differs from its rows.
public enum AuditText {
    public static func render(_ audit: ChainAudit, summaries difference: SummaryDifference? = nil) -> String {
        var lines = [audit.head.line]
        if let expected = audit.expected, audit.passesThroughExpected == true {
            lines.append("The chain passes through \(expected).")
        }
        lines.append(verdict(audit))
        if let difference { lines.append(summaryVerdict(difference)) }
        return lines.joined(separator: "\n")
    }

    /// One line: intact, or what is wrong and where.
    public static func verdict(_ audit: ChainAudit) -> String {
        if let broken = audit.firstBreak {
            let place = "decision \(broken.position) (\(broken.decision.inert), change \(broken.change.inert))"
            switch broken.problem {
            case .altered: return "Tampered: \(place) was altered after it was recorded: its content no longer gives its hash."
            case .doesNotFollow: return "Tampered: \(place) does not follow the decision before it: a decision was removed before it, or it was inserted out of order."
            case .unlinked: return "Tampered: \(place) has no hash: it was written around cab."
            case .unknownRule(let rule): return "Cannot check \(place): it was hashed by rule \(rule), which this cab does not know (update cab)."
            }
        }
        if let expected = audit.expected, audit.passesThroughExpected == false {
            return "Tampered: the chain no longer passes through \(expected): decisions were cut off the end, or the log was rewritten."
        }
        return "Intact: every decision follows the one before it."
    }

    /// One line: the first summary that no longer matches its rows, and both readings.
    public static func summaryVerdict(_ difference: SummaryDifference) -> String {
        "Summary differs: \(difference.summary) for \(difference.key.inert) holds \(difference.stored.inert), "
            + "but its rows give \(difference.recomputed.inert): run cab store copy to a fresh store to rebuild it, and find what wrote around cab."
    }

    public static func object(_ audit: ChainAudit, summaries difference: SummaryDifference? = nil) -> [String: Any] {
        var object: [String: Any] = ["intact": audit.intact && difference == nil, "count": audit.head.count, "lastHash": audit.head.hash, "verdict": verdict(audit)]
        if let expected = audit.expected {
            object["expected"] = expected
            object["passesThroughExpected"] = audit.passesThroughExpected
        }
        if let broken = audit.firstBreak {
            let problem: String = switch broken.problem {
            case .altered: "altered"
            case .doesNotFollow: "does-not-follow"
            case .unlinked: "unlinked"
            case .unknownRule: "unknown-rule"
            }
            object["firstBreak"] = ["position": broken.position, "decision": broken.decision, "change": broken.change, "problem": problem]
        }
        if let difference {
            object["summaryDifference"] = ["summary": difference.summary, "key": difference.key, "stored": difference.stored,
                                           "recomputed": difference.recomputed, "verdict": summaryVerdict(difference)]
        }
        return object
    }
}
