import CabinetModel
import CabinetStore

/// The roles of a team's store, enforced by PostgreSQL itself: grants on tables and columns,
/// and row-level security so a member edits only the changes they own and a chair records
/// decisions in their own name. Everyone reads;
/// members submit changes and edit their four fields; chairs also record decisions, run the
/// meeting and its clock, and keep the records a chair keeps (incidents, freezes, services).
public enum PostgresRoles {
    /// The fields of a change its owner may edit.
    static let editableColumns = ["blast_radius", "rollback_plan", "verification", "window_start", "window_end"]
    /// The columns of a change a chair writes besides its owner's: the state, and what a
    /// re-import of its source syncs (the title, the services through `change_services`, the deployment).
    static let chairSyncedColumns = ["state", "title", "deployed_at"]
    /// Tables only a chair writes, besides the decisions and the meeting.
    static let chairTables = [
        "incidents", "incident_causes", "incident_services", "services", "service_dependencies", "freezes", "meta",
        "risk_calibrations", "risk_weights", "verifications", "announcements", "action_items", "reviews", "source_links",
    ]

    /// Creates the group roles if missing and (re)writes their grants and policies; run by the
    /// owner of the store's tables. Running it again changes nothing.
    public static func initialize(_ store: PostgresStore) throws(CabinetError) {
        try store.connections.with { session in
            // Two runs at once on one database would both rewrite the policies.
            // One transaction: a chair writing meanwhile never finds the grants half rewritten.
            try session.run(["BEGIN", "SELECT pg_advisory_xact_lock(\(PostgresSchema.migrationLock))"])
            do {
                try session.run(statements)
                try session.execute("COMMIT")
            } catch {
                try? session.execute("ROLLBACK")
                throw error
            }
        }
    }

    /// Gives `role` to the login `user`, creating the login if it does not exist; `password`
    /// (sent as a SCRAM verifier, never in clear) becomes its password, new or not.
    public static func grant(_ role: TeamRole, to user: String, password: String?, in store: PostgresStore) throws(CabinetError) {
        guard user.range(of: #"^[a-z_][a-z0-9_.-]*$"#, options: .regularExpression) != nil else {
            throw .invalidArgument(name: "USER", problem: "'\(user)' is not a login name (lower-case letters, digits, _ . -)")
        }
        let verifier = try password.map { password throws(CabinetError) in try PasswordVerifier.scram(password) }
        do {
            try store.connections.with { session in
                let exists = try session.firstRow("SELECT 1 FROM pg_roles WHERE rolname = ?", [.text(user)]) { _ in true } ?? false
                let secret = verifier.map { " PASSWORD '\($0)'" } ?? ""
                try session.execute(exists ? "ALTER ROLE \"\(user)\"\(secret)" : "CREATE ROLE \"\(user)\" LOGIN\(secret)", [])
                for other in TeamRole.allCases where other != role { try session.execute("REVOKE \(other.groupRole) FROM \"\(user)\"", []) }
                try session.execute("GRANT \(role.groupRole) TO \"\(user)\"", [])
            }
        } catch .forbidden {
            // The server's refusal names a role or a privilege, not who may give roles.
            throw .forbidden("\(store.location.user) may not give roles: run cab admin roles grant signed in as the owner of the store's tables "
                             + "(or a login with CREATEROLE)")
        }
    }

    /// What the server checks of a member's change: the state it starts in, and a route no
    /// less gated than the routing rules give without history (a service of another team sends
    /// a peer change to the board, see `change_services_submit`; the risk score's escalation
    /// needs the history and is checked by cab).
    static let routedByRules = """
        state = CASE route WHEN 'pipeline' THEN 'scheduled' WHEN 'emergency' THEN 'implement' ELSE 'authorize' END
        AND (route = 'cab'
            OR (route = 'emergency' AND type = 'emergency')
            OR (route = 'pipeline' AND type IN ('standard', 'pre-approved') AND touches IS NULL)
            OR (route = 'peer' AND type = 'normal' AND risk <> 'high' AND category NOT IN ('infrastructure', 'database-schema') AND touches IS NULL))
        """

