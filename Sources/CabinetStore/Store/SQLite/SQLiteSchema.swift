import GRDB
import CabinetModel

/// The SQLite schema: the portable tables, plus triggers that keep decisions append-only and
/// keep each change's first decision, approval time and state as decisions are appended.
/// Like the portable steps, every statement here is fixed at its version.
enum SQLiteSchema {
    static let steps: [MigrationStep] = [
        MigrationStep(PortableSchema.v1Name, PortableSchema.v1 + [notUpdated, notDeleted, setsFirst]),
        MigrationStep(PortableSchema.v2Name, PortableSchema.v2),
        MigrationStep(PortableSchema.v3Name, PortableSchema.v3),
        MigrationStep("v4 (SQLite): team roles checked by cab", [
            "CREATE TABLE team_roles (name TEXT PRIMARY KEY, role TEXT NOT NULL CHECK (role IN ('reader', 'member', 'chair')))",
        ]),
        // Decisions get an explicit order (rowid may be renumbered by VACUUM), numbered as they
        // were inserted, with the update trigger off while the old rows get their numbers and links.
        MigrationStep(PortableSchema.v5Name, actions:
            [.sql("ALTER TABLE decisions ADD COLUMN seq INTEGER"), .sql("DROP TRIGGER decisions_are_not_updated"),
             .sql("UPDATE decisions SET seq = rowid")]
            + PortableSchema.v5Columns.map(MigrationAction.sql)
            + [.fillDecisionChain, .sql(notUpdated), .sql(PortableSchema.v5Order), .sql(notReplacedV5)]),
        MigrationStep(PortableSchema.v6Name, PortableSchema.v6),
        // REPLACE on a decision's number (seq) deleted the decision holding it without a trigger.
        MigrationStep("v7 (SQLite): a decision's number cannot be replaced either", ["DROP TRIGGER decisions_are_not_replaced", notReplaced]),
        MigrationStep(PortableSchema.v9Name, PortableSchema.v9),
        MigrationStep(PortableSchema.v10Name, PortableSchema.v10),
        MigrationStep(PortableSchema.v11Name, PortableSchema.v11 + [pirsNotUpdated, pirsNotDeleted, pirsNotReplaced]),
        MigrationStep(PortableSchema.v12Name, PortableSchema.v12),
        MigrationStep(PortableSchema.v13Name, PortableSchema.v13 + serviceHistoryTriggers),
        MigrationStep(PortableSchema.v14Name, PortableSchema.v14 + routeWeekTriggers),
        MigrationStep(PortableSchema.v15Name, PortableSchema.v15),
    ]

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for step in steps {
            migrator.registerMigration(step.name) { db in try step.apply(db) }
        }
        return migrator
    }

    static let notUpdated = """
        CREATE TRIGGER decisions_are_not_updated BEFORE UPDATE ON decisions
        BEGIN SELECT RAISE(ABORT, 'decisions are append-only: record a new decision that supersedes it'); END
        """
    static let notDeleted = """
        CREATE TRIGGER decisions_are_not_deleted BEFORE DELETE ON decisions
        BEGIN SELECT RAISE(ABORT, 'decisions are append-only: record a new decision that supersedes it'); END
        """
    /// `REPLACE INTO` deletes the row it replaces without firing the delete trigger: refused
    /// before it gets there, on the id (v5) and on the number (v7).
    static let notReplacedV5 = """
        CREATE TRIGGER decisions_are_not_replaced BEFORE INSERT ON decisions
        WHEN EXISTS (SELECT 1 FROM decisions WHERE id = NEW.id)
        BEGIN SELECT RAISE(ABORT, 'decisions are append-only: record a new decision that supersedes it'); END
        """
    static let notReplaced = """
        CREATE TRIGGER decisions_are_not_replaced BEFORE INSERT ON decisions
        WHEN EXISTS (SELECT 1 FROM decisions WHERE id = NEW.id OR seq = NEW.seq)
        BEGIN SELECT RAISE(ABORT, 'decisions are append-only: record a new decision that supersedes it'); END
        """
    static let setsFirst = """
        CREATE TRIGGER decision_sets_first AFTER INSERT ON decisions
        BEGIN
        \(PortableSchema.decisionSetsFirst);
        END
        """

    static let pirsNotUpdated = """
        CREATE TRIGGER pirs_are_not_updated BEFORE UPDATE ON pirs
        BEGIN SELECT RAISE(ABORT, '\(PortableSchema.pirsAppendOnly)'); END
        """
    static let pirsNotDeleted = """
        CREATE TRIGGER pirs_are_not_deleted BEFORE DELETE ON pirs
        BEGIN SELECT RAISE(ABORT, '\(PortableSchema.pirsAppendOnly)'); END
        """
    /// As for decisions, `REPLACE INTO` would delete the review it replaces without the delete trigger.
    static let pirsNotReplaced = """
        CREATE TRIGGER pirs_are_not_replaced BEFORE INSERT ON pirs
        WHEN EXISTS (SELECT 1 FROM pirs WHERE change_id = NEW.change_id)
        BEGIN SELECT RAISE(ABORT, '\(PortableSchema.pirsAppendOnly)'); END
        """

    /// v13's triggers that keep `service_history` as rows are inserted and deleted; they stay on
    /// during a copy, which deletes and inserts through them.
    static let serviceHistoryTriggers: [String] = ServiceHistoryTriggers.followed.flatMap { followed -> [String] in
        [trigger(on: followed.table, after: "INSERT", followed.inserted), trigger(on: followed.table, after: "DELETE", followed.deleted)]
    }

    /// A trigger named for the summary it keeps; `columns` and `condition` narrow an update trigger.
    private static func trigger(on table: String, after event: String, _ statements: [String], keeping summary: String = "service_history",
                                columns: [String]? = nil, when condition: String? = nil) -> String {
        let body = statements.map { statement in statement + ";\n" }.joined()
        let of = columns.map { " OF \($0.joined(separator: ", "))" } ?? ""
        let when = condition.map { "\nWHEN \($0)" } ?? ""
        return "CREATE TRIGGER \(table)_\(event.lowercased())_keeps_\(summary) AFTER \(event)\(of) ON \(table)\(when)\nBEGIN\n\(body)END"
    }

    /// v14's triggers that keep `route_weeks` as changes and their incident marks are written;
    /// like v13's they stay on during a copy. An update moves a change only when a counted
    /// column really changed.
    static let routeWeekTriggers: [String] = RouteWeekTriggers.followed.flatMap { followed -> [String] in
        let columns = RouteWeekTriggers.countedColumns
        let changed = columns.map { "OLD.\($0) IS NOT NEW.\($0)" }.joined(separator: " OR ")
        return [trigger(on: followed.table, after: "INSERT", followed.inserted, keeping: "route_weeks"),
                trigger(on: followed.table, after: "DELETE", followed.deleted, keeping: "route_weeks")]
            + (followed.updated.map { [trigger(on: followed.table, after: "UPDATE", $0, keeping: "route_weeks", columns: columns, when: changed)] } ?? [])
    }

    /// The triggers of the latest schema, by name: a copy drops them while it writes rows as
    /// they were, then puts them back.
    static let triggers: [(name: String, sql: String)] = [
        ("decisions_are_not_updated", notUpdated), ("decisions_are_not_deleted", notDeleted),
        ("decisions_are_not_replaced", notReplaced), ("decision_sets_first", setsFirst),
        ("pirs_are_not_updated", pirsNotUpdated), ("pirs_are_not_deleted", pirsNotDeleted), ("pirs_are_not_replaced", pirsNotReplaced),
    ]
}
