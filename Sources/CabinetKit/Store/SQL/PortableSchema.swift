/// Cabinet's tables in SQL that SQLite and PostgreSQL both run, as the steps of its
/// migrations. Times are INTEGER milliseconds since the epoch (UTC), so periods compare and
/// latencies subtract in SQL; flags are 0/1. Each engine adds its own triggers.
public enum PortableSchema {
    /// The migration steps, oldest first: a name and its statements.
    public static let steps: [(name: String, sql: String)] = [
        ("v1: changes, decisions, incidents, services, meetings", v1),
        ("v2: conditions met", v2),
        ("v3: config areas, freezes, risk calibrations, verifications, announcements", v3),
    ]

    static func check<V: Vocabulary>(_ column: String, _ vocabulary: V.Type) -> String {
        "CHECK (\(column) IN (\(words(V.allCases))))"
    }

    /// `'a', 'b'`: words as an SQL list.
    public static func words<V: Vocabulary>(_ values: some Collection<V>) -> String {
        values.map { "'\($0.rawValue)'" }.joined(separator: ", ")
    }

    static var v1: String {
        """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

        CREATE TABLE services (
            name TEXT PRIMARY KEY,
            team TEXT NOT NULL
        );
        CREATE TABLE service_dependencies (
            service TEXT NOT NULL REFERENCES services(name),
            depends_on TEXT NOT NULL REFERENCES services(name),
            position INTEGER NOT NULL,
            PRIMARY KEY (service, depends_on)
        );

        CREATE TABLE changes (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            owner TEXT NOT NULL,
            team TEXT NOT NULL,
            type TEXT NOT NULL \(check("type", ChangeType.self)),
            category TEXT NOT NULL \(check("category", ChangeCategory.self)),
            risk TEXT NOT NULL \(check("risk", Risk.self)),
            route TEXT NOT NULL \(check("route", Route.self)),
            files_changed INTEGER,
            has_migration INTEGER,
            blast_radius TEXT NOT NULL,
            rollback_plan TEXT NOT NULL,
            rollback_minutes INTEGER,
            verification TEXT NOT NULL,
            window_start INTEGER,
            window_end INTEGER,
            submitted_at INTEGER NOT NULL,
            state TEXT NOT NULL \(check("state", ChangeState.self)),
            migration_checklist TEXT,
            first_decision_at INTEGER,
            first_outcome TEXT,
            approved_at INTEGER,
            CHECK (window_end IS NULL OR window_start IS NULL OR window_end > window_start)
        );
        CREATE INDEX changes_by_first_decision ON changes(first_decision_at, route, first_outcome);
        CREATE INDEX changes_by_approval ON changes(approved_at, route, submitted_at);
        CREATE INDEX changes_by_submission ON changes(submitted_at, route);
        CREATE INDEX changes_by_route_state ON changes(route, state, submitted_at);

        CREATE TABLE change_services (
            change_id TEXT NOT NULL REFERENCES changes(id),
            position INTEGER NOT NULL,
            service TEXT NOT NULL REFERENCES services(name),
            PRIMARY KEY (change_id, position)
        );

        CREATE TABLE decisions (
            id TEXT PRIMARY KEY,
            change_id TEXT NOT NULL REFERENCES changes(id),
            outcome TEXT NOT NULL \(check("outcome", Outcome.self)),
            at INTEGER NOT NULL,
            by TEXT NOT NULL,
            conditions TEXT,
            note TEXT,
            supersedes TEXT REFERENCES decisions(id)
        );
        CREATE INDEX decisions_by_change ON decisions(change_id, at);
        CREATE INDEX decisions_by_time ON decisions(at);

        CREATE TABLE incidents (
            id TEXT PRIMARY KEY,
            opened_at INTEGER NOT NULL,
            severity TEXT NOT NULL \(check("severity", Severity.self))
        );
        CREATE TABLE incident_causes (
            incident_id TEXT NOT NULL REFERENCES incidents(id),
            change_id TEXT NOT NULL REFERENCES changes(id),
            position INTEGER NOT NULL,
            PRIMARY KEY (incident_id, change_id)
        );
        CREATE INDEX incident_causes_by_change ON incident_causes(change_id, incident_id);
        CREATE TABLE incident_services (
            incident_id TEXT NOT NULL REFERENCES incidents(id),
            service TEXT NOT NULL REFERENCES services(name),
            position INTEGER NOT NULL,
            PRIMARY KEY (incident_id, service)
        );

        CREATE TABLE meetings (
            date TEXT PRIMARY KEY,
            chair TEXT NOT NULL,
            item_minutes INTEGER NOT NULL DEFAULT 3,
            started_at INTEGER,
            agenda_frozen_at INTEGER,
            ended_at INTEGER
        );
        CREATE TABLE meeting_attendees (
            meeting_date TEXT NOT NULL REFERENCES meetings(date),
            name TEXT NOT NULL,
            role TEXT NOT NULL \(check("role", AttendeeRole.self)),
            present INTEGER,
            PRIMARY KEY (meeting_date, name)
        );
        CREATE TABLE agenda_items (
            meeting_date TEXT NOT NULL REFERENCES meetings(date),
            change_id TEXT NOT NULL REFERENCES changes(id),
            position INTEGER NOT NULL,
            started_at INTEGER,
            paused_at INTEGER,
            paused_total_ms INTEGER NOT NULL DEFAULT 0,
            ended_at INTEGER,
            PRIMARY KEY (meeting_date, change_id)
        );
        """
    }

