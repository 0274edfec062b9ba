import CabinetModel
/// The changes and incidents an import adds, with the state each change states, kept in a table
/// of the store for the import's transaction instead of in memory: the checks of later records
/// read what a run of them needs, so the import's memory does not grow with the file. The table
/// is created when the import starts and dropped before it commits; a refused import rolls it
/// back with everything else.
enum ImportLedger {
    static let table = "cab_import_ledger"

    enum Kind: String {
        case change
        case incident
    }

    static func create(_ db: some SQLDatabase) throws {
        try db.execute(db.dialect.scratchTable(table, "kind TEXT NOT NULL, id TEXT NOT NULL, stated TEXT, PRIMARY KEY (kind, id)"), [])
    }

    /// Drops the ledger. Its pages hold only ids and states the store keeps anyway, so SQLite
    /// frees them without zeroing each (and copying each to the statement's journal first, in
    /// memory during a bulk write: 70 MB for a 1,000,000-change import).
    static func drop(_ db: some SQLDatabase) throws {
        guard db.dialect.zeroesFreedPages else { return try db.execute("DROP TABLE \(table)", []) }
        let setting = try db.integer("PRAGMA secure_delete") ?? 1
        try db.execute("PRAGMA secure_delete = 0", [])
        defer { try? db.execute("PRAGMA secure_delete = \(setting)", []) }
        try db.execute("DROP TABLE \(table)", [])
    }

    /// Notes a record this import wrote; a change with the state its record states, if any.
    static func note(_ db: some SQLDatabase, _ kind: Kind, id: String, stated: ChangeState? = nil) throws {
        try db.execute("INSERT INTO \(table) (kind, id, stated) VALUES (?, ?, ?)", [.text(kind.rawValue), .text(id), SQLValue(stated?.rawValue)])
    }

    /// Which of `ids` this import wrote, each with the state its record stated (nil for none).
    static func written(_ db: some SQLDatabase, _ kind: Kind, among ids: some Collection<String>) throws -> [String: ChangeState?] {
        try IDList.read(ids, by: { $0.id }) { list in
            try db.namedRows("SELECT id, stated FROM \(table) WHERE kind = ? AND id IN (\(list.placeholders))",
                             [.text(kind.rawValue)] + list.values) { row in
                (id: try row.text("id"), stated: try row.optionalText("stated") == nil ? nil : try row.word("stated") as ChangeState)
            }
        }.mapValues(\.stated)
    }
}
