import GRDB

extension SQLiteStore {
    public func freezes() throws(CabinetError) -> [Freeze] {
        try reading { db in try FreezeRows.fetchAll(db) }
    }

    /// Adds a freeze and returns it with its id (`FRZ-` and the next number).
    public func addFreeze(from: Timestamp, to: Timestamp, reason: String, by: String, at time: Timestamp) throws(CabinetError) -> Freeze {
        guard from < to else { throw .invalidArgument(name: "--to", problem: "\(to.iso8601) is not after --from \(from.iso8601)") }
        guard !reason.isBlank else { throw .invalidArgument(name: "--reason", problem: "say why the window is frozen") }
        return try writing { db in
            let number = (try Int.fetchOne(db, sql: "SELECT MAX(number) FROM freezes") ?? 0) + 1
            try db.execute(sql: "INSERT INTO freezes (number, starts_at, ends_at, reason, added_by, added_at) VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [number, from.milliseconds, to.milliseconds, reason, by, time.milliseconds])
            return Freeze(id: FreezeRows.id(number), from: from, to: to, reason: reason, addedBy: by)
        }
    }

    public func removeFreeze(id: String) throws(CabinetError) -> Freeze {
        guard let number = FreezeRows.number(id) else { throw .notFound(kind: "freeze", id: id) }
        return try writing { db in
            guard let freeze = try FreezeRows.fetchAll(db).first(where: { $0.id == FreezeRows.id(number) }) else {
                throw CabinetError.notFound(kind: "freeze", id: id)
            }
            try db.execute(sql: "DELETE FROM freezes WHERE number = ?", arguments: [number])
            return freeze
        }
    }
}

enum FreezeRows {
    static func fetchAll(_ db: Database) throws -> [Freeze] {
        try Row.fetchAll(db, sql: "SELECT number, starts_at, ends_at, reason, added_by FROM freezes ORDER BY starts_at, number").map { row in
            Freeze(id: id(row[0]), from: Timestamp(milliseconds: row[1]), to: Timestamp(milliseconds: row[2]), reason: row[3], addedBy: row[4])
        }
    }

    static func id(_ number: Int) -> String { "FRZ-\(number)" }

    /// The number of `FRZ-7` (or of plain `7`).
    static func number(_ id: String) -> Int? {
        Int(id.uppercased().hasPrefix("FRZ-") ? String(id.dropFirst(4)) : id)
    }
}
