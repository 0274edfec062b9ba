/// The rules a record must meet whichever way it comes in (the board, `cab decide`, `cab
/// incident add`, an import): checked in one place, so the command line and import cannot
/// drift apart. Each breach names the field at fault and what is wrong, in words a person acts on.
public enum RecordRules {
    /// A rule a record breaks: the field at fault and the problem.
    public struct Breach: Error, Hashable, Sendable {
        public var field: String
        public var problem: String
        /// Whether the problem reads only after its field's name (`holds a control character`).
        var needsItsField = false
        /// The change's first decision, when the breach is a second one that does not supersede it.
        public var alreadyDecided: Decision?

        init(field: String, problem: String, needsItsField: Bool = false, alreadyDecided: Decision? = nil) {
            self.field = field; self.problem = problem; self.needsItsField = needsItsField; self.alreadyDecided = alreadyDecided
        }

        /// The problem as a sentence of its own: a text field's problem names the field.
        public var sentence: String { needsItsField ? "\(field) \(problem)" : problem }
    }

    /// Why `decision` cannot follow `history` (the change's decisions so far, oldest first) on
    /// `change`, whose state before the decision is `state`; nil when it may be recorded.
    public static func breach(of decision: Decision, on change: Change, state: ChangeState, history: [Decision]) -> Breach? {
        if let breach = contentBreach(of: decision) { return breach }
        if decision.at < change.submittedAt {
            return Breach(field: "at", problem: "\(decision.at.iso8601) is before \(change.id) was submitted (\(change.submittedAt.iso8601))")
        }
        switch change.route {
        case .pipeline:
            return Breach(field: "change", problem: "\(change.id) is on the pipeline route: it ships without a human gate, so nobody decides it")
        case .emergency:
            return Breach(field: "change", problem: "\(change.id) is an emergency change: it ships first, and its post-implementation review goes through the board's agenda, not a decision")
        case .peer, .cab:
            break
        }
        let latest = history.last
        if let supersedes = decision.supersedes {
            guard let latest, latest.id == supersedes else {
                return Breach(field: "supersedes", problem: "can only supersede the latest decision of \(change.id) (\(latest?.id ?? "none yet"))")
            }
            if decision.at < latest.at {
                return Breach(field: "at", problem: "\(decision.at.iso8601) is before the decision it supersedes (\(latest.at.iso8601))")
            }
        } else if let latest, latest.outcome != .deferred {
            return Breach(field: "supersedes", problem: "\(change.id) was already decided by \(latest.by) at \(latest.at.iso8601) (\(latest.outcome.rawValue)); a second decision must supersede it",
                          alreadyDecided: latest)
        }
        if !ChangeState.movedByDecisions.contains(state) {
            return Breach(field: "change", problem: "\(change.id) is already \(state.rawValue): nobody decides a change once it is implemented")
        }
        if state == .canceled && decision.supersedes == nil {
            return Breach(field: "change", problem: "\(change.id) is canceled: only a correction of its latest decision (supersede) can be recorded")
        }
        return nil
    }

    /// What a decision must say whatever its change: the reason of a rejection, the conditions
    /// of an approval with conditions, in text the store keeps as it is (see `FieldText`).
    public static func contentBreach(of decision: Decision) -> Breach? {
        if let (field, problem) = FieldText.firstProblem(in: [("by", decision.by, .short), ("conditions", decision.conditions, .long), ("note", decision.note, .long)]) {
            return Breach(field: field, problem: problem, needsItsField: true)
        }
        let saysConditions = !(decision.conditions?.isBlank ?? true)
        switch decision.outcome {
        case .approvedWithConditions where !saysConditions:
            return Breach(field: "conditions", problem: "required with approved-with-conditions")
        case .rejected where decision.note?.isBlank ?? true:
            return Breach(field: "note", problem: "a rejection needs its reason")
        default:
            return nil
        }
    }

    /// Why `incident` cannot blame `change`: an incident cannot be caused by a change submitted after it opened.
    public static func breach(of incident: Incident, blaming change: Change) -> Breach? {
        guard incident.openedAt < change.submittedAt else { return nil }
        return Breach(field: "causedBy", problem: "\(change.id) was submitted at \(change.submittedAt.iso8601), after the incident opened (\(incident.openedAt.iso8601))")
    }

    /// Why someone who is not a chair cannot submit `submitted` as it is: the route of a
    /// member's change comes from the routing rules (or is the board, which gates more), and
    /// it starts where its route starts it. `routed` is the change as the rules route it.
    public static func breach(ofMemberSubmission submitted: SubmittedChange, routed: Change) -> Breach? {
        if let route = submitted.statedRoute, route != routed.route, route != .cab {
            return Breach(field: "route", problem: "only a chair can state a route: the routing rules give \(routed.route.rawValue) for \(routed.id)")
        }
        if let state = submitted.statedState, state != .new, state != SubmittedChange.initialState(of: routed.route) {
            return Breach(field: "state", problem: "only a chair can state a state past new (\(state.rawValue))")
        }
        return nil
    }
}
