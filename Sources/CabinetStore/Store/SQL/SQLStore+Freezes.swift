import CabinetModel
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
            let freeze = Freeze(id: FreezeRows.id(number), from: from, to: to, reason: reason, addedBy: by)
            try FreezeRows.insert(db, FreezeRecord(freeze: freeze, addedAt: time), recordedBy: try recorder(db))
            return freeze
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
        try fetchRecords(db, order: "starts_at, number").map(\.freeze)
    }

    /// Every freeze with when it was added.
    static func fetchRecords(_ db: some SQLDatabase, order: String = "number") throws -> [FreezeRecord] {
        try db.namedRows("SELECT number, starts_at, ends_at, reason, added_by, added_at FROM freezes ORDER BY \(order)") { row in
            FreezeRecord(
                freeze: Freeze(id: id(try row.int("number")), from: try row.timestamp("starts_at"), to: try row.timestamp("ends_at"),
                               reason: try row.text("reason"), addedBy: try row.text("added_by")),
                addedAt: try row.timestamp("added_at"))
        }
    }

    /// Writes a freeze under the number of its id.
    static func insert(_ db: some SQLDatabase, _ record: FreezeRecord, recordedBy recorder: String) throws {
        let freeze = record.freeze
        try db.execute("INSERT INTO freezes (number, starts_at, ends_at, reason, added_by, added_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
                       [SQLValue(number(freeze.id)), SQLValue(freeze.from), SQLValue(freeze.to), .text(freeze.reason), .text(freeze.addedBy),
                        SQLValue(record.addedAt), .text(recorder)])
    }

    static func id(_ number: Int) -> String { "FRZ-\(number)" }

    /// The number of `FRZ-7` (or of plain `7`).
    static func number(_ id: String) -> Int? {
        Int(id.uppercased().hasPrefix("FRZ-") ? String(id.dropFirst(4)) : id)
    }
}
