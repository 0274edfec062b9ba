import CabinetModel

extension Store {
    /// The minutes of the meeting held on `day`, or `nil` when no meeting was opened that day.
    public func minutes(on day: Timestamp, now: Timestamp) throws(CabinetError) -> MeetingMinutes? {
        let snapshot = try boardSnapshot(on: day, now: now)
        guard let meeting = snapshot.meeting else { return nil }
        let decisions = Dictionary(grouping: try decisions(forAgendaOn: meeting.date), by: \.change)
        var minutes = MeetingMinutes(snapshot: snapshot, meeting: meeting, decisions: decisions, services: try services(), now: now)
        minutes.actions = try actionItems(includingClosed: true).filter { $0.meeting == meeting.date }
        return minutes
    }
}
