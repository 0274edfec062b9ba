import CabinetModel
/// Ids bound into an `IN (…)` list, in runs of at most `most`: one query for many records (on
/// PostgreSQL each query is a round trip). Each list is padded to a power of two by repeating
/// its first id, so that the queries of a whole import have a few texts (SQLite keeps each
/// text's prepared statement) and a list is never empty.
struct IDList {
    /// The most ids one list binds (two lists of a query stay far under SQLite's 32,766
    /// variables and PostgreSQL's 65,535).
    static var most: Int { 500 }

    /// The ids, each once.
    let ids: Set<String>
    /// `?, ?, …`, one for each value.
    let placeholders: String
    let values: [SQLValue]

    /// A list that matches no id.
    static let none = IDList(ids: [], placeholders: "NULL", values: [])

    /// The records `read` finds for each run of `ids`, by `key`; of records with the same key,
    /// the last one read.
    static func read<Record>(_ ids: some Collection<String>, by key: (Record) -> String, _ read: (IDList) throws -> [Record]) throws -> [String: Record] {
        var found: [String: Record] = [:]
        for list in runs(of: ids) {
            for record in try read(list) { found[key(record)] = record }
        }
        return found
    }

    /// `ids` (duplicates dropped) in runs of at most `most`.
    static func runs(of ids: some Collection<String>) -> [IDList] {
        var seen = Set<String>()
        let distinct = ids.filter { seen.insert($0).inserted }
        return distinct.chunked(most).map { run in
            var width = 1
            while width < run.count { width *= 2 }
            let padded = Array(run) + Array(repeating: run[run.startIndex], count: width - run.count)
            return IDList(ids: Set(run), placeholders: CabinetStore.placeholders(width), values: padded.map { .text($0) })
        }
    }
}
