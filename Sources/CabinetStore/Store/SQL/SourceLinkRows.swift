import CabinetModel
/// Source links as rows of `source_links` (v15): one per imported change.
enum SourceLinkRows {
    static let columns = "change_id, system, source_id, fingerprint, imported_at, meeting_date"

    static func fetch(_ db: some SQLDatabase, where condition: String, _ arguments: [SQLValue] = []) throws -> [SourceLink] {
        try db.namedRows("SELECT \(columns) FROM source_links WHERE \(condition) ORDER BY change_id", arguments) { row in
            SourceLink(change: try row.text("change_id"), system: try row.text("system"), sourceID: try row.text("source_id"),
                       fingerprint: try row.text("fingerprint"), importedAt: try row.timestamp("imported_at"), meeting: try row.optionalText("meeting_date"))
        }
    }

    static func insert(_ db: some SQLDatabase, _ link: SourceLink) throws {
        try db.execute("INSERT INTO source_links (\(columns)) VALUES (\(placeholders(6)))", arguments(link))
    }

    /// Writes `link` over the change's earlier link, or adds it: what a re-import leaves. (Not
    /// an upsert: on PostgreSQL a member may add a link to their new change, not update one.)
    static func write(_ db: some SQLDatabase, _ link: SourceLink) throws {
        guard try db.integer("SELECT 1 FROM source_links WHERE change_id = ?", [.text(link.change)]) != nil else { return try insert(db, link) }
        try db.execute("UPDATE source_links SET system = ?, source_id = ?, fingerprint = ?, imported_at = ?, meeting_date = ? WHERE change_id = ?",
                       Array(arguments(link).dropFirst()) + [.text(link.change)])
    }

    private static func arguments(_ link: SourceLink) -> [SQLValue] {
        [.text(link.change), .text(link.system), .text(link.sourceID), .text(link.fingerprint), SQLValue(link.importedAt), SQLValue(link.meeting)]
    }
}
