import CabinetKit
import Foundation

/// The PostgreSQL schema: the portable tables with 64-bit integers, insertion-order columns,
/// the triggers of the SQLite schema in PL/pgSQL, and statement triggers that NOTIFY open boards.
/// Migrations run under an advisory lock, so clients starting at once apply each step once.
enum PostgresSchema {
    /// The LISTEN/NOTIFY channel every write to Cabinet's tables notifies, naming the writing
    /// client (its `application_name`), so a store can tell its own writes from others'.
    static let channel = "cabinet_changed"
    /// The advisory lock key of migrations ("cabinet" in ASCII, as a number).
    static let migrationLock: Int64 = 0x63_61_62_69_6E_65_74
    /// The advisory lock key that serializes writers, as SQLite's single writer does.
    static let writeLock: Int64 = 0x63_61_62_5F_77_72_69

    static var steps: [(name: String, sql: String)] {
        PortableSchema.steps.map { ($0.name, postgresTypes($0.sql)) } + [("postgres: insertion order, triggers, notifications", triggers)]
    }

    /// Brings the schema up to date; a database already up to date is only read.
    static func migrate(_ session: PostgresSession) throws {
        if try pending(session).isEmpty { return }
        try session.script("SELECT pg_advisory_lock(\(migrationLock))")
        defer { try? session.script("SELECT pg_advisory_unlock(\(migrationLock))") }
        try session.script("CREATE TABLE IF NOT EXISTS cabinet_migrations (name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())")
        for step in try pending(session) {
            try session.script("BEGIN")
            do {
                try session.script(step.sql)
                try session.execute("INSERT INTO cabinet_migrations (name) VALUES (?)", [.text(step.name)])
                try session.script("COMMIT")
            } catch {
                try? session.script("ROLLBACK")
                throw error
            }
        }
    }

    /// The steps not applied yet.
    private static func pending(_ session: PostgresSession) throws -> [(name: String, sql: String)] {
        let exists = try session.firstRow("SELECT to_regclass('cabinet_migrations') IS NOT NULL", []) { try $0.bool(0) } ?? false
        let applied = exists ? Set(try session.strings("SELECT name FROM cabinet_migrations", [])) : []
        return steps.filter { !applied.contains($0.name) }
    }

    /// INTEGER columns as BIGINT (times in milliseconds do not fit 32 bits), and text that sorts
    /// by bytes as in SQLite, whatever the database's locale: ids, names and exports come out
    /// in the same order from both engines.
    private static func postgresTypes(_ sql: String) -> String {
        sql.replacingOccurrences(of: #"\bINTEGER\b"#, with: "BIGINT", options: .regularExpression)
            .replacingOccurrences(of: #"\bTEXT\b"#, with: "TEXT COLLATE \"C\"", options: .regularExpression)
    }

    /// Tables whose writes a board shows.
    static let watchedTables = [
        "services", "changes", "decisions", "conditions_met", "incidents", "meetings", "meeting_attendees", "agenda_items",
        "freezes", "meta", "risk_calibrations", "verifications",
    ]

    /// The decision trigger runs as the schema's owner (SECURITY DEFINER): a chair records
    /// decisions without the right to edit changes.
    private static var triggers: String {
        """
        ALTER TABLE decisions ADD COLUMN seq BIGINT GENERATED ALWAYS AS IDENTITY;
        ALTER TABLE meeting_attendees ADD COLUMN seq BIGINT GENERATED ALWAYS AS IDENTITY;
        CREATE INDEX decisions_by_change_seq ON decisions(change_id, at, seq);

        CREATE FUNCTION cabinet_refuse_decision_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION '\(PortableSchema.appendOnly)' USING ERRCODE = 'restrict_violation'; END $$;
        CREATE TRIGGER decisions_are_not_changed BEFORE UPDATE OR DELETE ON decisions
            FOR EACH ROW EXECUTE FUNCTION cabinet_refuse_decision_change();
        CREATE TRIGGER decisions_are_not_truncated BEFORE TRUNCATE ON decisions
            FOR EACH STATEMENT EXECUTE FUNCTION cabinet_refuse_decision_change();

        CREATE FUNCTION cabinet_decision_sets_first() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
        BEGIN
        \(PortableSchema.decisionSetsFirst);
        RETURN NULL;
        END $$;
        CREATE TRIGGER decision_sets_first AFTER INSERT ON decisions FOR EACH ROW EXECUTE FUNCTION cabinet_decision_sets_first();

        CREATE FUNCTION cabinet_notify() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN PERFORM pg_notify('\(channel)', current_setting('application_name')); RETURN NULL; END $$;
        \(watchedTables.map { "CREATE TRIGGER \($0)_notify AFTER INSERT OR UPDATE OR DELETE ON \($0) FOR EACH STATEMENT EXECUTE FUNCTION cabinet_notify();" }
            .joined(separator: "\n"))
        """
    }
}
