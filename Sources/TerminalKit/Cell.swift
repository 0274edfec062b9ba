/// One terminal column: a grapheme (or nothing, for the trailing half of a wide one) and its style.
public struct Cell: Hashable, Sendable {
    /// The grapheme drawn here; empty for a continuation cell.
    public var text: String
    /// Columns the grapheme takes: 1 or 2, or 0 for the continuation of a wide grapheme.
    public var width: Int
    public var role: StyleRole
    public var attributes: TextAttributes

    public init(text: String, width: Int, role: StyleRole = .normal, attributes: TextAttributes = []) {
        self.text = text
        self.width = width
        self.role = role
        self.attributes = attributes
    }

    /// A space in the normal role.
    public static let blank = Cell(text: " ", width: 1)

    /// A space that keeps the given style.
    public static func space(role: StyleRole, attributes: TextAttributes = []) -> Cell {
        Cell(text: " ", width: 1, role: role, attributes: attributes)
    }

    /// True for the trailing column of a wide grapheme.
    public var isContinuation: Bool { width == 0 }
}
