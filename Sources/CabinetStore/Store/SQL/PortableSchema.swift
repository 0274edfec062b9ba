import CabinetModel
/// Cabinet's tables in SQL that SQLite and PostgreSQL both run, as the steps of its
/// migrations. Times are INTEGER milliseconds since the epoch (UTC), so periods compare and
/// latencies subtract in SQL; flags are 0/1. Each engine adds its own triggers.
///
/// Every step is literal SQL, fixed at its version: a step once released is never edited (a
/// new word in a vocabulary is a new step), so a database migrated step by step and a fresh
/// one hold the same schema. `SchemaMigrationTests` pins this against a file the first
/// releases wrote.
public enum PortableSchema {
    public static let v1Name = "v1: changes, decisions, incidents, services, meetings"
    public static let v2Name = "v2: conditions met"
    public static let v3Name = "v3: config areas, freezes, risk calibrations, verifications, announcements"
    public static let v5Name = "v5: the decision chain, and who ran each write"
    public static let v6Name = "v6: action items and lessons"
    public static let v9Name = "v9: blameless reviews"
    public static let v10Name = "v10: agenda items pulled in late and their notes, the team an attendee speaks for"
    public static let v11Name = "v11: deployments, restorations and post-implementation reviews"
    public static let v12Name = "v12: the risk score a decision was recorded with, lessons by incident"
    public static let v13Name = "v13: each service's history kept as changes and incidents are written"
    public static let v14Name = "v14-route-weeks: each route's weekly figures kept as changes and decisions are written"
    public static let v15Name = "v15-source-links: where each imported change came from, and its fields as last imported"

