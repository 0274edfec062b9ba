import CabinetModel
import TerminalKit

/// Where the card draws each part at a size, shared by `render` and by the keys that scroll a
/// field: the title, the facts, the risk summary, the timer, the fields' boxes and the verdict.
/// Only the lines a box shows are wrapped, so a long field costs what is visible.
struct CardLayout {
    struct Box: Hashable {
        var x, y, width, height: Int
    }

    /// The id of the change whose card this is.
    let change: String
    /// The fields in focus order: blast radius, rollback plan, verification, window, then the risk details.
    let fields: [CardView.Field]
    /// Each field's box; nil for the risk details when they fit no box (the boxes' bottom edge names them).
    let boxes: [Box?]
    /// The row of the risk details' stub, when they have no box: the bottom edge of the boxes above, so it costs no row.
    let stubY: Int?
    let titleY: Int
    let factsY: Int
    /// The risk summary's own row, when there is room for it.
    let riskRowY: Int?
    /// The row of who must be in the room, when there is room for it (else it leads the facts row).
    let roomRowY: Int?
    let timerTop: Int
    /// The lesson line under the timer, when a closed review taught one and the boxes can spare the row.
    let lessonY: Int?
    let verdictY: Int
    let verdictHeight: Int
    /// The box a field shown full screen fills: the whole body.
    let fullScreen: Box

    /// Rows the four boxes need to show a line of text each.
    static let minimumBoxesHeight = 6
    /// Rows the four boxes keep (as many as at 80×24) before the risk details get a box of their own under them.
    static let boxesHeightBeforeDetails = 10
    /// Lines wrapped past the visible ones to count what is below; when text goes on beyond them, the marker says "N+ more".
    static let countedLines = 99

    init(_ state: AppState, entry: QueueEntry, snapshot: BoardSnapshot, width: Int, height: Int, glyphs: Glyphs) {
        let body = BoardLayout.body(height: height)
        fullScreen = Box(x: 0, y: body.lowerBound, width: width, height: body.count)
        change = entry.change.id
        fields = CardView.fields(entry, now: state.now, glyphs: glyphs)
        titleY = body.lowerBound
        factsY = titleY + 1
        let verdict = AgendaView.verdict(BoardRow(entry: entry, isLate: snapshot.late.contains(entry)), snapshot: snapshot, glyphs: glyphs).0
        let verdictLines = TextWrap.prefix(verdict, width: width - 2, lines: 2).lines.count
        verdictHeight = min(height >= 24 ? 2 : 1, max(1, verdictLines))
        verdictY = body.upperBound - verdictHeight
        let timerHeight = TimerView.height(screenHeight: height)
        let hasRisk = entry.assessment != nil
        let riskRow = hasRisk && verdictY - (factsY + 2 + timerHeight) >= Self.minimumBoxesHeight
        riskRowY = riskRow ? factsY + 1 : nil
        let afterRisk = factsY + (riskRow ? 2 : 1)
        // Who must be in the room gets a row of its own when the boxes keep more rows than at 80×24
        // (where it leads the facts row instead).
        let roomRow = verdictY - (afterRisk + 1 + timerHeight) > Self.boxesHeightBeforeDetails + 1
        roomRowY = roomRow ? afterRisk : nil
        timerTop = afterRisk + (roomRow ? 1 : 0)
        let hasLesson = CardLesson.text(entry.assessment?.lessons ?? []) != nil
        let lessonRow = hasLesson && verdictY - (timerTop + timerHeight + 1) >= Self.minimumBoxesHeight
        lessonY = lessonRow ? timerTop + timerHeight : nil
        let boxesTop = timerTop + timerHeight + (lessonRow ? 1 : 0)
        var bottom = verdictY
        var riskBox: Box?
        var stub: Int?
        if hasRisk, let details = fields.last {
            let room = bottom - boxesTop - Self.boxesHeightBeforeDetails
            let wanted = TextWrap.prefix(details.text, width: width - 4, lines: max(0, room)).lines.count + 2
            let boxHeight = min(room, wanted)
            if boxHeight >= 4 {
                riskBox = Box(x: 0, y: bottom - boxHeight, width: width, height: boxHeight)
                bottom -= boxHeight
            } else {
                stub = bottom - 1
            }
        }
        stubY = stub
        let gridHeight = bottom - boxesTop
        let columns = [width / 2, width - width / 2]
        let texts = fields.map(\.text)
        let rows = Self.rowHeights(gridHeight) { index in
            TextWrap.prefix(texts[index], width: columns[index % 2] - 4, lines: gridHeight).lines.count + 2
        }
        var boxes: [Box?] = (0..<4).map { index in
            guard gridHeight >= 2 else { return nil }
            let column = index % 2, row = index / 2
            return Box(x: column == 0 ? 0 : columns[0], y: row == 0 ? boxesTop : boxesTop + rows[0], width: columns[column], height: rows[row])
        }
        if hasRisk { boxes.append(riskBox) }
        self.boxes = boxes
    }

