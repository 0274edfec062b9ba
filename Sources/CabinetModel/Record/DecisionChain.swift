/// The hash chain that makes the decision log tamper-evident: each decision stores the hash of
/// its own content and of the previous decision's hash, in the order decisions were recorded.
/// Altering, removing or inserting a decision out of order breaks every later link; only a hash
/// printed earlier (minutes, a report) shows decisions cut off the end.
///
/// Rule 1 hashes, with SHA-256, the previous hash (64 hex digits; 64 zeros for the first
/// decision) followed by the line `cabinet-decision/1` and one line per column in this order:
/// id, change, outcome, at (milliseconds since the epoch, in decimal), by, conditions, note,
/// supersedes, recorded by. A missing value is the line `-`; a present one is `+`, its length
/// in UTF-8 bytes in decimal, `:`, then its bytes. Rule 2 (decisions recorded from schema v12
/// on) is rule 1 with the line `cabinet-decision/2` and one more column after recorded by: the
/// risk score in millionths, rounded, in decimal (0.0123 → `+5:12300`). Each decision keeps the
/// rule it was hashed with, so decisions recorded before rule 2 still verify under rule 1.
public enum DecisionChain {
    /// The rule new decisions are hashed with.
    public static let rule = 2
    /// The rule of decisions recorded before risk scores were kept, and of the chain's first fill.
    public static let firstRule = 1
    /// The link before the first decision.
    public static let genesis = String(repeating: "0", count: 64)

    /// The hash of `decision` following `previous`, under `rule`; nil for a rule this version does not know.
    public static func link(_ decision: Decision, previous: String, rule: Int = DecisionChain.rule) -> String? {
        guard rule == 1 || rule == 2 else { return nil }
        let bytes = Array(previous.utf8) + Array("cabinet-decision/\(rule)\n".utf8)
        var columns: [String?] = [
            decision.id, decision.change, decision.outcome.rawValue, String(decision.at.milliseconds), decision.by,
            decision.conditions, decision.note, decision.supersedes, decision.recordedBy,
        ]
        if rule == 2 { columns.append(decision.riskScore.map { String(Int64(($0 * 1_000_000).rounded())) }) }
        return FieldDigest.sha256(prefix: bytes, columns: columns)
    }

    /// A decision's place in the chain: its number in the order recorded and its hash.
    public struct Link: Hashable, Sendable {
        public var sequence: Int64
        public var hash: String

        public init(sequence: Int64, hash: String) { self.sequence = sequence; self.hash = hash }

        /// Before the first decision.
        public static let start = Link(sequence: 0, hash: DecisionChain.genesis)
    }

    /// The end of the chain as minutes and reports print it: how many decisions, the last hash.
    public struct Head: Hashable, Sendable, Encodable {
        public var count: Int
        public var hash: String

        private enum CodingKeys: String, CodingKey {
            case count
            case hash = "lastHash"
        }

        public init(count: Int, hash: String) { self.count = count; self.hash = hash }

        /// "1,234 decisions, last hash 3f…": one line that pins the log as it is now.
        public var line: String {
            count == 0 ? "Decision log: empty" : "Decision log: \(count) decision\(count == 1 ? "" : "s"), last hash \(hash)"
        }
    }
}