    /// The tables of v1.
    public static let v1: [String] = [
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        """
        CREATE TABLE services (
            name TEXT PRIMARY KEY,
            team TEXT NOT NULL
        )
        """,
        """
        CREATE TABLE service_dependencies (
            service TEXT NOT NULL REFERENCES services(name),
            depends_on TEXT NOT NULL REFERENCES services(name),
            position INTEGER NOT NULL,
            PRIMARY KEY (service, depends_on)
        )
        """,
        """
        CREATE TABLE changes (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            owner TEXT NOT NULL,
            team TEXT NOT NULL,
            type TEXT NOT NULL CHECK (type IN ('standard', 'normal', 'emergency', 'pre-approved')),
            category TEXT NOT NULL CHECK (category IN ('single-service', 'multi-service', 'database-schema', 'infrastructure', 'third-party-integration')),
            risk TEXT NOT NULL CHECK (risk IN ('low', 'medium', 'high')),
            route TEXT NOT NULL CHECK (route IN ('pipeline', 'peer', 'cab', 'emergency')),
            files_changed INTEGER,
            has_migration INTEGER,
            blast_radius TEXT NOT NULL,
            rollback_plan TEXT NOT NULL,
            rollback_minutes INTEGER,
            verification TEXT NOT NULL,
            window_start INTEGER,
            window_end INTEGER,
            submitted_at INTEGER NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('new', 'assess', 'authorize', 'scheduled', 'implement', 'review', 'closed', 'canceled')),
            migration_checklist TEXT,
            first_decision_at INTEGER,
            first_outcome TEXT,
            approved_at INTEGER,
            CHECK (window_end IS NULL OR window_start IS NULL OR window_end > window_start)
        )
        """,
        "CREATE INDEX changes_by_first_decision ON changes(first_decision_at, route, first_outcome)",
        "CREATE INDEX changes_by_approval ON changes(approved_at, route, submitted_at)",
        "CREATE INDEX changes_by_submission ON changes(submitted_at, route)",
        "CREATE INDEX changes_by_route_state ON changes(route, state, submitted_at)",
        """
        CREATE TABLE change_services (
            change_id TEXT NOT NULL REFERENCES changes(id),
            position INTEGER NOT NULL,
            service TEXT NOT NULL REFERENCES services(name),
            PRIMARY KEY (change_id, position)
        )
        """,
        """
        CREATE TABLE decisions (
            id TEXT PRIMARY KEY,
            change_id TEXT NOT NULL REFERENCES changes(id),
            outcome TEXT NOT NULL CHECK (outcome IN ('approved', 'approved-with-conditions', 'rejected', 'deferred')),
            at INTEGER NOT NULL,
            by TEXT NOT NULL,
            conditions TEXT,
            note TEXT,
            supersedes TEXT REFERENCES decisions(id)
        )
        """,
        "CREATE INDEX decisions_by_change ON decisions(change_id, at)",
        "CREATE INDEX decisions_by_time ON decisions(at)",
        """
        CREATE TABLE incidents (
            id TEXT PRIMARY KEY,
            opened_at INTEGER NOT NULL,
            severity TEXT NOT NULL CHECK (severity IN ('sev1', 'sev2', 'sev3', 'sev4'))
        )
        """,
        """
        CREATE TABLE incident_causes (
            incident_id TEXT NOT NULL REFERENCES incidents(id),
            change_id TEXT NOT NULL REFERENCES changes(id),
            position INTEGER NOT NULL,
            PRIMARY KEY (incident_id, change_id)
        )
        """,
        "CREATE INDEX incident_causes_by_change ON incident_causes(change_id, incident_id)",
        """
        CREATE TABLE incident_services (
            incident_id TEXT NOT NULL REFERENCES incidents(id),
            service TEXT NOT NULL REFERENCES services(name),
            position INTEGER NOT NULL,
            PRIMARY KEY (incident_id, service)
        )
        """,
        """
        CREATE TABLE meetings (
            date TEXT PRIMARY KEY,
            chair TEXT NOT NULL,
            item_minutes INTEGER NOT NULL DEFAULT 3,
            started_at INTEGER,
            agenda_frozen_at INTEGER,
            ended_at INTEGER
        )
        """,
        """
        CREATE TABLE meeting_attendees (
            meeting_date TEXT NOT NULL REFERENCES meetings(date),
            name TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('chair', 'on-call', 'downstream', 'owner', 'observer')),
            present INTEGER,
            PRIMARY KEY (meeting_date, name)
        )
        """,
        """
        CREATE TABLE agenda_items (
            meeting_date TEXT NOT NULL REFERENCES meetings(date),
            change_id TEXT NOT NULL REFERENCES changes(id),
            position INTEGER NOT NULL,
            started_at INTEGER,
            paused_at INTEGER,
            paused_total_ms INTEGER NOT NULL DEFAULT 0,
            ended_at INTEGER,
            PRIMARY KEY (meeting_date, change_id)
        )
        """,
    ]

    /// When the conditions of an approved-with-conditions decision were met, and by whom.
    public static let v2: [String] = [
        """
        CREATE TABLE conditions_met (
            decision_id TEXT PRIMARY KEY REFERENCES decisions(id),
            met_by TEXT NOT NULL,
            met_at INTEGER NOT NULL,
            note TEXT
        )
        """,
    ]

