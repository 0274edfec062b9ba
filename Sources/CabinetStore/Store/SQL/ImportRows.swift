import CabinetModel
/// The lookups a streamed import makes for a run of records at once (one query for the run,
/// not one per record: on PostgreSQL each query is a round trip), kept to the columns its
/// checks read.
extension ChangeRows {
    /// The changes of `ids` that are stored, by id, as the record rules see them (route, state,
    /// type, category, risk and submission time); their texts and services are left empty.
    static func fetchAsRuled(_ db: some SQLDatabase, ids: some Collection<String>) throws -> [String: Change] {
        try IDList.read(ids, by: \.id) { list in
            try db.namedRows("SELECT id, type, category, risk, route, submitted_at, state FROM changes WHERE id IN (\(list.placeholders))", list.values) { row in
                Change(id: try row.text("id"), title: "", owner: "", team: "", type: try row.word("type"), category: try row.word("category"),
                       risk: try row.word("risk"), route: try row.word("route"), services: [], blastRadius: "", rollbackPlan: "", verification: "",
                       windowStart: nil, windowEnd: nil, submittedAt: try row.timestamp("submitted_at"), state: try row.word("state"))
            }
        }
    }

    /// The change `id` as the record rules see it (see above). Nil when there is none.
    static func fetchAsRuled(_ db: some SQLDatabase, id: String) throws -> Change? {
        try fetchAsRuled(db, ids: [id])[id]
    }

    /// The whole changes of `ids` that are stored, by id.
    static func fetch(_ db: some SQLDatabase, ids: some Collection<String>) throws -> [String: Change] {
        try IDList.read(ids, by: \.id) { try fetch(db, where: "id IN (\($0.placeholders))", arguments: $0.values) }
    }
}

extension DecisionRows {
    /// A stored decision, and whether this import wrote it.
    struct Stored {
        var decision: Decision
        var isNew: Bool
    }

    /// What the import's checks know of the decisions around a run of decisions: the stored
    /// decisions by id, and the decisions of each change in the order the rules read them (those
    /// stored before the import by time, then this import's in the order it wrote them).
    struct Known {
        var byID: [String: Stored] = [:]
        var histories: [String: [Stored]] = [:]

        /// Notes `decision`, just written by this import, as a read after it would find it.
        mutating func add(written decision: Decision) {
            let stored = Stored(decision: decision, isNew: true)
            byID[decision.id] = stored
            histories[decision.change, default: []].append(stored)
        }
    }

    /// The outcomes of the stored decisions of `ids`, by id: what a condition met is checked
    /// against, without the decisions' texts (25,661 conditions met in the 1M demo).
    static func outcomes(_ db: some SQLDatabase, ids: some Collection<String>) throws -> [String: Outcome] {
        try IDList.read(ids, by: { $0.id }) { list in
            try db.namedRows("SELECT id, outcome FROM decisions WHERE id IN (\(list.placeholders))", list.values) { row in
                (id: try row.text("id"), outcome: try row.word("outcome") as Outcome)
            }
        }.mapValues(\.outcome)
    }

    /// The decisions stored under `ids`, and the decisions of `changes`, as the import's checks
    /// read them; the import's own are those after `storedThrough` in the chain.
    static func fetchForImport(
        _ db: some SQLDatabase, ids: some Collection<String>, changes: some Collection<String>, storedThrough: Int64
    ) throws -> Known {
        var known = Known()
        let idRuns = IDList.runs(of: ids), changeRuns = IDList.runs(of: changes)
        for run in 0..<max(idRuns.count, changeRuns.count) {
            let byID = run < idRuns.count ? idRuns[run] : IDList.none, byChange = run < changeRuns.count ? changeRuns[run] : IDList.none
            try db.forEachNamedRow("""
                SELECT \(columns), seq FROM decisions WHERE id IN (\(byID.placeholders)) OR change_id IN (\(byChange.placeholders))
                ORDER BY seq > ?, CASE WHEN seq > ? THEN seq END, at, seq
                """, byID.values + byChange.values + [.integer(storedThrough), .integer(storedThrough)]) { row in
                let stored = Stored(decision: try decision(from: row), isNew: try row.integer("seq") > storedThrough)
                known.byID[stored.decision.id] = stored
                // A change's decisions all come with the run that names it.
                if byChange.ids.contains(stored.decision.change) { known.histories[stored.decision.change, default: []].append(stored) }
            }
        }
        return known
    }
}

extension IncidentRows {
    /// The stored incidents of `ids`, by id.
    static func fetch(_ db: some SQLDatabase, ids: some Collection<String>) throws -> [String: Incident] {
        try IDList.read(ids, by: \.id) { try fetch(db, where: "id IN (\($0.placeholders))", arguments: $0.values) }
    }
}