    /// The heights of the two rows of boxes in `grid` rows, given the height each field's box
    /// `needs`: each row gets what its fuller box needs when both fit; otherwise a row that needs
    /// less than half keeps what it needs and the other takes the rest, else they share evenly.
    static func rowHeights(_ grid: Int, needs: (Int) -> Int) -> [Int] {
        let top = max(needs(0), needs(1)), bottom = max(needs(2), needs(3))
        let half = grid / 2
        let topHeight = if top + bottom <= grid || bottom <= grid - half { grid - bottom } else if top <= half { top } else { half }
        return [topHeight, grid - topHeight]
    }

    /// The box `field` is drawn in, full screen or on the card.
    func box(field: Int, fullScreen shown: Bool) -> Box? {
        shown ? fullScreen : boxes.indices.contains(field) ? boxes[field] : nil
    }

    /// Rows of text the field shows.
    func textRows(field: Int, fullScreen shown: Bool) -> Int {
        box(field: field, fullScreen: shown).map { max(0, $0.height - 2) } ?? 0
    }

    private func textWidth(field: Int, fullScreen shown: Bool) -> Int {
        box(field: field, fullScreen: shown).map { $0.width - 4 } ?? fullScreen.width - 4
    }

    /// True when some of the field's text is below what it shows when scrolled to `scroll`.
    func hiddenBelow(field: Int, scroll: Int, fullScreen shown: Bool = false) -> Bool {
        let rows = textRows(field: field, fullScreen: shown)
        let wrapped = TextWrap.prefix(fields[field].text, width: textWidth(field: field, fullScreen: shown), lines: scroll + rows + 1)
        return wrapped.more || wrapped.lines.count > scroll + rows
    }

    /// `scroll` kept between the top of the field's text and the place where its last line is on the last row.
    func clampedScroll(field: Int, scroll: Int, fullScreen shown: Bool) -> Int {
        let rows = textRows(field: field, fullScreen: shown)
        let wanted = max(0, scroll)
        let wrapped = TextWrap.prefix(fields[field].text, width: textWidth(field: field, fullScreen: shown), lines: wanted + rows + 1)
        return wrapped.more ? wanted : max(0, min(wanted, wrapped.lines.count - rows))
    }

    /// What the field shows from `scroll`: its lines, then how many lines are out of sight below
    /// (nil when none; `atLeast` when there are more than were counted).
    func window(field: Int, scroll: Int, fullScreen shown: Bool) -> (lines: [String], below: Int?, atLeast: Bool) {
        let rows = textRows(field: field, fullScreen: shown)
        guard rows > 0 else { return ([], nil, false) }
        let wrapped = TextWrap.prefix(fields[field].text, width: textWidth(field: field, fullScreen: shown), lines: scroll + rows + Self.countedLines)
        let lines = Array(wrapped.lines.dropFirst(scroll))
        if !wrapped.more, lines.count <= rows { return (lines, nil, false) }
        let shownLines = Array(lines.prefix(rows - 1))
        return (shownLines, lines.count - shownLines.count, wrapped.more)
    }
}
