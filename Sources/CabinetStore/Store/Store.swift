import CabinetModel
/// Where Cabinet keeps its records. SQLite is the embedded default; a shared PostgreSQL store
/// comes next, so everything a command needs goes through this protocol.
public protocol Store: Sendable {
    /// Writes a document all-or-nothing: one bad record and nothing is written. Records already
    /// stored with the same content are skipped, so importing twice changes nothing.
    func importDocument(_ document: InterchangeDocument) throws(CabinetError) -> ImportSummary
    func exportDocument() throws(CabinetError) -> InterchangeDocument

    func change(id: String) throws(CabinetError) -> Change?
    func changes(matching filter: ChangeFilter) throws(CabinetError) -> [Change]
    func decisions(forChange id: String) throws(CabinetError) -> [Decision]
    func incidents(causedBy changeID: String) throws(CabinetError) -> [Incident]
    func services() throws(CabinetError) -> [Service]

    /// Records a decision. Unless it supersedes the change's latest decision, it must be the
    /// change's first (or follow a deferral); otherwise `alreadyDecided` names who decided first.
    func record(_ decision: Decision) throws(CabinetError)

    /// Edits the four fields a change's owner answers for; only the owner (or a chair) may.
    func editChange(_ id: String, _ edit: ChangeEdit, by: String) throws(CabinetError) -> Change

    /// The board's agenda for a UTC day: the `cab` changes decided that day, and from today on
    /// the ones still waiting for a decision that were submitted by the day's end; after them,
    /// the emergency changes deployed since the previous meeting, for their post-implementation review.
    func queue(on day: Timestamp, now: Timestamp) throws(CabinetError) -> [QueueEntry]

    /// The effectiveness figures of a period, aggregated in the database; without `deployments`,
    /// DORA's figures and the emergencies' reviews are left out (`deploymentsPending`): the
    /// panel's first page needs none of them, and they read every deployment of the period.
    func figures(for period: Period, deployments: Bool) throws(CabinetError) -> Figures

    /// Conditions of approved-with-conditions changes not met yet, oldest first.
    func openConditions() throws(CabinetError) -> [Condition]

    /// Records that the open conditions of a change were met, by whom and when.
    func meetCondition(change: String, by: String, at time: Timestamp, note: String?) throws(CabinetError) -> Condition

    /// The decision log as it stands: how many decisions and the last hash of the chain.
    func decisionLog() throws(CabinetError) -> DecisionChain.Head

    /// Walks the decision chain; with `expected`, also whether it still passes through that hash.
    func auditDecisionLog(expecting expected: String?) throws(CabinetError) -> ChainAudit

    // MARK: Action items and lessons

    /// Adds an action item or a lesson; the store gives it its id (`ACT-n`).
    func addActionItem(_ item: ActionItem) throws(CabinetError) -> ActionItem
    /// Open items first (by due day); closed ones too when asked.
    func actionItems(includingClosed: Bool) throws(CabinetError) -> [ActionItem]
    /// Closes an open item, noting who, when and how.
    func closeActionItem(id: String, by: String, at time: Timestamp, note: String?) throws(CabinetError) -> ActionItem

    // MARK: The meeting

    /// What the board shows for a UTC day at `now`.
    func boardSnapshot(on day: Timestamp, now: Timestamp) throws(CabinetError) -> BoardSnapshot

    /// Opens the day's meeting if nobody has yet (its chair, allotment and expected attendees);
    /// an open meeting is returned as it is.
    func openMeeting(_ meeting: Meeting) throws(CabinetError) -> Meeting

    /// Every decision, oldest first, about the changes on the agenda of the meeting held on `day`.
    func decisions(forAgendaOn day: String) throws(CabinetError) -> [Decision]

    /// Starts the day's meeting (opening it as `opening` says, if nobody has yet) and freezes its
    /// agenda: the board changes waiting at `time`, in queue order. Changes submitted later wait
    /// for the next meeting. One write.
    func startMeeting(on day: String, at time: Timestamp, opening meeting: Meeting?) throws(CabinetError)

    /// Ends every item still on the clock, then the meeting: one write.
    func endMeeting(on day: String, at time: Timestamp) throws(CabinetError)

    /// Applies clock actions to agenda items, in order and in one write; an action that does
    /// not apply changes nothing.
    func clock(_ steps: [ClockStep], on day: String, at time: Timestamp) throws(CabinetError)

    /// Records a decision and moves the clocks as deciding does (its item ends, the next one
    /// starts), in one write: a refused decision moves no clock.
    func record(_ decision: Decision, clocks steps: [ClockStep], on day: String) throws(CabinetError)

    /// Records the post-implementation review of an emergency change and moves the clocks as
    /// deciding does, in one write: a refused review moves no clock.
    func record(_ review: PostImplementationReview, clocks steps: [ClockStep], on day: String) throws(CabinetError)

