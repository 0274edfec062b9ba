import GRDB

/// The SQLite schema: the portable tables, plus triggers that keep decisions append-only and
/// keep each change's first decision, approval time and state as decisions are appended.
enum SQLiteSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for (index, step) in PortableSchema.steps.enumerated() {
            migrator.registerMigration(step.name) { db in
                try db.execute(sql: step.sql)
                if index == 0 { try db.execute(sql: triggers) }
            }
        }
        migrator.registerMigration("v4 (SQLite): team roles checked by cab") { db in
            try db.execute(sql: """
                CREATE TABLE team_roles (name TEXT PRIMARY KEY, role TEXT NOT NULL CHECK (role IN (\(PortableSchema.words(TeamRole.allCases)))))
                """)
        }
        return migrator
    }

    /// The triggers a copy drops while it writes rows as they were, and then puts back.
    static let triggerNames = ["decisions_are_not_updated", "decisions_are_not_deleted", "decision_sets_first"]

    static var triggers: String {
        """
        CREATE TRIGGER decisions_are_not_updated BEFORE UPDATE ON decisions
        BEGIN SELECT RAISE(ABORT, '\(PortableSchema.appendOnly)'); END;
        CREATE TRIGGER decisions_are_not_deleted BEFORE DELETE ON decisions
        BEGIN SELECT RAISE(ABORT, '\(PortableSchema.appendOnly)'); END;

        CREATE TRIGGER decision_sets_first AFTER INSERT ON decisions
        BEGIN
        \(PortableSchema.decisionSetsFirst);
        END;
        """
    }
}
