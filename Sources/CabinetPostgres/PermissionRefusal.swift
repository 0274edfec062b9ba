import CabinetModel
import CabinetStore

/// How a write that PostgreSQL refused for lack of a privilege reads to the person: in the same
/// words as the refusals `cab` gives on SQLite where there is one.
public enum PermissionRefusal {
    /// A chair's decision in another name than their login, refused by row-level security.
    public static let decisionInAnotherName = CabinetError.forbidden(
        "a chair records decisions in their own name: the name on the decision (--by, else CAB_USER) must be the database login")

    /// The refusal for a write on `table` that the server denied with `message`.
    static func refusal(table: String, message: String) -> CabinetError {
        let rowLevel = message.contains("row-level security")
        switch table {
        case "decisions":
            return rowLevel ? decisionInAnotherName
                : GuardedAction.recordDecisions.refusal
        case "pirs":
            return rowLevel ? .forbidden("a chair records post-implementation reviews in their own name: --by (else CAB_USER) must be the database login")
                : GuardedAction.recordPIRs.refusal
        case "conditions_met":
            return GuardedAction.meetConditions.refusal
        case "freezes":
            return GuardedAction.changeFreezes.refusal
        case "meta", "risk_calibrations", "risk_weights":
            return .forbidden("only a chair can change the risk settings")
        case "meetings", "agenda_items", "meeting_attendees":
            return .forbidden("only a chair can run the meeting and its clock")
        case "changes", "change_services":
            return .forbidden(rowLevel ? "a member can submit and edit only their own changes (the owner must be you)"
                : "only members and chairs submit changes, and only with what a submission holds: decisions set the rest")
        default:
            return .forbidden("only a chair can change \(table.isEmpty ? "this" : table)")
        }
    }
}
