import CabinetModel
import Foundation

/// How the board publishes the minutes once the meeting has ended: the Markdown of
/// `cab minutes --markdown`, written to a file in `directory` (`cab-minutes-2026-11-27.md`), and
/// posted to `webhook` only when one is configured and the chair says yes.
public struct MinutesPublisher: Sendable {
    /// The folder the Markdown file is written to.
    public var directory: String
    /// The webhook configured for the minutes, if any.
    public var webhook: String?
    /// The minutes as Markdown.
    public var markdown: @Sendable (MeetingMinutes) -> String
    /// Posts Markdown to a webhook; a refusal or an unreachable server is one line naming it.
    public var post: @Sendable (_ markdown: String, _ webhook: String) throws(CabinetError) -> Void

    public init(
        directory: String, webhook: String?, markdown: @escaping @Sendable (MeetingMinutes) -> String,
        post: @escaping @Sendable (_ markdown: String, _ webhook: String) throws(CabinetError) -> Void
    ) {
        self.directory = directory
        self.webhook = webhook
        self.markdown = markdown
        self.post = post
    }

    /// Writes the minutes to their file (replacing an earlier copy of the same day's) and posts
    /// them to `webhook` when given; returns the file's path.
    func publish(_ minutes: MeetingMinutes, to webhook: String?) throws(CabinetError) -> String {
        let text = markdown(minutes) + "\n"
        let path = URL(fileURLWithPath: directory).appendingPathComponent("cab-minutes-\(minutes.meeting.date).md").standardizedFileURL.path
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw .refused("cannot write the minutes to \(path): \(error.localizedDescription)")
        }
        if let webhook { try post(text, webhook) }
        return path
    }
}
