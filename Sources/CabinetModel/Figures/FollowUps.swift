/// What close-and-learn still owes, now (whatever the period): blameless reviews not closed and
/// lessons (action items of kind `lesson`) not done.
public struct FollowUps: Hashable, Sendable, Encodable {
    public var openReviews: Int
    public var openLessons: Int

    public init(openReviews: Int = 0, openLessons: Int = 0) {
        self.openReviews = openReviews; self.openLessons = openLessons
    }

    /// "2 reviews open, 1 lesson open".
    public var line: String {
        "\(openReviews) review\(openReviews == 1 ? "" : "s") open, \(openLessons) lesson\(openLessons == 1 ? "" : "s") open"
    }
}