    /// What risk and release need. Config areas on changes, indexes to find a service's changes
    /// and incidents, freeze windows, stored calibrations with their weights, post-deployment
    /// verifications and the announcements sent to webhooks.
    public static let v3: [String] = [
        "ALTER TABLE changes ADD COLUMN touches TEXT",
        "CREATE INDEX change_services_by_service ON change_services(service, change_id)",
        "CREATE INDEX incident_services_by_service ON incident_services(service, incident_id)",
        """
        CREATE TABLE freezes (
            number INTEGER PRIMARY KEY,
            starts_at INTEGER NOT NULL,
            ends_at INTEGER NOT NULL,
            reason TEXT NOT NULL,
            added_by TEXT NOT NULL,
            added_at INTEGER NOT NULL,
            CHECK (ends_at > starts_at)
        )
        """,
        """
        CREATE TABLE risk_calibrations (
            id TEXT PRIMARY KEY,
            calibrated_at INTEGER NOT NULL,
            data_since INTEGER,
            data_until INTEGER NOT NULL,
            changes INTEGER NOT NULL,
            incidents INTEGER NOT NULL,
            brier DOUBLE PRECISION NOT NULL,
            default_brier DOUBLE PRECISION NOT NULL
        )
        """,
        "CREATE INDEX risk_calibrations_by_time ON risk_calibrations(calibrated_at)",
        """
        CREATE TABLE risk_weights (
            calibration_id TEXT NOT NULL REFERENCES risk_calibrations(id),
            feature TEXT NOT NULL,
            weight DOUBLE PRECISION NOT NULL,
            mean DOUBLE PRECISION NOT NULL,
            sd DOUBLE PRECISION NOT NULL,
            PRIMARY KEY (calibration_id, feature)
        )
        """,
        """
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
        )
        """,
        "CREATE INDEX verifications_by_change ON verifications(change_id, at)",
        """
        CREATE TABLE announcements (
            id TEXT PRIMARY KEY,
            change_id TEXT NOT NULL REFERENCES changes(id),
            at INTEGER NOT NULL,
            by TEXT NOT NULL,
            webhook TEXT NOT NULL,
            text TEXT NOT NULL
        )
        """,
    ]

    /// The columns of v5 both engines add: each decision's place in the hash chain, and beside
    /// every `by` a write names, who ran the write (the database login, or the system user).
    public static let v5Columns: [String] = [
        "ALTER TABLE decisions ADD COLUMN recorded_by TEXT",
        "ALTER TABLE decisions ADD COLUMN chain_rule INTEGER",
        "ALTER TABLE decisions ADD COLUMN chain_previous TEXT",
        "ALTER TABLE decisions ADD COLUMN chain_hash TEXT",
        "ALTER TABLE changes ADD COLUMN recorded_by TEXT",
        "ALTER TABLE conditions_met ADD COLUMN recorded_by TEXT",
        "ALTER TABLE freezes ADD COLUMN recorded_by TEXT",
        "ALTER TABLE verifications ADD COLUMN recorded_by TEXT",
        "ALTER TABLE announcements ADD COLUMN recorded_by TEXT",
    ]

    /// Decisions in the order they were recorded: the chain's order, on both engines.
    public static let v5Order = "CREATE UNIQUE INDEX decisions_in_order ON decisions(seq)"

    /// What a new decision does to its change: keeps the first decision and the earliest
    /// approval, and moves a change not implemented yet to the state its latest decision implies.
    /// One UPDATE that both engines run inside their AFTER INSERT trigger, with `NEW` the decision.
    public static let decisionSetsFirst = """
            UPDATE changes SET
                first_decision_at = CASE WHEN first_decision_at IS NULL OR NEW.at < first_decision_at
                    THEN NEW.at ELSE first_decision_at END,
                first_outcome = CASE WHEN first_decision_at IS NULL OR NEW.at < first_decision_at
                    THEN NEW.outcome ELSE first_outcome END,
                approved_at = CASE WHEN NEW.outcome IN ('approved', 'approved-with-conditions')
                    AND (approved_at IS NULL OR NEW.at < approved_at) THEN NEW.at ELSE approved_at END,
                state = CASE WHEN state IN ('new', 'assess', 'authorize', 'scheduled', 'canceled')
                    AND NOT EXISTS (SELECT 1 FROM decisions d WHERE d.change_id = NEW.change_id AND d.at > NEW.at)
                    THEN (CASE NEW.outcome WHEN 'approved' THEN 'scheduled' WHEN 'approved-with-conditions' THEN 'scheduled' WHEN 'rejected' THEN 'canceled' WHEN 'deferred' THEN 'authorize' END)
                    ELSE state END
            WHERE id = NEW.change_id
        """

    /// Action items of meetings and lessons of reviews: one kind, open until closed.
    public static let v6: [String] = [
        """
        CREATE TABLE action_items (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('action', 'lesson')),
            change_id TEXT REFERENCES changes(id),
            meeting_date TEXT REFERENCES meetings(date),
            incident_id TEXT REFERENCES incidents(id),
            text TEXT NOT NULL,
            owner TEXT NOT NULL,
            due_on TEXT,
            opened_at INTEGER NOT NULL,
            opened_by TEXT NOT NULL,
            closed_at INTEGER,
            closed_by TEXT,
            close_note TEXT,
            recorded_by TEXT
        )
        """,
        "CREATE INDEX action_items_open ON action_items(closed_at, due_on)",
    ]