    /// Marks an attendee present or absent (opening the meeting as `opening` says, if need be): one write.
    func setAttendance(on day: String, name: String, role: AttendeeRole, present: Bool, opening meeting: Meeting?) throws(CabinetError)
    /// Adds an attendee (or rewrites the role, presence and team of one already listed), opening
    /// the meeting as `opening` says if need be: one write.
    func addAttendee(on day: String, _ attendee: Attendee, opening meeting: Meeting?) throws(CabinetError)

    /// Pulls a late or urgent change into the frozen agenda of `day`, last, with the chair's
    /// reason: one write. Only a change still waiting for the board joins.
    func addToAgenda(on day: String, change: String, reason: String, by: String, at time: Timestamp) throws(CabinetError) -> AgendaItem
    /// Moves an agenda item to `place` (1 is first), the others keeping their order: one write.
    func moveAgendaItem(on day: String, change: String, to place: Int) throws(CabinetError) -> [AgendaItem]
    /// Replaces the discussion notes of an agenda item; blank clears them. One write.
    func setNotes(on day: String, change: String, notes: String?) throws(CabinetError)

    /// A number that changes whenever another process commits: polled on the board's tick to
    /// reload within a second of a write made elsewhere.
    func dataVersion() throws(CabinetError) -> Int

    // MARK: Risk and release

    /// The risk threshold and the latest calibration (none: the uncalibrated default).
    func riskPolicy() throws(CabinetError) -> RiskPolicy
    func setRiskThreshold(_ threshold: Double) throws(CabinetError)
    /// What assessing `changes` needs: the service graph, the history of the services they
    /// affect, the policy, the freezes and the pending changes whose windows overlap theirs.
    func riskContext(for changes: [Change], now: Timestamp) throws(CabinetError) -> RiskContext
    /// Deployed changes submitted in `[since, until)` as the risk model's samples.
    func riskSamples(since: Timestamp?, until: Timestamp, now: Timestamp) throws(CabinetError) -> RiskSamples
    func saveCalibration(_ calibration: RiskCalibration) throws(CabinetError)

    func freezes() throws(CabinetError) -> [Freeze]
    func addFreeze(from: Timestamp, to: Timestamp, reason: String, by: String, at time: Timestamp) throws(CabinetError) -> Freeze
    func removeFreeze(id: String) throws(CabinetError) -> Freeze

    func record(_ verification: Verification) throws(CabinetError)
    func verifications(forChange id: String) throws(CabinetError) -> [Verification]
    /// Records an announcement that reached its webhook (and only then).
    func recordAnnouncement(id: String, change: String, at time: Timestamp, by: String, webhook: String, text: String) throws(CabinetError)
}

extension Store {
    /// All the effectiveness figures of a period, DORA's and the emergencies' reviews included.
    public func figures(for period: Period) throws(CabinetError) -> Figures {
        try figures(for: period, deployments: true)
    }

    public func startMeeting(on day: String, at time: Timestamp) throws(CabinetError) {
        try startMeeting(on: day, at: time, opening: nil)
    }

    /// Applies one clock action to an agenda item.
    public func clock(_ action: ClockAction, change: String, on day: String, at time: Timestamp) throws(CabinetError) {
        try clock([ClockStep(action, change)], on: day, at: time)
    }

    public func setAttendance(on day: String, name: String, role: AttendeeRole, present: Bool) throws(CabinetError) {
        try setAttendance(on: day, name: name, role: role, present: present, opening: nil)
    }
}

/// New values for the four fields of a change; `nil` keeps a field as it is.
public struct ChangeEdit: Hashable, Sendable {
    public var blastRadius: String?
    public var rollbackPlan: String?
    public var verification: String?
    public var windowStart: Timestamp?
    public var windowEnd: Timestamp?

    public init(blastRadius: String? = nil, rollbackPlan: String? = nil, verification: String? = nil, windowStart: Timestamp? = nil, windowEnd: Timestamp? = nil) {
        self.blastRadius = blastRadius; self.rollbackPlan = rollbackPlan; self.verification = verification
        self.windowStart = windowStart; self.windowEnd = windowEnd
    }

    public var isEmpty: Bool { self == ChangeEdit() }

    /// `change` with the edit applied.
    public func applied(to change: Change) -> Change {
        var edited = change
        edited.blastRadius = blastRadius ?? change.blastRadius
        edited.rollbackPlan = rollbackPlan ?? change.rollbackPlan
        edited.verification = verification ?? change.verification
        edited.windowStart = windowStart ?? change.windowStart
        edited.windowEnd = windowEnd ?? change.windowEnd
        return edited
    }
}

/// Filters of `cab change list`; `nil` means any.
public struct ChangeFilter: Hashable, Sendable {
    public var route: Route?
    public var state: ChangeState?
    public var submittedSince: Timestamp?
    public var limit: Int?

    public init(route: Route? = nil, state: ChangeState? = nil, submittedSince: Timestamp? = nil, limit: Int? = nil) {
        self.route = route; self.state = state; self.submittedSince = submittedSince; self.limit = limit
    }
}