    private static var statements: [String] {
        let reader = TeamRole.reader.groupRole, member = TeamRole.member.groupRole, chair = TeamRole.chair.groupRole
        let everything = (StoreTables.all.map(\.name) + StoreTables.derived + ["cabinet_migrations"]).joined(separator: ", ")
        let isChair = "pg_has_role(current_user, '\(chair)', 'MEMBER')"
        return [
            """
            DO $$ BEGIN
                BEGIN CREATE ROLE \(reader) NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END;
                BEGIN CREATE ROLE \(member) NOLOGIN IN ROLE \(reader); EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END;
                BEGIN CREATE ROLE \(chair) NOLOGIN IN ROLE \(member); EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END;
                EXECUTE format('GRANT USAGE ON SCHEMA %I TO \(reader)', current_schema());
                EXECUTE format('GRANT USAGE ON ALL SEQUENCES IN SCHEMA %I TO \(chair)', current_schema());
            END $$
            """,
            "REVOKE ALL ON \(everything) FROM PUBLIC, \(reader), \(member), \(chair)",
            "GRANT SELECT ON \(everything) TO \(reader)",
            "GRANT INSERT (\((StoreTables.submittedChangeColumns + ["recorded_by"]).joined(separator: ", "))) ON changes TO \(member)",
            "GRANT INSERT ON change_services TO \(member)",
            "GRANT INSERT ON source_links TO \(member)",
            "GRANT UPDATE (\(editableColumns.joined(separator: ", "))) ON changes TO \(member)",
            "GRANT INSERT ON decisions, conditions_met, pirs TO \(chair)",
            "GRANT INSERT, UPDATE ON meetings, agenda_items, meeting_attendees TO \(chair)",
            "GRANT UPDATE (\((editableColumns + chairSyncedColumns).joined(separator: ", "))) ON changes TO \(chair)",
            "GRANT DELETE ON change_services TO \(chair)",
            "GRANT INSERT, UPDATE, DELETE ON \(chairTables.joined(separator: ", ")) TO \(chair)",
            "ALTER TABLE changes ENABLE ROW LEVEL SECURITY",
            "ALTER TABLE change_services ENABLE ROW LEVEL SECURITY",
            "ALTER TABLE decisions ENABLE ROW LEVEL SECURITY",
            "DROP POLICY IF EXISTS decisions_read ON decisions",
            "DROP POLICY IF EXISTS decisions_own_name ON decisions",
            "CREATE POLICY decisions_read ON decisions FOR SELECT USING (true)",
            "CREATE POLICY decisions_own_name ON decisions FOR INSERT WITH CHECK (by = current_user)",
            "ALTER TABLE pirs ENABLE ROW LEVEL SECURITY",
            "DROP POLICY IF EXISTS pirs_read ON pirs",
            "DROP POLICY IF EXISTS pirs_own_name ON pirs",
            "CREATE POLICY pirs_read ON pirs FOR SELECT USING (true)",
            "CREATE POLICY pirs_own_name ON pirs FOR INSERT WITH CHECK (by = current_user)",
            "DROP POLICY IF EXISTS changes_read ON changes",
            "DROP POLICY IF EXISTS changes_submit ON changes",
            "DROP POLICY IF EXISTS changes_edit ON changes",
            "DROP POLICY IF EXISTS change_services_read ON change_services",
            "DROP POLICY IF EXISTS change_services_submit ON change_services",
            "CREATE POLICY changes_read ON changes FOR SELECT USING (true)",
            "CREATE POLICY changes_submit ON changes FOR INSERT WITH CHECK (\(isChair) OR (owner = current_user AND \(routedByRules)))",
            "CREATE POLICY changes_edit ON changes FOR UPDATE USING (owner = current_user OR \(isChair)) WITH CHECK (owner = current_user OR \(isChair))",
            "CREATE POLICY change_services_read ON change_services FOR SELECT USING (true)",
            "ALTER TABLE source_links ENABLE ROW LEVEL SECURITY",
            "DROP POLICY IF EXISTS source_links_read ON source_links",
            "DROP POLICY IF EXISTS source_links_submit ON source_links",
            "DROP POLICY IF EXISTS source_links_resync ON source_links",
            "DROP POLICY IF EXISTS source_links_remove ON source_links",
            "CREATE POLICY source_links_read ON source_links FOR SELECT USING (true)",
            // A member links the changes they import in their own name; re-syncing a link is a chair's.
            """
            CREATE POLICY source_links_submit ON source_links FOR INSERT WITH CHECK (\(isChair) OR EXISTS (
                SELECT 1 FROM changes c WHERE c.id = change_id AND c.owner = current_user))
            """,
            "CREATE POLICY source_links_resync ON source_links FOR UPDATE USING (\(isChair)) WITH CHECK (\(isChair))",
            "CREATE POLICY source_links_remove ON source_links FOR DELETE USING (\(isChair))",
            "DROP POLICY IF EXISTS change_services_resync ON change_services",
            "CREATE POLICY change_services_resync ON change_services FOR DELETE USING (\(isChair))",
            """
            CREATE POLICY change_services_submit ON change_services FOR INSERT WITH CHECK (\(isChair) OR EXISTS (
                SELECT 1 FROM changes c WHERE c.id = change_id AND c.owner = current_user
                AND (c.route <> 'peer' OR NOT EXISTS (SELECT 1 FROM services s WHERE s.name = service AND s.team <> c.team))))
            """,
        ]
    }
}

extension TeamRole {
    /// The PostgreSQL group role: `cab_chair`.
    public var groupRole: String { "cab_\(rawValue)" }
}