    /// When the conditions of an approved-with-conditions decision were met, and by whom.
    static let v2 = """
        CREATE TABLE conditions_met (
            decision_id TEXT PRIMARY KEY REFERENCES decisions(id),
            met_by TEXT NOT NULL,
            met_at INTEGER NOT NULL,
            note TEXT
        );
        """

    /// Migration v3: what risk and release need. Config areas on changes, indexes to find a
    /// service's changes and incidents, freeze windows, stored calibrations with their weights,
    /// post-deployment verifications and the announcements sent to webhooks.
    static let v3 = """
        ALTER TABLE changes ADD COLUMN touches TEXT;
        CREATE INDEX change_services_by_service ON change_services(service, change_id);
        CREATE INDEX incident_services_by_service ON incident_services(service, incident_id);

        CREATE TABLE freezes (
            number INTEGER PRIMARY KEY,
            starts_at INTEGER NOT NULL,
            ends_at INTEGER NOT NULL,
            reason TEXT NOT NULL,
            added_by TEXT NOT NULL,
            added_at INTEGER NOT NULL,
            CHECK (ends_at > starts_at)
        );

        CREATE TABLE risk_calibrations (
            id TEXT PRIMARY KEY,
            calibrated_at INTEGER NOT NULL,
            data_since INTEGER,
            data_until INTEGER NOT NULL,
            changes INTEGER NOT NULL,
            incidents INTEGER NOT NULL,
            brier DOUBLE PRECISION NOT NULL,
            default_brier DOUBLE PRECISION NOT NULL
        );
        CREATE INDEX risk_calibrations_by_time ON risk_calibrations(calibrated_at);
        CREATE TABLE risk_weights (
            calibration_id TEXT NOT NULL REFERENCES risk_calibrations(id),
            feature TEXT NOT NULL,
            weight DOUBLE PRECISION NOT NULL,
            mean DOUBLE PRECISION NOT NULL,
            sd DOUBLE PRECISION NOT NULL,
            PRIMARY KEY (calibration_id, feature)
        );

        CREATE TABLE verifications (
            id TEXT PRIMARY KEY,
            change_id TEXT NOT NULL REFERENCES changes(id),
            at INTEGER NOT NULL,
            by TEXT NOT NULL,
            smoke TEXT NOT NULL CHECK (smoke IN ('pass', 'fail')),
            error_rate DOUBLE PRECISION,
            baseline_error_rate DOUBLE PRECISION,
            p99_delta DOUBLE PRECISION,
            held_minutes INTEGER,
            required_minutes INTEGER NOT NULL,
            stable INTEGER NOT NULL
        );
        CREATE INDEX verifications_by_change ON verifications(change_id, at);

        CREATE TABLE announcements (
            id TEXT PRIMARY KEY,
            change_id TEXT NOT NULL REFERENCES changes(id),
            at INTEGER NOT NULL,
            by TEXT NOT NULL,
            webhook TEXT NOT NULL,
            text TEXT NOT NULL
        );
        """

    /// What a new decision does to its change: keeps the first decision and the earliest
    /// approval, and moves a change not implemented yet to the state its latest decision implies.
    /// One UPDATE that both engines run inside their AFTER INSERT trigger, with `NEW` the decision.
    public static var decisionSetsFirst: String {
        """
            UPDATE changes SET
                first_decision_at = CASE WHEN first_decision_at IS NULL OR NEW.at < first_decision_at
                    THEN NEW.at ELSE first_decision_at END,
                first_outcome = CASE WHEN first_decision_at IS NULL OR NEW.at < first_decision_at
                    THEN NEW.outcome ELSE first_outcome END,
                approved_at = CASE WHEN NEW.outcome IN ('approved', 'approved-with-conditions')
                    AND (approved_at IS NULL OR NEW.at < approved_at) THEN NEW.at ELSE approved_at END,
                state = CASE WHEN state IN (\(words(ChangeState.movedByDecisions)))
                    AND NOT EXISTS (SELECT 1 FROM decisions d WHERE d.change_id = NEW.change_id AND d.at > NEW.at)
                    THEN (CASE NEW.outcome \(Outcome.allCases.map { "WHEN '\($0.rawValue)' THEN '\($0.resultingState.rawValue)'" }.joined(separator: " ")) END)
                    ELSE state END
            WHERE id = NEW.change_id
        """
    }

    /// The message of the triggers that keep decisions append-only.
    public static let appendOnly = "decisions are append-only: record a new decision that supersedes it"
}
