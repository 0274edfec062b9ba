/// The board's screens (and the overlays), which decide which key bindings apply.
public enum Screen: String, CaseIterable, Hashable, Sendable {
    /// Today's queue of changes.
    case agenda
    /// One change's four-field card and its timer.
    case item
    /// The effectiveness panel.
    case panel
    /// The meeting's minutes.
    case minutes
    /// Who attends the meeting.
    case attendance
    /// The `?` overlay listing the keys.
    case help
    /// A text field (the filter, conditions, a reason): printable keys type text.
    case input
    /// A yes/no question, such as confirming a rejection.
    case confirm
}
