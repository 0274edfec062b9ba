import Foundation
import CabinetModel
import CabinetStore
import TerminalKit

/// The release announcement: what changed (title and link), who deployed it, the verification
/// status and the rollback command. Plain text for standard output, Slack-compatible JSON for a
/// webhook.
public struct Announcement: Hashable, Sendable {
    public var change: Change
    public var deployedBy: String
    public var link: String?
    public var verification: Verification?
    public var rollback: String

    /// - Parameter rollback: the command to roll back; the change's rollback plan when `nil`.
    public init(change: Change, deployedBy: String, link: String?, verification: Verification?, rollback: String?) {
        self.change = change; self.deployedBy = deployedBy; self.link = link; self.verification = verification
        self.rollback = rollback ?? change.rollbackPlan
    }

    /// The announcement as plain lines, each drawn inert.
    public var text: String {
        var lines = ["Deployed \(change.id): \(change.title)"]
        if let link { lines.append("Link: \(link)") }
        lines.append("Deployed by \(deployedBy) (owner \(change.owner), \(change.team))")
        lines.append("Verification: \(status)")
        let minutes = change.rollbackMinutes.map { " (\($0) min)" } ?? ""
        lines.append("Rollback: \(rollback.isBlank ? "no rollback plan stated" : rollback)\(minutes)")
        return lines.map(\.inert).joined(separator: "\n")
    }

    var status: String {
        guard let verification else { return "not verified yet (cab verify \(change.id))" }
        let failed = verification.gates.filter { $0.passed != true }.map(\.detail)
        let verdict = failed.isEmpty ? "stable" : "not stable: " + failed.joined(separator: "; ")
        return "\(verdict) (verified by \(verification.by) at \(verification.at.iso8601))"
    }

    /// `{"text": …}`, which Slack and compatible chat webhooks post as a message; `&`, `<` and `>`
    /// are escaped as Slack asks, so a title cannot mention `<!channel>` or hide a link.
    public var slackPayload: Data { Webhook.slackPayload(text) }
}
