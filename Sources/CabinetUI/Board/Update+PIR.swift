import CabinetModel

extension AppState {
    /// Records the post-implementation review of the target emergency (or `changeID`) by the
    /// chair, at today's meeting when there is one, and moves on as deciding does.
    mutating func reviewEmergency(_ outcome: PIROutcome, note: String? = nil, change changeID: String? = nil) -> [Effect] {
        guard let entry = changeID.flatMap(entry(for:)) ?? targetEntry, decidable(entry, asReview: true) else { return [] }
        let id = entry.change.id
        if let done = entry.pir {
            status = StatusLine("\(id) was already reviewed by \(done.by): \(done.outcome.rawValue)", isError: true)
            return []
        }
        let started = snapshot?.item(for: id).map { $0.startedAt != nil && $0.endedAt == nil } ?? false
        let end = started ? [ClockStep(.end, id)] : []
        let review = PostImplementationReview(change: id, outcome: outcome, at: now, by: chair, meeting: snapshot?.meeting == nil ? nil : day, note: note)
        status = StatusLine("\(id): PIR \(outcome.rawValue)")
        return [.reviewEmergency(review, clocks: end + moveOn(after: id), day: day)]
    }

    /// u: asks what follows up the target emergency, then records follow-up-required.
    mutating func askForFollowUp() {
        guard let entry = targetEntry, decidable(entry, asReview: true) else { return }
        dialog = .followUpNote(change: entry.change.id, field: TextField(multiline: true))
    }
}
