import GRDB

/// Roles on SQLite are checked by `cab` itself: anyone who can write the file can also edit it
/// by hand, so file permissions are the real limit. With no role named, nothing is checked.
extension SQLiteStore {
    public func authorize(_ action: GuardedAction, by person: String, _ db: Database, refusal: CabinetError?) throws {
        guard try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM team_roles") ?? 0 > 0 else { return }
        let role = try String.fetchOne(db, sql: "SELECT role FROM team_roles WHERE name = ?", arguments: [person])
        guard role == TeamRole.chair.rawValue else { throw refusal ?? action.refusal }
    }

    /// Names `person`'s role; from then on the roles are checked.
    public func grant(_ role: TeamRole, to person: String) throws(CabinetError) {
        try writing { db in
            try db.execute(sql: "INSERT INTO team_roles (name, role) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET role = excluded.role",
                           arguments: [person, role.rawValue])
        }
    }
}
