import GRDB
import CabinetModel

/// Roles on SQLite are checked by `cab` itself: anyone who can write the file can also edit it
/// by hand, so file permissions are the real limit. With no role named, nothing is checked.
extension SQLiteStore {
    /// `person` must be a chair; and whoever runs cab must be a chair too to act in another's name.
    public func authorize(_ action: GuardedAction, by person: String, _ db: Database, refusal: CabinetError?) throws {
        guard try rolesNamed(db) else { return }
        guard try isChair(person, db) else { throw refusal ?? action.refusal }
        try actingAs(person, db)
    }

    /// Refuses to let someone who is not a chair name another person with `--by`.
    private func actingAs(_ person: String, _ db: Database) throws {
        let runner = SystemUser.name
        if person != runner, try !isChair(runner, db) {
            throw CabinetError.forbidden("--by names \(person), but you run cab as \(runner), who is not a chair: only a chair can act in another's name")
        }
    }

    private func rolesNamed(_ db: Database) throws -> Bool {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM team_roles") ?? 0 > 0
    }

    /// Names `person`'s role; from then on the roles are checked, and once a chair is named only a chair names roles.
    public func teamRoles(_ db: Database) throws -> [TeamMember] {
        try Row.fetchAll(db, sql: "SELECT name, role FROM team_roles ORDER BY name").map { row in
            let role: String = row[1]
            guard let word = TeamRole(rawValue: role) else {
                throw CabinetError.refused("the database holds an unknown role '\(role)' (one of: \(TeamRole.allowedWords))")
            }
            return TeamMember(name: row[0], role: word)
        }
    }

    public func importRoles(_ members: [TeamMember], _ db: Database) throws {
        for member in members {
            try db.execute(sql: "INSERT INTO team_roles (name, role) VALUES (?, ?)", arguments: [member.name, member.role.rawValue])
        }
    }

    public func replaceRoles(_ members: [TeamMember], _ db: Database) throws -> Bool {
        try db.execute(sql: "DELETE FROM team_roles")
        try importRoles(members, db)
        return true
    }

    /// Names `person`'s role; from then on the roles are checked.
    public func grant(_ role: TeamRole, to person: String) throws(CabinetError) {
        try writing { db in
            let chairNamed = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM team_roles WHERE role = 'chair'") ?? 0 > 0
            if chairNamed, try !isChair(SystemUser.name, db) {
                throw CabinetError.forbidden("only a chair can name roles, and you run cab as \(SystemUser.name), who is not one")
            }
            try db.execute(sql: "INSERT INTO team_roles (name, role) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET role = excluded.role",
                           arguments: [person, role.rawValue])
        }
    }
}

extension SQLiteStore {
    public func recorder(_ db: Database) throws -> String { SystemUser.name }

    public func isChair(_ person: String, _ db: Database) throws -> Bool {
        guard try rolesNamed(db) else { return true }
        return try String.fetchOne(db, sql: "SELECT role FROM team_roles WHERE name = ?", arguments: [person]) == TeamRole.chair.rawValue
    }
}
