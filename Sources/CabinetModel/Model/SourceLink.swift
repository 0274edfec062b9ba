/// Where an imported change came from (the system and the change's id there) and a fingerprint
/// of the fields the source owns as the last import wrote them: a re-import compares it, field by
/// field, with the stored change to tell an edit made in Cabinet since from a change at the source.
public struct SourceLink: Hashable, Sendable {
    /// The Cabinet id of the change, `servicenow:CHG0030001`.
    public var change: String
    /// `servicenow`, `jira` or `github`.
    public var system: String
    /// The change's id in its system: `CHG0030001`, `ITSM-42`, `acme/shop#123`.
    public var sourceID: String
    /// `SourceLink.fingerprint(of:)` of the change as last imported.
    public var fingerprint: String
    /// When the import that wrote the fingerprint ran.
    public var importedAt: Timestamp
    /// The UTC day of the board meeting the source plans the change for (ServiceNow's `cab_date`):
    /// the change waits on no earlier day's queue.
    public var meeting: String?

    public init(change: String, system: String, sourceID: String, fingerprint: String, importedAt: Timestamp, meeting: String? = nil) {
        self.change = change; self.system = system; self.sourceID = sourceID; self.fingerprint = fingerprint; self.importedAt = importedAt
        self.meeting = meeting
    }

    /// The fields a source owns, in the fingerprint's order, each with the values its digest covers.
    public static let fields: [(name: String, values: @Sendable (Change) -> [String?])] = [
        ("title", { [$0.title] }), ("blastRadius", { [$0.blastRadius] }), ("rollbackPlan", { [$0.rollbackPlan] }),
        ("verification", { [$0.verification] }),
        ("windowStart", { [$0.windowStart.map { String($0.milliseconds) }] }), ("windowEnd", { [$0.windowEnd.map { String($0.milliseconds) }] }),
        ("services", { [String($0.services.count)] + $0.services }),
    ]

    /// `name=digest` per field of `fields`, joined by `;`. A field's digest is the first 16 hex
    /// digits of the SHA-256 (`FieldDigest`) of the line `cabinet-source/1 NAME`, then its values:
    /// the text; a time in milliseconds since the epoch, in decimal; for the services, their count
    /// and each in order.
    public static func fingerprint(of change: Change) -> String {
        fields.map { field in
            "\(field.name)=" + FieldDigest.sha256(prefix: Array("cabinet-source/1 \(field.name)\n".utf8), columns: field.values(change)).prefix(16)
        }.joined(separator: ";")
    }

    /// Each field's digest of `change`, by name.
    public static func digests(of change: Change) -> [String: Substring] { digests(fingerprint(of: change)) ?? [:] }

    /// Each field's digest in `fingerprint`, by name; nil when it is not a fingerprint of `fields`.
    public static func digests(_ fingerprint: String) -> [String: Substring]? {
        let pairs = fingerprint.split(separator: ";", omittingEmptySubsequences: false).map { $0.split(separator: "=", maxSplits: 1) }
        guard pairs.count == fields.count, zip(pairs, fields).allSatisfy({ pair, field in
            pair.count == 2 && pair[0] == field.name && pair[1].utf8.count == 16
                && pair[1].utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
        }) else { return nil }
        return Dictionary(uniqueKeysWithValues: pairs.map { (String($0[0]), $0[1]) })
    }
}