    /// The blameless review of an incident caused by a change the board approved: one per incident.
    public static let v9: [String] = [
        """
        CREATE TABLE reviews (
            incident_id TEXT PRIMARY KEY REFERENCES incidents(id),
            change_id TEXT NOT NULL REFERENCES changes(id),
            opened_at INTEGER NOT NULL,
            rollback_worked INTEGER CHECK (rollback_worked IN (0, 1)),
            rollback_minutes_taken INTEGER CHECK (rollback_minutes_taken >= 0),
            verification_caught INTEGER CHECK (verification_caught IN (0, 1)),
            note TEXT,
            closed_at INTEGER,
            closed_by TEXT,
            recorded_by TEXT
        )
        """,
        "CREATE INDEX reviews_open ON reviews(closed_at)",
    ]

    /// What the chair keeps of the room: why a change was pulled into a frozen agenda and by
    /// whom, the discussion notes of each item, and the team each attendee speaks for.
    public static let v10: [String] = [
        "ALTER TABLE agenda_items ADD COLUMN added_reason TEXT",
        "ALTER TABLE agenda_items ADD COLUMN added_by TEXT",
        "ALTER TABLE agenda_items ADD COLUMN notes TEXT",
        "ALTER TABLE meeting_attendees ADD COLUMN speaks_for TEXT",
    ]

    /// When a change was deployed and an incident resolved (both optional), an index on the
    /// deployment time the figures read (recorded, else the window start of a change in
    /// implement, review or closed: `Deployment.sqlExpression`), and the post-implementation
    /// reviews of emergency changes: one per change, append-only (each engine adds its triggers).
    public static let v11: [String] = [
        "ALTER TABLE changes ADD COLUMN deployed_at INTEGER",
        "ALTER TABLE incidents ADD COLUMN resolved_at INTEGER",
        "CREATE INDEX changes_by_deployment ON changes((COALESCE(deployed_at, CASE WHEN state IN ('implement', 'review', 'closed') THEN window_start END)), route)",
        """
        CREATE TABLE pirs (
            change_id TEXT PRIMARY KEY REFERENCES changes(id),
            outcome TEXT NOT NULL CHECK (outcome IN ('accepted', 'follow-up-required')),
            at INTEGER NOT NULL,
            by TEXT NOT NULL,
            meeting_date TEXT REFERENCES meetings(date),
            note TEXT,
            recorded_by TEXT
        )
        """,
    ]

    /// The message of the triggers that keep post-implementation reviews append-only.
    public static let pirsAppendOnly = "post-implementation reviews are append-only: a review is recorded once"

    /// The change's risk score when a decision was recorded (hashed by chain rule 2), and the
    /// lessons of an incident found without a scan of the action items.
    public static let v12: [String] = [
        "ALTER TABLE decisions ADD COLUMN risk_score DOUBLE PRECISION",
        "CREATE INDEX action_items_by_incident ON action_items(incident_id, kind)",
    ]

    /// Each service's history as the risk assessment reads it, kept by each engine's triggers in
    /// the transaction of every write to `change_services`, `incident_causes` and
    /// `incident_services` (derived: neither exported nor copied, rebuilt from the rows), so the
    /// queue reads one row per service instead of counting the service's whole history; and the
    /// changes that caused an incident, marked once each, from which the triggers count.
    /// Filled here from the rows already written.
    public static let v13: [String] = [
        """
        CREATE TABLE service_history (
            service TEXT PRIMARY KEY,
            change_count INTEGER NOT NULL,
            incident_change_count INTEGER NOT NULL,
            last_incident_id TEXT,
            last_incident_opened_at INTEGER
        )
        """,
        "CREATE TABLE changes_with_incident (change_id TEXT PRIMARY KEY REFERENCES changes(id))",
    ] + ServiceHistoryTriggers.filled

