import CabinetModel
/// The interchange document of `cab import` / `cab export`: services, changes, decisions and
/// incidents as DESIGN.md lays them out, and everything else a store holds (meetings with their
/// agenda and attendance, conditions met, freezes, verifications, announcements, risk
/// calibrations, roles and settings). Derived summaries are not part of it: they are recomputed.
public struct InterchangeDocument: Hashable, Sendable {
    public var services: [Service]
    public var changes: [SubmittedChange]
    /// In the order they were recorded, which is the order an import records them in.
    public var decisions: [Decision]
    public var incidents: [Incident]
    public var meetings: [Meeting] = []
    public var conditionsMet: [MetCondition] = []
    public var freezes: [FreezeRecord] = []
    public var verifications: [Verification] = []
    public var announcements: [SentAnnouncement] = []
    /// Action items of meetings and lessons of reviews, open and closed.
    public var actionItems: [ActionItem] = []
    /// Blameless reviews of incidents blamed on approved changes, open and closed.
    public var reviews: [Review] = []
    /// Post-implementation reviews of emergency changes.
    public var pirs: [PostImplementationReview] = []
    /// Where each imported change came from, and its source-owned fields as last imported.
    public var sourceLinks: [SourceLink] = []
    public var riskCalibrations: [RiskCalibration] = []
    /// Who holds which role, by name; never a password.
    public var roles: [TeamMember] = []
    public var settings = InterchangeSettings()

    public init(services: [Service] = [], changes: [SubmittedChange] = [], decisions: [Decision] = [], incidents: [Incident] = []) {
        self.services = services; self.changes = changes; self.decisions = decisions; self.incidents = incidents
    }
}

/// That the conditions of an approved-with-conditions decision were met, when and by whom.
public struct MetCondition: Hashable, Sendable {
    public var decision: String
    public var by: String
    public var at: Timestamp
    public var note: String?

    public init(decision: String, by: String, at: Timestamp, note: String?) {
        self.decision = decision; self.by = by; self.at = at; self.note = note
    }
}

/// A freeze as it was added, with when.
public struct FreezeRecord: Hashable, Sendable {
    public var freeze: Freeze
    public var addedAt: Timestamp

    public init(freeze: Freeze, addedAt: Timestamp) { self.freeze = freeze; self.addedAt = addedAt }
}

/// An announcement of a change that reached its webhook.
public struct SentAnnouncement: Hashable, Sendable {
    public var id: String
    public var change: String
    public var at: Timestamp
    public var by: String
    public var webhook: String
    public var text: String

    public init(id: String, change: String, at: Timestamp, by: String, webhook: String, text: String) {
        self.id = id; self.change = change; self.at = at; self.by = by; self.webhook = webhook; self.text = text
    }
}

/// A person's role in the team, as a store that checks roles itself keeps it.
public struct TeamMember: Hashable, Sendable {
    public var name: String
    public var role: TeamRole

    public init(name: String, role: TeamRole) { self.name = name; self.role = role }
}

/// The settings a store keeps besides its records.
public struct InterchangeSettings: Hashable, Sendable {
    /// The configured risk threshold, if one was set.
    public var riskThreshold: Double?

    public init(riskThreshold: Double? = nil) { self.riskThreshold = riskThreshold }
}

/// What an import wrote: new records per kind; records already stored are skipped.
public struct ImportSummary: Hashable, Sendable, Encodable {
    public var services = 0
    public var changes = 0
    public var decisions = 0
    public var incidents = 0
    public var meetings = 0
    public var conditionsMet = 0
    public var freezes = 0
    public var verifications = 0
    public var announcements = 0
    public var actionItems = 0
    public var reviews = 0
    public var pirs = 0
    public var sourceLinks = 0
    public var riskCalibrations = 0
    public var roles = 0
    public var settings = 0
    public var unchanged = 0

    public init() {}
}
