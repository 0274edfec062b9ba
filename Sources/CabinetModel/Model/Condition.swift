/// The conditions of an approved-with-conditions decision: they follow the change until someone
/// records that they were met (who and when are kept).
public struct Condition: Hashable, Sendable {
    public var decision: Decision
    public var changeTitle: String
    public var owner: String
    public var metBy: String?
    public var metAt: Timestamp?
    public var metNote: String?

    public init(decision: Decision, changeTitle: String, owner: String, metBy: String? = nil, metAt: Timestamp? = nil, metNote: String? = nil) {
        self.decision = decision; self.changeTitle = changeTitle; self.owner = owner
        self.metBy = metBy; self.metAt = metAt; self.metNote = metNote
    }

    public var isOpen: Bool { metBy == nil }
}