    /// Each route's counts per ISO week (`RouteWeekTriggers`), and the incident links of approved
    /// changes by approval time, kept by each engine's triggers in the transaction of every write
    /// to `changes`, `changes_with_incident` and `incident_causes` (derived:
    /// neither exported nor copied, rebuilt from the rows), so a period's whole weeks are read
    /// from a few rows instead of counting their changes; filled here from the rows already
    /// written. And the deployment index widened to every column DORA's figures read of a
    /// deployment, so the period's deployments come out of the index alone.
    public static let v14: [String] = [
        """
        CREATE TABLE route_weeks (
            route TEXT NOT NULL,
            week INTEGER NOT NULL,
            first_approved INTEGER NOT NULL,
            first_with_conditions INTEGER NOT NULL,
            first_rejected INTEGER NOT NULL,
            first_deferred INTEGER NOT NULL,
            approved_with_incident INTEGER NOT NULL,
            submitted INTEGER NOT NULL,
            PRIMARY KEY (route, week)
        )
        """,
        "INSERT INTO route_weeks (route, week, \(RouteWeekTriggers.counts.joined(separator: ", "))) \(RouteWeekTriggers.recomputed)",
        """
        CREATE TABLE approved_incident_links (
            change_id TEXT NOT NULL REFERENCES changes(id),
            incident_id TEXT NOT NULL REFERENCES incidents(id),
            route TEXT NOT NULL,
            approved_at INTEGER NOT NULL,
            PRIMARY KEY (change_id, incident_id)
        )
        """,
        "CREATE INDEX approved_incident_links_by_time ON approved_incident_links(approved_at, route, change_id, incident_id)",
        "INSERT INTO approved_incident_links (change_id, incident_id, route, approved_at) \(RouteWeekTriggers.recomputedLinks)",
        "DROP INDEX changes_by_deployment",
        "CREATE INDEX changes_by_deployment_times ON changes((COALESCE(deployed_at, CASE WHEN state IN ('implement', 'review', 'closed') THEN window_start END)), route, submitted_at, approved_at, deployed_at, state, window_start)",
    ]

    /// Each imported change's system, its id there, the fingerprint (`SourceLink.fingerprint`)
    /// of the fields the source owns as the last import wrote them, so a re-import tells an edit
    /// made in Cabinet from the source's, and the day of the meeting the source plans it for.
    /// Changes imported before v15 get their link at their next import.
    public static let v15: [String] = [
        """
        CREATE TABLE source_links (
            change_id TEXT PRIMARY KEY REFERENCES changes(id),
            system TEXT NOT NULL,
            source_id TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            imported_at INTEGER NOT NULL,
            meeting_date TEXT
        )
        """,
        "CREATE UNIQUE INDEX source_links_by_source ON source_links(system, source_id)",
    ]

    /// The message of the triggers that keep decisions append-only.
    public static let appendOnly = "decisions are append-only: record a new decision that supersedes it"
}

/// One part of a migration step: literal SQL, or filling the decision chain of rows written
/// before it existed (the one step that needs code: a hash per row).
public enum MigrationAction: Sendable {
    case sql(String)
    case fillDecisionChain
}

/// A migration step: the name recorded in the database once applied, and what it does.
public struct MigrationStep: Sendable {
    public let name: String
    public let actions: [MigrationAction]

    public init(_ name: String, _ statements: [String]) {
        self.name = name
        actions = statements.map(MigrationAction.sql)
    }

    public init(_ name: String, actions: [MigrationAction]) {
        self.name = name
        self.actions = actions
    }

    /// Runs the step's actions in order; the caller holds the transaction.
    public func apply(_ db: some SQLDatabase) throws {
        for action in actions {
            switch action {
            case .sql(let statement): try db.execute(statement, [])
            case .fillDecisionChain: try DecisionChainRows.fill(db)
            }
        }
    }
}
