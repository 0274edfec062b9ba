import CabinetModel
import TerminalKit
/// The board's frame: a header row, the screen's body, a status row and the footer.
enum BoardLayout {
    /// Below this size the board shows only the "terminal too small" notice.
    static let minimumWidth = 60
    static let minimumHeight = 16

    static func fits(width: Int, height: Int) -> Bool { width >= minimumWidth && height >= minimumHeight }

    /// The rows between the header and the status line.
    static func body(height: Int) -> Range<Int> { 1..<max(1, height - 2) }
}

/// Where the queue screen draws each row, shared by `render` and by mouse clicks in `update`.
struct AgendaLayout {
    /// A line of the list: a row of the queue, or the "late — next meeting" divider.
    enum Line: Hashable {
        case row(Int)
        case lateDivider
    }

    /// The column-heading row; the list starts below it.
    let headingY: Int
    let listTop: Int
    let listHeight: Int
    /// The visible lines, from `listTop` down.
    let visible: ArraySlice<Line>
    /// The rule above the selected change's details, and the rows of details below it.
    let detailTop: Int
    let detailHeight: Int

    init(rows: [BoardRow], selection: Int, height: Int) {
        let body = BoardLayout.body(height: height)
        detailHeight = height >= 24 ? 4 : height >= 20 ? 3 : 2
        headingY = body.lowerBound
        listTop = headingY + 1
        detailTop = body.upperBound - detailHeight - 1
        listHeight = max(0, detailTop - listTop)
        var lines: [Line] = []
        for (index, row) in rows.enumerated() {
            if row.isLate, index == 0 || !rows[index - 1].isLate { lines.append(.lateDivider) }
            lines.append(.row(index))
        }
        let selected = lines.firstIndex(of: .row(selection)) ?? 0
        let scroll = max(0, min(selected - listHeight + 1, lines.count - listHeight))
        visible = lines.dropFirst(scroll).prefix(listHeight)
    }

    /// The queue row drawn at screen row `y`, if any.
    func row(atY y: Int) -> Int? {
        let offset = y - listTop
        guard offset >= 0, offset < visible.count else { return nil }
        if case .row(let index) = visible[visible.startIndex + offset] { return index }
        return nil
    }
}

/// Where the attendance screen draws each person, shared by `render` and mouse clicks.
struct AttendanceLayout {
    let listTop: Int
    let listHeight: Int
    /// The index of the first person shown.
    let scroll: Int

    init(count: Int, selection: Int, height: Int) {
        let body = BoardLayout.body(height: height)
        listTop = body.lowerBound + 3
        listHeight = max(0, body.upperBound - listTop)
        scroll = max(0, min(selection - listHeight + 1, count - listHeight))
    }

    func row(atY y: Int, count: Int) -> Int? {
        let index = y - listTop + scroll
        return y >= listTop && y < listTop + listHeight && index < count ? index : nil
    }
}
