/// What each role may do, as PostgreSQL enforces it, and how a refusal reads to the person.
enum Permissions {
    /// The roles `cab admin roles init` creates. Chairs are members, members are readers.
    static let reader = "cab_reader"
    static let member = "cab_member"
    static let chair = "cab_chair"

    /// The refusal for a write on `table` that the server denied.
    static func refusal(table: String, message: String) -> String {
        switch table {
        case "decisions", "conditions_met":
            return "only a chair can record decisions"
        case "meetings", "agenda_items", "meeting_attendees":
            return "only a chair can run the meeting and its clock"
        case "changes", "change_services" where message.contains("row-level security"):
            return "a member can submit and edit only their own changes (the owner must be you)"
        case "changes", "change_services":
            return "only members and chairs can submit or edit changes"
        default:
            return "only a chair can change \(table.isEmpty ? "this" : table)"
        }
    }
}
