/// The database-schema questions a change must answer before the board sees it. `nil` means
/// not answered yet, which makes the change not ready.
public struct MigrationChecklist: Hashable, Sendable, Codable {
    /// Does the migration take an exclusive lock on a high-traffic table?
    public var exclusiveLockOnHighTrafficTable: Bool?
    /// Does it complete within the lock timeout?
    public var completesWithinLockTimeout: Bool?
    public var testedOnProductionSizedData: Bool?
    /// Is the new schema backward-compatible with the running version?
    public var backwardCompatible: Bool?
    public var testedRollbackMigration: Bool?
    /// Postgres `CREATE INDEX CONCURRENTLY` or a MySQL online schema-change tool.
    public var usesOnlineSchemaChange: Bool?
    public var expandContractPhase: ExpandContractPhase?

    public init(
        exclusiveLockOnHighTrafficTable: Bool? = nil, completesWithinLockTimeout: Bool? = nil,
        testedOnProductionSizedData: Bool? = nil, backwardCompatible: Bool? = nil,
        testedRollbackMigration: Bool? = nil, usesOnlineSchemaChange: Bool? = nil,
        expandContractPhase: ExpandContractPhase? = nil
    ) {
        self.exclusiveLockOnHighTrafficTable = exclusiveLockOnHighTrafficTable
        self.completesWithinLockTimeout = completesWithinLockTimeout
        self.testedOnProductionSizedData = testedOnProductionSizedData
        self.backwardCompatible = backwardCompatible
        self.testedRollbackMigration = testedRollbackMigration
        self.usesOnlineSchemaChange = usesOnlineSchemaChange
        self.expandContractPhase = expandContractPhase
    }

    /// The questions in the article's order, with their interchange keys and answers.
    public var questions: [(key: String, question: String, answered: Bool)] {
        [
            ("exclusiveLockOnHighTrafficTable", "exclusive lock on a high-traffic table?", exclusiveLockOnHighTrafficTable != nil),
            ("completesWithinLockTimeout", "completes within the lock timeout?", completesWithinLockTimeout != nil),
            ("testedOnProductionSizedData", "tested on production-sized data?", testedOnProductionSizedData != nil),
            ("backwardCompatible", "backward-compatible with the running version?", backwardCompatible != nil),
            ("testedRollbackMigration", "tested rollback migration?", testedRollbackMigration != nil),
            ("usesOnlineSchemaChange", "CREATE INDEX CONCURRENTLY / online schema-change tool?", usesOnlineSchemaChange != nil),
            ("expandContractPhase", "expand-contract phase?", expandContractPhase != nil),
        ]
    }

    /// Keys of the questions not answered yet.
    public var unanswered: [String] { questions.filter { !$0.answered }.map(\.key) }
}

public enum ExpandContractPhase: String, Vocabulary {
    case expand, migrate, contract
    case notApplicable = "not-applicable"
}
