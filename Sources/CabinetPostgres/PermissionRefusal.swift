/// How a write that PostgreSQL refused for lack of a privilege reads to the person.
enum PermissionRefusal {
    /// The refusal for a write on `table` that the server denied.
    static func text(table: String, message: String) -> String {
        switch table {
        case "decisions":
            return message.contains("row-level security")
                ? "a chair records decisions in their own name: --by must be the database login"
                : "only a chair can record decisions"
        case "conditions_met":
            return "only a chair can record that conditions are met"
        case "meta", "risk_calibrations", "risk_weights":
            return "only a chair can change the risk settings"
        case "meetings", "agenda_items", "meeting_attendees":
            return "only a chair can run the meeting and its clock"
        case "changes", "change_services":
            return message.contains("row-level security")
                ? "a member can submit and edit only their own changes (the owner must be you)"
                : "only members and chairs can submit or edit changes"
        default:
            return "only a chair can change \(table.isEmpty ? "this" : table)"
        }
    }
}
