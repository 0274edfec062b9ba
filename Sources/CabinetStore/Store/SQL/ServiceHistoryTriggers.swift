/// The statements that keep `service_history` (v13) in step with the rows it sums, shared by
/// both engines' triggers (SQLite's trigger bodies, PostgreSQL's PL/pgSQL functions), and the
/// queries that recompute it from the rows (the migration's fill and the audit). Part of the
/// frozen migrations: never edit them, add a new step.
public enum ServiceHistoryTriggers {
    /// Per service: its changes, and those of them that caused an incident (a change that lists
    /// a service twice counts twice in both).
    public static let recomputedCounts = """
        SELECT cs.service, COUNT(*),
               SUM(CASE WHEN EXISTS (SELECT 1 FROM incident_causes ic WHERE ic.change_id = cs.change_id) THEN 1 ELSE 0 END)
        FROM change_services cs GROUP BY cs.service
        """

    /// Per service: its latest incident (by opening time, then id).
    public static let recomputedLastIncidents = """
        SELECT service, id, opened_at FROM (
            SELECT s.service, i.id, i.opened_at, ROW_NUMBER() OVER (PARTITION BY s.service ORDER BY i.opened_at DESC, i.id DESC) AS recency
            FROM incident_services s JOIN incidents i ON i.id = s.incident_id) ranked
        WHERE recency = 1
        """

    /// The marks and the summary worked out from the rows into empty tables: v13's fill, and what
    /// a bulk copy runs with the triggers off (`emptied` first) instead of one upsert per row.
    public static let filled = [
        "INSERT INTO changes_with_incident (change_id) SELECT DISTINCT change_id FROM incident_causes",
        "INSERT INTO service_history (service, change_count, incident_change_count) \(recomputedCounts)",
        """
        INSERT INTO service_history (service, change_count, incident_change_count, last_incident_id, last_incident_opened_at)
        SELECT service, 0, 0, id, opened_at FROM (\(recomputedLastIncidents)) latest WHERE TRUE
        ON CONFLICT (service) DO UPDATE SET last_incident_id = excluded.last_incident_id, last_incident_opened_at = excluded.last_incident_opened_at
        """,
    ]
    public static let emptied = ["DELETE FROM service_history", "DELETE FROM changes_with_incident"]

    /// A change now lists a service: one more change, and one more with an incident if it caused one.
    public static let changeServiceInserted = [
        """
        INSERT INTO service_history (service, change_count, incident_change_count)
        SELECT NEW.service, 1, CASE WHEN EXISTS (SELECT 1 FROM changes_with_incident WHERE change_id = NEW.change_id) THEN 1 ELSE 0 END
        WHERE TRUE
        ON CONFLICT (service) DO UPDATE SET change_count = service_history.change_count + 1,
            incident_change_count = service_history.incident_change_count + excluded.incident_change_count
        """,
    ]

    /// A change no longer lists a service (a copy replacing a store's rows).
    public static let changeServiceDeleted = [
        """
        UPDATE service_history SET change_count = change_count - 1,
            incident_change_count = incident_change_count - CASE WHEN EXISTS (SELECT 1 FROM changes_with_incident WHERE change_id = OLD.change_id) THEN 1 ELSE 0 END
        WHERE service = OLD.service
        """,
    ]

    /// An incident names a cause: the change is marked once, by its first cause. The mark's own
    /// trigger counts it: a statement that writes many causes at once (whose row triggers all see
    /// every row of the statement on PostgreSQL) still marks each change once.
    public static let incidentCauseInserted = [
        "INSERT INTO changes_with_incident (change_id) VALUES (NEW.change_id) ON CONFLICT (change_id) DO NOTHING",
    ]

    /// A cause is gone: the mark goes with the change's last cause.
    public static let incidentCauseDeleted = [
        """
        DELETE FROM changes_with_incident
        WHERE change_id = OLD.change_id AND NOT EXISTS (SELECT 1 FROM incident_causes WHERE change_id = OLD.change_id)
        """,
    ]

    /// A change caused its first incident: its services have as many more changes with an incident
    /// as it lists them.
    public static let changeMarked = [
        """
        UPDATE service_history SET incident_change_count = incident_change_count
            + (SELECT COUNT(*) FROM change_services cs WHERE cs.change_id = NEW.change_id AND cs.service = service_history.service)
        WHERE service IN (SELECT service FROM change_services WHERE change_id = NEW.change_id)
        """,
    ]

    /// A change no longer caused any incident.
    public static let changeUnmarked = [
        """
        UPDATE service_history SET incident_change_count = incident_change_count
            - (SELECT COUNT(*) FROM change_services cs WHERE cs.change_id = OLD.change_id AND cs.service = service_history.service)
        WHERE service IN (SELECT service FROM change_services WHERE change_id = OLD.change_id)
        """,
    ]

    /// An incident hit a service: it becomes the service's latest if it opened after the one kept.
    public static let incidentServiceInserted = [
        """
        INSERT INTO service_history (service, change_count, incident_change_count, last_incident_id, last_incident_opened_at)
        SELECT NEW.service, 0, 0, id, opened_at FROM incidents WHERE id = NEW.incident_id
        ON CONFLICT (service) DO UPDATE SET last_incident_id = excluded.last_incident_id, last_incident_opened_at = excluded.last_incident_opened_at
        WHERE service_history.last_incident_opened_at IS NULL
            OR (excluded.last_incident_opened_at, excluded.last_incident_id) > (service_history.last_incident_opened_at, service_history.last_incident_id)
        """,
    ]

    /// The service's latest incident is no longer linked to it: the latest of those left.
    public static let incidentServiceDeleted = [
        """
        UPDATE service_history SET
            last_incident_opened_at = (SELECT i.opened_at FROM incident_services s JOIN incidents i ON i.id = s.incident_id
                                       WHERE s.service = OLD.service ORDER BY i.opened_at DESC, i.id DESC LIMIT 1),
            last_incident_id = (SELECT i.id FROM incident_services s JOIN incidents i ON i.id = s.incident_id
                                WHERE s.service = OLD.service ORDER BY i.opened_at DESC, i.id DESC LIMIT 1)
        WHERE service = OLD.service AND last_incident_id = OLD.incident_id
        """,
    ]

    /// The tables whose rows the summary follows, with the statements of an insert and of a delete.
    public static let followed: [(table: String, inserted: [String], deleted: [String])] = [
        ("change_services", changeServiceInserted, changeServiceDeleted),
        ("incident_causes", incidentCauseInserted, incidentCauseDeleted),
        ("changes_with_incident", changeMarked, changeUnmarked),
        ("incident_services", incidentServiceInserted, incidentServiceDeleted),
    ]
}
