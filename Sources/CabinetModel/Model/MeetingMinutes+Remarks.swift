/// One labelled piece of an item in the minutes: `conditions`, `reason`, `deferred to`, … Its
/// text is kept whole; whoever draws it wraps it.
public struct MinutesRemark: Hashable, Sendable {
    public var label: String
    public var text: String

    public init(_ label: String, _ text: String) {
        self.label = label
        self.text = text
    }
}

extension MeetingMinutes.Item {
    /// Everything the minutes say of the item beyond its row, in full and in this order: the
    /// decision's conditions, its deferral target and reason (or its note), why the item was
    /// pulled into the meeting, who had to be in the room and who was missing, the discussion notes.
    public var remarks: [MinutesRemark] {
        var remarks: [MinutesRemark] = []
        if let conditions = decision?.conditions { remarks.append(MinutesRemark("conditions", conditions)) }
        if let decision, let deferral = Deferral(decision) {
            remarks += [MinutesRemark("deferred to", deferral.target), MinutesRemark("reason", deferral.reason)]
        } else if let note = decision?.note {
            remarks.append(MinutesRemark(decision?.outcome == .rejected ? "reason" : "note", note))
        }
        if let reason = agendaItem?.addedReason {
            remarks.append(MinutesRemark("pulled in", (agendaItem?.addedBy.map { "by \($0): " } ?? "") + reason))
        }
        let required = ["owner \(attendance.owner)"] + attendance.teams.map { "team \($0.name)" }
        remarks.append(attendance.isComplete
            ? MinutesRemark("in the room", required.joined(separator: ", "))
            : MinutesRemark("missing", attendance.missing.joined(separator: ", ") + " (flagged, not blocked)"))
        if let pir { remarks.append(MinutesRemark("PIR", pir.outcome.rawValue + (pir.note.map { ": \($0)" } ?? ""))) }
        if let notes = agendaItem?.notes { remarks.append(MinutesRemark("notes", notes)) }
        return remarks
    }
}
