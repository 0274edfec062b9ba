import CabinetModel
/// The lookups a streamed import makes for each record, kept to the columns its checks read.
extension ChangeRows {
    /// The change `id` as the record rules see it (its route, state, type, category, risk and
    /// submission time); its texts and services are left empty. Nil when there is none.
    static func fetchAsRuled(_ db: some SQLDatabase, id: String) throws -> Change? {
        try db.namedRows("SELECT id, type, category, risk, route, submitted_at, state FROM changes WHERE id = ?", [.text(id)]) { row in
            Change(id: try row.text("id"), title: "", owner: "", team: "", type: try row.word("type"), category: try row.word("category"),
                   risk: try row.word("risk"), route: try row.word("route"), services: [], blastRadius: "", rollbackPlan: "", verification: "",
                   windowStart: nil, windowEnd: nil, submittedAt: try row.timestamp("submitted_at"), state: try row.word("state"))
        }.first
    }
}

extension DecisionRows {
    /// A stored decision, and whether this import wrote it.
    struct Stored {
        var decision: Decision
        var isNew: Bool
    }

    /// The decision stored under `id`, if any, and the decisions of `change` in the order the
    /// rules read them: those stored before the import (the chain up to `storedThrough`) by
    /// time, then this import's in the order it wrote them.
    static func fetchForImport(
        _ db: some SQLDatabase, id: String, change: String, storedThrough: Int64
    ) throws -> (same: Stored?, history: [Stored]) {
        let rows = try db.namedRows("""
            SELECT \(columns), seq FROM decisions WHERE id = ? OR change_id = ?
            ORDER BY seq > ?, CASE WHEN seq > ? THEN seq END, at, seq
            """, [.text(id), .text(change), .integer(storedThrough), .integer(storedThrough)]) { row in
            Stored(decision: try decision(from: row), isNew: try row.integer("seq") > storedThrough)
        }
        return (rows.first { $0.decision.id == id }, rows.filter { $0.decision.change == change })
    }
}
