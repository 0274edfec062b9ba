/// What `cab audit` found walking the decision chain: intact up to its head, or the first
/// decision whose link does not hold; and, when given a hash printed earlier, whether the
/// chain still passes through it.
public struct ChainAudit: Sendable {
    /// The chain as it stands: how many decisions and the last stored hash.
    public var head: DecisionChain.Head
    public var firstBreak: Break?
    public var expected: String?
    /// Whether the chain passes through `expected` (nil when no hash was given).
    public var passesThroughExpected: Bool?

    public var intact: Bool { firstBreak == nil && passesThroughExpected != false }

    public init(head: DecisionChain.Head, firstBreak: Break?, expected: String?, passesThroughExpected: Bool?) {
        self.head = head; self.firstBreak = firstBreak; self.expected = expected; self.passesThroughExpected = passesThroughExpected
    }

    /// The first decision whose link does not hold, and how.
    public struct Break: Sendable, Hashable {
        /// Its place in the order recorded, from 1.
        public var position: Int
        public var decision: String
        public var change: String
        public var problem: Problem

        public init(position: Int, decision: String, change: String, problem: Problem) {
            self.position = position; self.decision = decision; self.change = change; self.problem = problem
        }

        public func with(_ problem: Problem) -> Break {
            var copy = self
            copy.problem = problem
            return copy
        }
    }

    public enum Problem: Sendable, Hashable {
        /// Its content no longer gives its stored hash.
        case altered
        /// Its link names another previous hash than the decision before it: a decision was
        /// removed before it, or it was inserted out of order.
        case doesNotFollow
        /// It holds no link at all: written around cab.
        case unlinked
        /// Hashed by a rule this version of cab does not know.
        case unknownRule(Int)
    }
}
