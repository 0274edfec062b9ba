import CabinetModel
import CabinetStore
import TerminalKit

/// Action items and lessons as `cab actions` and the minutes print them.
public enum ActionText {
    /// `ACT-3  open  due 2026-12-04  raj: Add a rollback test (CHG-1)`, drawn inert.
    public static func line(_ item: ActionItem) -> String {
        let state = item.isOpen ? "open" : "closed \(item.closedAt?.day ?? "")"
        let about = [item.change, item.incident.map { "incident \($0)" }].compactMap { $0 }
        let kind = item.kind == .lesson ? "lesson: " : ""
        return "\(item.id)  \(state)  \(item.due.map { "due \($0)" } ?? "no due day")  \(item.owner): \(kind)\(item.text)"
            .appending(about.isEmpty ? "" : " (\(about.joined(separator: ", ")))").inert
    }

    public static func render(_ items: [ActionItem], now: Timestamp) -> String {
        guard !items.isEmpty else { return "No action items." }
        var table = TextTable(header: ["id", "kind", "owner", "due", "state", "about", "what"])
        for item in items {
            let state = item.isOpen ? (item.isOverdue(at: now) ? "overdue" : "open") : "closed \(item.closedAt?.day ?? "")"
            let about = [item.change, item.meeting.map { "meeting \($0)" }, item.incident.map { "incident \($0)" }].compactMap { $0 }
            table.add([item.id, item.kind.rawValue, item.owner, item.due ?? "—", state, about.joined(separator: ", "), item.text])
        }
        let open = items.filter(\.isOpen).count
        return "\(open) open, \(items.count - open) closed\n" + table.rendered
    }
}
