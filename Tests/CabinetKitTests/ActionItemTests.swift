import Foundation
import Testing
@testable import CabinetModel
@testable import CabinetStore

/// The chair raises an action item in the meeting; its owner closes it; the minutes carry it.
/// Lessons of reviews are the same kind of item.
@Suite struct ActionItemTests {
    let stores = TestStores()

    @Test(arguments: Backend.allCases)
    func anItemIsOpenUntilItsOwnerClosesItAndTheMinutesCarryIt(backend: Backend) throws {
        let store = try stores.fresh(backend, holding: figureFixture)
        try holdTheMeetingOf20November(in: store)
        let added = try store.addActionItem(ActionItem(kind: .action, change: "C9", meeting: "2026-11-20", text: "Add a rollback test",
                                                       owner: "raj", due: "2026-11-27", openedAt: time("2026-11-20T09:34:00Z"), openedBy: "priya"))
        #expect(added.id == "ACT-1")
        let second = try store.addActionItem(ActionItem(kind: .lesson, text: "Canary first", owner: "sam", openedAt: time("2026-11-21T09:00:00Z"), openedBy: "priya"))
        #expect(second.id == "ACT-2")
        #expect(try store.actionItems(includingClosed: false).map(\.id) == ["ACT-1", "ACT-2"], "due first, then undated")
        #expect(try store.minutes(on: time("2026-11-20T00:00:00Z"), now: time("2026-11-21T00:00:00Z"))?.actions.map(\.id) == ["ACT-1"])

        let closed = try store.closeActionItem(id: "ACT-1", by: "raj", at: time("2026-11-25T10:00:00Z"), note: "test added")
        #expect(!closed.isOpen && closed.closedBy == "raj")
        #expect(try store.actionItems(includingClosed: false).map(\.id) == ["ACT-2"])
        #expect(try store.actionItems(includingClosed: true).map(\.id) == ["ACT-2", "ACT-1"], "open first")
        #expect(throws: CabinetError.refused("ACT-1 was already closed by raj at 2026-11-25T10:00:00Z")) {
            _ = try store.closeActionItem(id: "ACT-1", by: "raj", at: time("2026-11-26T10:00:00Z"), note: nil)
        }
    }

    @Test(arguments: Backend.allCases)
    func anItemAboutNothingKnownOrWithoutADayIsRefusedAndNothingIsWritten(backend: Backend) throws {
        let store = try stores.fresh(backend, holding: figureFixture)
        func item(change: String? = nil, incident: String? = nil, due: String? = nil, text: String = "do it") -> ActionItem {
            ActionItem(kind: .action, change: change, incident: incident, text: text, owner: "raj", due: due, openedAt: time("2026-11-20T09:00:00Z"), openedBy: "priya")
        }
        #expect(throws: CabinetError.notFound(kind: "change", id: "NOPE")) { _ = try store.addActionItem(item(change: "NOPE")) }
        #expect(throws: CabinetError.notFound(kind: "incident", id: "INC-9")) { _ = try store.addActionItem(item(incident: "INC-9")) }
        #expect(throws: CabinetError.invalidArgument(name: "--due", problem: "'next friday' is not a day (YYYY-MM-DD)")) {
            _ = try store.addActionItem(item(due: "next friday"))
        }
        #expect(throws: CabinetError.self) { _ = try store.addActionItem(item(text: "line\u{1B}[2J")) }
        #expect(try store.actionItems(includingClosed: true).isEmpty)
        #expect(item(due: "2026-11-19").isOverdue(at: time("2026-11-20T00:00:00Z")))
    }
}
