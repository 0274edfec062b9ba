/// A closed set of words the store and the interchange format spell the same way
/// (`pre-approved`, `database-schema`, …): parsing one reports the words that are allowed.
public protocol Vocabulary: RawRepresentable, CaseIterable, Hashable, Sendable, Codable where RawValue == String {}

extension Vocabulary {
    /// The allowed spellings, for error messages and `--help`.
    public static var allowedWords: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

/// The article's four kinds of change.
public enum ChangeType: String, Vocabulary {
    case standard, normal, emergency
    case preApproved = "pre-approved"
}

/// What a change touches; drives routing and the deployment strategy.
public enum ChangeCategory: String, Vocabulary {
    case singleService = "single-service"
    case multiService = "multi-service"
    case databaseSchema = "database-schema"
    case infrastructure
    case thirdPartyIntegration = "third-party-integration"
}

public enum Risk: String, Vocabulary, Comparable {
    case low, medium, high

    public static func < (a: Risk, b: Risk) -> Bool { a.rank < b.rank }
    private var rank: Int { Risk.allCases.firstIndex(of: self) ?? 0 }
}

/// Who gates a change: nobody (`pipeline`), the on-call lead (`peer`), the board (`cab`), or
/// nobody before shipping (`emergency`, reviewed after).
public enum Route: String, Vocabulary {
    case pipeline, peer, cab, emergency
}

/// The ServiceNow-like life of a change; `authorize` means waiting for a decision.
public enum ChangeState: String, Vocabulary {
    case new, assess, authorize, scheduled, implement, review, closed, canceled

    /// The states a decision can still move a change out of: once implemented, a change's
    /// state is its own.
    public static let movedByDecisions: [ChangeState] = [.new, .assess, .authorize, .scheduled, .canceled]

    /// The state a change in this state ends up in once `latest` is its latest decision.
    public func after(latestDecision latest: Outcome?) -> ChangeState {
        guard let latest, ChangeState.movedByDecisions.contains(self) else { return self }
        return latest.resultingState
    }
}

/// What the board (or the peer reviewer) decided.
public enum Outcome: String, Vocabulary {
    case approved
    case approvedWithConditions = "approved-with-conditions"
    case rejected, deferred

    /// Approved, with or without conditions: what starts the change's approval time.
    public var approves: Bool { self == .approved || self == .approvedWithConditions }

    /// The state a change moves to when this is its latest decision.
    public var resultingState: ChangeState {
        switch self {
        case .approved, .approvedWithConditions: .scheduled
        case .rejected: .canceled
        case .deferred: .authorize
        }
    }
}

public enum Severity: String, Vocabulary {
    case sev1, sev2, sev3, sev4
}
