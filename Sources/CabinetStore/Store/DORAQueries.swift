import CabinetModel

/// The SQL behind `DORAFigures` and `EmergencyReviewFigures`, in SQL both engines run, over the
/// changes deployed in the period (`Deployment.sqlExpression`, indexed with every column read
/// here since v14). Each binds the period's `since` and `until` in milliseconds.
extension FigureQueries {
    static let deployedInPeriod = "\(Deployment.sqlExpression) >= ? AND \(Deployment.sqlExpression) < ?"

    /// route, submitted, approved (or NULL), deployed, estimated 0/1 — one row per deployment,
    /// from the deployment index alone.
    public static let deployments = """
        SELECT route, submitted_at, approved_at, \(Deployment.sqlExpression), CASE WHEN deployed_at IS NULL THEN 1 ELSE 0 END
        FROM changes WHERE \(deployedInPeriod)
        """

    /// route, change, incident, opened, resolved (or NULL) — each incident link of a change
    /// deployed in the period. Walking the few links and looking each change up beats probing
    /// the links of every deployment: CROSS JOIN keeps that order on SQLite, the unary `+` keeps
    /// it off the deployment index.
    public static let deploymentIncidentLinks = """
        SELECT c.route, c.id, i.id, i.opened_at, i.resolved_at
        FROM incident_causes ic CROSS JOIN changes c CROSS JOIN incidents i
        WHERE c.id = ic.change_id AND i.id = ic.incident_id
            AND +\(Deployment.sqlExpression) >= ? AND +\(Deployment.sqlExpression) < ?
        """

    /// estimated 0/1, PIR outcome (or NULL), count — the emergencies deployed in the period.
    public static let emergencyReviews = """
        SELECT CASE WHEN deployed_at IS NULL THEN 1 ELSE 0 END AS estimated, p.outcome, COUNT(*)
        FROM changes LEFT JOIN pirs p ON p.change_id = changes.id
        WHERE route = 'emergency' AND \(deployedInPeriod)
        GROUP BY estimated, p.outcome
        """
}
