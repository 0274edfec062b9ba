import CabinetModel
/// One section of an interchange document: its name, how one of its records is read, and
/// where an `InterchangeDocument` holds its records.
public struct InterchangeSection<Record> {
    public let name: String
    let read: (RecordFields) throws(CabinetError) -> Record
    let held: KeyPath<InterchangeDocument, [Record]>
}

/// The records of an interchange document as an import takes them: a section at a time, in
/// the order of `InterchangeReader.sections`, and a record at a time within each, so that a
/// document read from a file need never be held whole.
public protocol InterchangeRecords {
    /// Hands each record of `section` to `body` with its position in the section; a record
    /// that cannot be read, or an error of `body`, stops it.
    func forEach<Record>(_ section: InterchangeSection<Record>, _ body: (Record, Int) throws -> Void) throws
    /// The settings the document gives.
    func givenSettings() throws -> InterchangeSettings
    /// `error`, which the records of `section` up to `index` (all of them when nil) make against
    /// other records or the store, unless a later record cannot be read at all: a reader of the
    /// whole document refuses that one first.
    func firstError(after section: String, _ index: Int?, or error: any Error) -> any Error
}

extension InterchangeRecords {
    /// Every record of `section`, for the sections an import checks as a whole (the catalogue,
    /// meetings and the records around them).
    func all<Record>(_ section: InterchangeSection<Record>) throws -> [Record] {
        var records: [Record] = []
        try forEach(section) { record, _ in records.append(record) }
        return records
    }

    /// Hands the records of `section` to `body` in runs of up to `size`, in order, each with its
    /// position: an import checks a run against the store with one query per kind of lookup
    /// instead of one per record. A run's records have all been read, so an error of `body` is
    /// refused as `forEach` refuses one of its last record.
    func forEachRun<Record>(_ section: InterchangeSection<Record>, size: Int, _ body: ([(record: Record, index: Int)]) throws -> Void) throws {
        var run: [(record: Record, index: Int)] = []
        run.reserveCapacity(size)
        try forEach(section) { record, index in
            run.append((record, index))
            guard run.count == size else { return }
            try body(run)
            run.removeAll(keepingCapacity: true)
        }
        guard let last = run.last else { return }
        do { try body(run) } catch { throw firstError(after: section.name, last.index, or: error) }
    }

    /// The position of the first record of `section` for which `matches` holds: where a
    /// duplicate's first copy is, named only when an import is refused.
    func firstIndex<Record>(in section: InterchangeSection<Record>, where matches: (Record) -> Bool) -> Int? {
        var found: Int?
        try? forEach(section) { record, index in
            if found == nil, matches(record) { found = index }
        }
        return found
    }
}

/// A document already in memory (read whole, or built by an adapter) is taken as it is held.
extension InterchangeDocument: InterchangeRecords {
    public func forEach<Record>(_ section: InterchangeSection<Record>, _ body: (Record, Int) throws -> Void) throws {
        for (index, record) in self[keyPath: section.held].enumerated() { try body(record, index) }
    }

    public func givenSettings() throws -> InterchangeSettings { settings }

    /// A document in memory was read whole before its records were checked.
    public func firstError(after section: String, _ index: Int?, or error: any Error) -> any Error { error }
}
