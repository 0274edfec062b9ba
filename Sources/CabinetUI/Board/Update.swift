import CabinetModel
import TerminalKit

/// Applies one message to the board and returns what the runtime must do, in order.
/// Pure: no store, no terminal, no clock beyond `state.now`.
public func update(_ state: inout AppState, _ msg: Msg) -> [Effect] {
    switch msg {
    case .tick(let now):
        state.now = now
    case .resize(let width, let height):
        state.width = max(0, width)
        state.height = max(0, height)
        state.clampMinutesScroll()
    case .loaded(let snapshot):
        state.load(snapshot)
        return state.refreshReads()
    case .figuresLoaded(let figures):
        state.receive(figures)
    case .minutesLoaded(let minutes):
        state.minutes = minutes
        state.clampMinutesScroll()
    case .pinnedLoaded(let entry):
        state.pinned = entry
    case .failed(let message):
        state.status = StatusLine(message, isError: true)
    case .connection(let problem, let waiting):
        // A store just lost, or a write just kept for later, replaces the last key's message: it is not saved yet.
        if problem != nil, state.connection == nil || waiting > (state.connection?.waiting ?? 0) { state.status = nil }
        state.connection = problem.map { ConnectionNotice(problem: $0, waiting: waiting) }
    case .storeGone(let problem, let unsaved):
        if unsaved > (state.connection?.waiting ?? 0) { state.status = nil }
        state.connection = ConnectionNotice(problem: problem, waiting: unsaved, gone: true)
    case .decisionRefused(let change, let message):
        state.status = StatusLine("not overwritten: \(message)", isError: true)
        if state.screen == .item { state.card = .change(change) }
        state.moveOn(to: change)
    case .minutesPublished(let path, let webhook):
        state.published(path: path, webhook: webhook)
    case .key(let key):
        return state.handle(key)
    case .paste(let text):
        state.paste(text)
    }
    return []
}

extension AppState {
    /// Takes a fresh snapshot, keeping the selection on the same change where it still shows.
    mutating func load(_ snapshot: BoardSnapshot) {
        let selected = selectedRow?.entry.change.id
        noteOutcome(before: self.snapshot, now: snapshot)
        self.snapshot = snapshot
        if let selected, let index = rows.firstIndex(where: { $0.entry.change.id == selected }) {
            selection = index
        }
        clampSelections()
    }

    mutating func clampSelections() {
        selection = max(0, min(selection, rows.count - 1))
        attendanceSelection = max(0, min(attendanceSelection, attendees.count - 1))
    }

    mutating func handle(_ key: Key) -> [Effect] {
        if case .click(let x, let y) = key {
            click(x: x, y: y)
            return []
        }
        let screen = keyScreen
        guard let action = KeyTable.standard.action(for: key, on: screen, where: { works($0, on: screen) }) else {
            if screen == .input, case .character(let character) = key { type(String(character)) }
            return []
        }
        if screen != .input { status = nil }
        if let change = rehearsableChange, action == .startPause || action == .restartRehearsal {
            action == .startPause ? rehearse(change) : restartRehearsal(change)
            return []
        }
        guard role.allows(action) else {
            status = StatusLine(role.refusal)
            return []
        }
        return perform(action)
    }

