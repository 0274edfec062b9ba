import Foundation
import CabinetModel
import CabinetStore
import TerminalKit

/// The release announcement: what changed (title and link), who deployed it, the verification
/// status and the rollback command. Plain text for standard output, Slack Block Kit JSON for a
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
        var lines = [headline]
        if let link { lines.append("Link: \(link)") }
        lines.append("Deployed by \(deployer)")
        lines.append("Verification: \(status)")
        lines.append("Rollback: \(rollbackLine)")
        return lines.map(\.inert).joined(separator: "\n")
    }

    var headline: String { "Deployed \(change.id): \(change.title)" }

    var deployer: String { "\(deployedBy) (owner \(change.owner), \(change.team))" }

    var rollbackLine: String {
        (rollback.isBlank ? "no rollback plan stated" : rollback) + (change.rollbackMinutes.map { " (\($0) min)" } ?? "")
    }

    var status: String {
        guard let verification else { return "not verified yet (cab verify \(change.id))" }
        let failed = verification.gates.filter { $0.passed != true }.map(\.detail)
        let verdict = failed.isEmpty ? "stable" : "not stable: " + failed.joined(separator: "; ")
        return "\(verdict) (verified by \(verification.by) at \(verification.at.iso8601))"
    }

    /// The announcement as a Slack Block Kit message, built and escaped as `cab card --slack` is:
    /// every value in a `plain_text` object, so a title cannot mention `<!channel>` or hide a link.
    public var slackMessage: SlackMessage {
        var message = SlackMessage(fallback: text)
        message.header(headline)
        message.fields((link.map { [SlackMessage.Field("Link", $0)] } ?? []) + [
            SlackMessage.Field("Deployed by", deployer), SlackMessage.Field("Verification", status), SlackMessage.Field("Rollback", rollbackLine),
        ])
        return message
    }

    /// `slackMessage` as the JSON a webhook accepts.
    public var slackPayload: Data { slackMessage.payload }
}
