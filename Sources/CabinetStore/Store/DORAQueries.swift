import CabinetModel

/// The SQL behind `DORAFigures` and `EmergencyReviewFigures`, in SQL both engines run, over the
/// changes deployed in the period (`Deployment.sqlExpression`, indexed since v11). Each binds the
/// period's `since` and `until` in milliseconds.
extension FigureQueries {
    static let deployedInPeriod = "\(Deployment.sqlExpression) >= ? AND \(Deployment.sqlExpression) < ?"

    /// route, submitted, approved (or NULL), deployed, estimated 0/1, failed 0/1 — one row per deployment.
    public static let deployments = """
        SELECT route, submitted_at, approved_at, \(Deployment.sqlExpression),
            CASE WHEN deployed_at IS NULL THEN 1 ELSE 0 END,
            CASE WHEN EXISTS (SELECT 1 FROM incident_causes ic WHERE ic.change_id = changes.id) THEN 1 ELSE 0 END
        FROM changes WHERE \(deployedInPeriod)
        """

    /// route, incident, opened, resolved (or NULL) — each distinct incident per route blamed on a deployment of the period.
    public static let deploymentIncidents = """
        SELECT DISTINCT c.route, i.id, i.opened_at, i.resolved_at
        FROM changes c JOIN incident_causes ic ON ic.change_id = c.id JOIN incidents i ON i.id = ic.incident_id
        WHERE \(deployedInPeriod)
        """

    /// estimated 0/1, PIR outcome (or NULL), count — the emergencies deployed in the period.
    public static let emergencyReviews = """
        SELECT CASE WHEN deployed_at IS NULL THEN 1 ELSE 0 END AS estimated, p.outcome, COUNT(*)
        FROM changes LEFT JOIN pirs p ON p.change_id = changes.id
        WHERE route = 'emergency' AND \(deployedInPeriod)
        GROUP BY estimated, p.outcome
        """
}