    private mutating func perform(_ action: Action) -> [Effect] {
        switch action {
        case .quit: return [.quit]
        case .help: toggleHelp()
        case .back: back()
        case .close: return [.quit]
        case .up: move(by: -1)
        case .down: move(by: 1)
        case .open: open()
        case .filter: dialog = .filter(previous: filter, field: TextField(filter, multiline: false))
        case .nextPane: jumpPane()
        case .follow: follow()
        case .attendance: return showAttendance()
        case .toggle: return toggleAttendance()
        case .startMeeting: return startMeeting()
        case .endMeeting: askToEndMeeting()
        case .startPause: return flaggingMissing(startPause())
        case .next: return flaggingMissing(next())
        case .approve: return decide(.approved)
        case .approveWithConditions: askForConditions()
        case .reject: askForReason()
        case .defer: return decide(.deferred)
        case .panel: return showPanel()
        case .minutes: return showMinutes()
        case .days7: return choosePeriod(days: 7)
        case .days30: return choosePeriod(days: 30)
        case .days90: return choosePeriod(days: 90)
        case .submit: return submitDialog()
        case .cancel: cancelDialog()
        case .confirm: return confirmDialog()
        case .cursorLeft, .cursorRight, .lineStart, .lineEnd, .deleteBackward, .deleteForward, .deleteWord, .deleteToLineStart:
            editField { $0.edit(action) }
        case .clearFilter: clearFilter()
        case .top: selection = 0
        case .bottom: selection = max(0, rows.count - 1)
        case .pageUp: screen == .item ? scrollCard(by: -cardPage) : move(by: -pageRows)
        case .pageDown: screen == .item ? scrollCard(by: cardPage) : move(by: pageRows)
        case .nextField: moveFieldFocus(by: 1)
        case .previousField: moveFieldFocus(by: -1)
        case .zoom: toggleFullScreen()
        case .restartRehearsal: break
        case .moveItemUp: return moveItem(by: -1)
        case .moveItemDown: return moveItem(by: 1)
        case .pullIn: askWhyPullIn()
        case .notes: askForNotes()
        case .addActionItem: askForActionItem()
        case .addAttendee: dialog = .agendaText(.attendee, field: TextField(multiline: false))
        case .publishMinutes: return publishMinutes()
        case .pirAccepted: return reviewEmergency(.accepted)
        case .pirFollowUp: askForFollowUp()
        case .doraPage: panel.showsDORA.toggle()
        }
        return []
    }

    private mutating func toggleHelp() {
        if screen == .help {
            screens.removeLast()
        } else {
            screens.append(.help)
            helpScroll = 0
        }
    }

    /// Esc: a field shown full screen goes back into the card; otherwise the screen beneath comes back.
    private mutating func back() {
        if screen == .item, shownCardFocus?.fullScreen == true {
            toggleFullScreen()
        } else if screens.count > 1 {
            screens.removeLast()
        }
    }

    private mutating func move(by delta: Int) {
        switch screen {
        case .item:
            scrollCard(by: delta)
        case .attendance:
            attendanceSelection = max(0, min(attendanceSelection + delta, attendees.count - 1))
        case .help:
            helpScroll = max(0, helpScroll + delta)
        case .minutes:
            minutesScroll += delta
            clampMinutesScroll()
        default:
            selection = max(0, min(selection + delta, rows.count - 1))
        }
    }

    /// Rows of the queue a page moves by: one less than it shows, so a row stays in view.
    private var pageRows: Int { max(1, AgendaLayout(rows: rows, selection: selection, height: height).listHeight - 1) }

    /// Esc on the queue: the whole queue again, the selection kept on its change.
    private mutating func clearFilter() {
        guard !filter.isEmpty else { return }
        let selected = selectedRow?.entry.change.id
        filter = ""
        if let selected, let index = rows.firstIndex(where: { $0.entry.change.id == selected }) { selection = index }
        clampSelections()
    }

    private mutating func open() {
        guard let row = selectedRow else { return }
        card = .change(row.entry.change.id)
        screens.append(.item)
    }

    /// Tab: from the agenda to the late changes and back.
    private mutating func jumpPane() {
        let rows = rows
        guard let current = selectedRow else { return }
        if let index = rows.firstIndex(where: { $0.isLate != current.isLate }) { selection = index }
    }

    private mutating func follow() {
        card = .following
        if screen != .item { screens.append(.item) }
        if let id = cardChangeID, let index = rows.firstIndex(where: { $0.entry.change.id == id }) { selection = index }
    }

    /// Shows the change `id` next: on the card when the card is up, else as the selected row.
    mutating func moveOn(to id: String) {
        if screen == .item, card != .following { card = .change(id) }
        if let index = rows.firstIndex(where: { $0.entry.change.id == id }) { selection = index }
    }

    private mutating func click(x: Int, y: Int) {
        guard dialog == nil, BoardLayout.fits(width: width, height: height) else { return }
        switch screen {
        case .agenda:
            if let index = AgendaLayout(rows: rows, selection: selection, height: height).row(atY: y) { selection = index }
        case .attendance:
            let count = attendees.count
            if let index = AttendanceLayout(count: count, selection: attendanceSelection, height: height).row(atY: y, count: count) {
                attendanceSelection = index
            }
        default:
            break
        }
    }
}
