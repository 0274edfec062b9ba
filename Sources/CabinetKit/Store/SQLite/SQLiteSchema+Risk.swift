/// Migration v3: what risk and release need. Config areas on changes, indexes to find a
/// service's changes and incidents, freeze windows, stored calibrations with their weights,
/// post-deployment verifications and the announcements sent to webhooks.
extension SQLiteSchema {
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
}
