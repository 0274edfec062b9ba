/// The rules a post-implementation review meets whichever way it comes in (the board,
/// `cab pir`, an import), beside `RecordRules` for decisions.
public enum PIRRules {
    /// Why `review` cannot be recorded on `change` when `existing` is its stored review, if any.
    public static func breach(of review: PostImplementationReview, on change: Change, existing: PostImplementationReview?) -> RecordRules.Breach? {
        if let breach = contentBreach(of: review) { return breach }
        guard change.route == .emergency else {
            return RecordRules.Breach(field: "change", problem: "\(change.id) is on the \(change.route.rawValue) route: only emergency changes have a post-implementation review")
        }
        guard let deployment = change.deployment else {
            return RecordRules.Breach(field: "change", problem: "\(change.id) shows no deployment yet (no deployedAt, and it is \(change.state.rawValue)): review it once it shipped")
        }
        if review.at < deployment.at {
            return RecordRules.Breach(field: "at", problem: "\(review.at.iso8601) is before \(change.id) was deployed (\(deployment.at.iso8601))")
        }
        if let existing {
            return RecordRules.Breach(field: "change", problem: "\(change.id) was already reviewed by \(existing.by) at \(existing.at.iso8601) (\(existing.outcome.rawValue)); a review is recorded once")
        }
        return nil
    }

    /// What a review must say whatever its change: who, and what follows up when one is required.
    public static func contentBreach(of review: PostImplementationReview) -> RecordRules.Breach? {
        if let (field, problem) = FieldText.firstProblem(in: [("by", review.by, .short), ("note", review.note, .long)]) {
            return RecordRules.Breach(field: field, problem: problem, needsItsField: true)
        }
        if review.by.isBlank { return RecordRules.Breach(field: "by", problem: "must name who reviewed it") }
        if review.outcome == .followUpRequired, review.note?.isBlank ?? true {
            return RecordRules.Breach(field: "note", problem: "follow-up-required needs a note saying what follows up")
        }
        return nil
    }
}
