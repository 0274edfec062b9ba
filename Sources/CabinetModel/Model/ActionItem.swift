/// Something a person must do after the board spoke: an action item raised in a meeting, or a
/// lesson from the blameless review of an incident. One kind, open until someone closes it.
public struct ActionItem: Hashable, Sendable {
    /// Where the item came from: a meeting's discussion, or a review's lesson.
    public enum Kind: String, Vocabulary {
        case action, lesson
    }

    /// `ACT-12`, given by the store.
    public var id: String
    public var kind: Kind
    /// The change it is about, the meeting (its day) it was raised in, the incident it learns from.
    public var change: String?
    public var meeting: String?
    public var incident: String?
    public var text: String
    public var owner: String
    /// The day it is due (`2026-12-04`), if one was set.
    public var due: String?
    public var openedAt: Timestamp
    public var openedBy: String
    public var closedAt: Timestamp?
    public var closedBy: String?
    public var closeNote: String?

    public init(
        id: String = "", kind: Kind, change: String? = nil, meeting: String? = nil, incident: String? = nil, text: String, owner: String,
        due: String? = nil, openedAt: Timestamp, openedBy: String, closedAt: Timestamp? = nil, closedBy: String? = nil, closeNote: String? = nil
    ) {
        self.id = id; self.kind = kind; self.change = change; self.meeting = meeting; self.incident = incident
        self.text = text; self.owner = owner; self.due = due; self.openedAt = openedAt; self.openedBy = openedBy
        self.closedAt = closedAt; self.closedBy = closedBy; self.closeNote = closeNote
    }

    public var isOpen: Bool { closedAt == nil }

    /// Whether the item is past its due day at `now` and still open.
    public func isOverdue(at now: Timestamp) -> Bool {
        guard isOpen, let due else { return false }
        return now.day > due
    }

    /// `ACT-12` from its number, and back.
    public static func id(_ number: Int) -> String { "ACT-\(number)" }
    public static func number(_ id: String) -> Int? {
        guard id.hasPrefix("ACT-"), let number = Int(id.dropFirst(4)), number > 0, Self.id(number) == id else { return nil }
        return number
    }
}
