extension SQLStore {
    public func freezes() throws(CabinetError) -> [Freeze] {
        try reading { db in try FreezeRows.fetchAll(db) }
    }

    /// Adds a freeze and returns it with its id (`FRZ-` and the next number).
    public func addFreeze(from: Timestamp, to: Timestamp, reason: String, by: String, at time: Timestamp) throws(CabinetError) -> Freeze {
        guard from < to else { throw .invalidArgument(name: "--to", problem: "\(to.iso8601) is not after --from \(from.iso8601)") }
        guard !reason.isBlank else { throw .invalidArgument(name: "--reason", problem: "say why the window is frozen") }
        return try writing { db in
            try authorize(.changeFreezes, by: by, db)
            let number = Int(try db.integer("SELECT MAX(number) FROM freezes") ?? 0) + 1
            try db.execute("INSERT INTO freezes (number, starts_at, ends_at, reason, added_by, added_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
                           [SQLValue(number), SQLValue(from), SQLValue(to), .text(reason), .text(by), SQLValue(time), .text(try recorder(db))])
            return Freeze(id: FreezeRows.id(number), from: from, to: to, reason: reason, addedBy: by)
        }
    }

    public func removeFreeze(id: String) throws(CabinetError) -> Freeze {
        guard let number = FreezeRows.number(id) else { throw .notFound(kind: "freeze", id: id) }
        return try writing { db in
            guard let freeze = try FreezeRows.fetchAll(db).first(where: { $0.id == FreezeRows.id(number) }) else {
                throw CabinetError.notFound(kind: "freeze", id: id)
            }
            try db.execute("DELETE FROM freezes WHERE number = ?", [SQLValue(number)])
            return freeze
        }
    }
}

enum FreezeRows {
    static func fetchAll(_ db: some SQLDatabase) throws -> [Freeze] {
        try db.namedRows("SELECT number, starts_at, ends_at, reason, added_by FROM freezes ORDER BY starts_at, number") { row in
            Freeze(id: id(try row.int("number")), from: try row.timestamp("starts_at"), to: try row.timestamp("ends_at"), reason: try row.text("reason"),
                   addedBy: try row.text("added_by"))
        }
    }

    static func id(_ number: Int) -> String { "FRZ-\(number)" }

    /// The number of `FRZ-7` (or of plain `7`).
    static func number(_ id: String) -> Int? {
        Int(id.uppercased().hasPrefix("FRZ-") ? String(id.dropFirst(4)) : id)
    }
}
