/// A hand-made week of history, 2026-11-02 (Mon) to 2026-11-09, whose figures were worked out
/// on paper (see FiguresTests). It crosses every edge of the definitions: the period's bounds
/// hit exactly, other zones, a deferral approved the next day, a latency of exactly four hours,
/// a change with two incidents and an incident with two causes.
let figureFixture = """
{
  "services": [
    { "name": "S1", "team": "alpha", "dependsOn": [] },
    { "name": "S2", "team": "beta", "dependsOn": ["S1"] }
  ],
  "changes": [
    \(fixtureChange("C1", route: "cab", submitted: "2026-11-02T08:00:00Z")),
    \(fixtureChange("C2", route: "cab", submitted: "2026-11-01T20:00:00Z")),
    \(fixtureChange("C3", route: "cab", submitted: "2026-11-04T10:00:00-05:00")),
    \(fixtureChange("C4", route: "cab", submitted: "2026-11-05T00:00:00Z")),
    \(fixtureChange("C5", route: "cab", submitted: "2026-11-06T00:00:00Z")),
    \(fixtureChange("C6", route: "cab", submitted: "2026-11-01T00:00:00Z")),
    \(fixtureChange("C7", route: "peer", submitted: "2026-11-03T00:00:00Z")),
    \(fixtureChange("C8", route: "pipeline", submitted: "2026-11-04T00:00:00Z")),
    \(fixtureChange("C9", route: "cab", submitted: "2026-11-08T23:00:00-02:00")),
    \(fixtureChange("C10", route: "emergency", submitted: "2026-11-02T00:00:00+01:00"))
  ],
  "decisions": [
    { "change": "C1", "outcome": "approved", "at": "2026-11-02T12:00:00Z", "by": "chair" },
    { "change": "C2", "outcome": "deferred", "at": "2026-11-02T09:30:00+02:00", "by": "chair" },
    { "change": "C2", "outcome": "approved-with-conditions", "at": "2026-11-03T09:30:00Z", "by": "chair", "conditions": "flag it" },
    { "change": "C3", "outcome": "rejected", "at": "2026-11-05T09:00:00Z", "by": "chair", "note": "no rollback" },
    { "change": "C4", "outcome": "approved", "at": "2026-11-05T02:00:00Z", "by": "chair" },
    { "change": "C5", "outcome": "approved", "at": "2026-11-09T01:00:00+01:00", "by": "chair" },
    { "change": "C6", "outcome": "approved", "at": "2026-11-01T23:00:00-01:00", "by": "chair" },
    { "change": "C7", "outcome": "approved", "at": "2026-11-03T01:00:00Z", "by": "lead" }
  ],
  "incidents": [
    { "id": "INC-1", "openedAt": "2026-11-06T10:00:00Z", "severity": "sev2", "causedBy": ["C4"], "services": ["S1"] },
    { "id": "INC-2", "openedAt": "2026-11-07T10:00:00Z", "severity": "sev3", "causedBy": ["C4"], "services": ["S1"] },
    { "id": "INC-3", "openedAt": "2026-11-07T12:00:00Z", "severity": "sev1", "causedBy": ["C4", "C7"], "services": ["S1", "S2"] }
  ]
}
"""

func fixtureChange(_ id: String, route: String, submitted: String) -> String {
    """
    { "id": "\(id)", "title": "Change \(id)", "owner": "owner", "team": "alpha", "type": "normal",
      "category": "single-service", "risk": "high", "route": "\(route)", "services": ["S1"],
      "blastRadius": "S1", "rollbackPlan": "redeploy", "rollbackMinutes": 3, "verification": "errors flat",
      "windowStart": "2026-12-01T10:00:00Z", "windowEnd": "2026-12-01T11:00:00Z", "submittedAt": "\(submitted)" }
    """
}
