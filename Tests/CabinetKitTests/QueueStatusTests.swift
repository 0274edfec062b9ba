import Foundation
import Testing
@testable import cab
@testable import CabinetModel

/// `cab queue` and the board name an item's status with one function (`ItemStatus`).
@Suite struct QueueStatusTests {
    @Test func aChangeBackFromADeferralIsNotCalledDeferredOnItsNewDay() throws {
        let change = riskChange("W1", ["Order Service"])
        let deferral = Decision(id: "d1", change: "W1", outcome: .deferred, at: time("2026-11-26T09:10:00Z"), by: "priya",
                                note: "to 2026-11-27: rollback takes 15 min (over 5)")
        let entry = QueueEntry(change: change, now: time("2026-11-27T08:00:00Z"), latestDecision: deferral)
        let status = ItemStatus(entry, day: "2026-11-27")
        #expect(status == (entry.readiness.isReady ? .ready : .notReady))
        let text = QueueText.render([entry], day: "2026-11-27")
        let row = text.split(separator: "\n").first { $0.contains("W1") && $0.contains("Change W1") } ?? ""
        #expect(row.hasSuffix(status.text), "\(text)")
        #expect(!row.contains("deferred"), "\(text)")
        #expect(text.contains("Back from a deferral:\n  W1: deferred on 2026-11-26: rollback takes 15 min (over 5)"), "\(text)")
    }

    @Test func aDeferralRecordedBeforeTargetsIsListedWithItsNote() {
        let deferral = Decision(id: "d1", change: "W1", outcome: .deferred, at: time("2026-11-26T09:42:00Z"), by: "marcus.webb",
                                note: "Not ready in three minutes")
        let entry = QueueEntry(change: riskChange("W1", ["Order Service"]), now: time("2026-11-27T08:00:00Z"), latestDecision: deferral)
        #expect(QueueText.render([entry], day: "2026-11-27").contains("  W1: deferred on 2026-11-26: Not ready in three minutes"))
    }

    @Test func theDayOfTheDeferralSaysDeferredInTheBoardsWord() throws {
        let change = riskChange("W1", ["Order Service"])
        let deferral = Decision(id: "d1", change: "W1", outcome: .deferred, at: time("2026-11-27T09:10:00Z"), by: "priya",
                                note: "to 2026-11-30: rollback takes 15 min (over 5)")
        let entry = QueueEntry(change: change, now: time("2026-11-27T08:00:00Z"), latestDecision: deferral)
        #expect(ItemStatus(entry, day: "2026-11-27") == .decided(.deferred))
        #expect(QueueText.render([entry], day: "2026-11-27").contains("deferred"))
        let conditional = QueueEntry(change: change, now: time("2026-11-27T08:00:00Z"), latestDecision: Decision(
            id: "d2", change: "W1", outcome: .approvedWithConditions, at: time("2026-11-27T09:12:00Z"), by: "priya", conditions: "owner on call"))
        // The board's status column and the queue's say "conditional" alike.
        let row = QueueText.render([conditional], day: "2026-11-27").split(separator: "\n").first { $0.contains("Change W1") } ?? ""
        #expect(row.hasSuffix("conditional"), "\(row)")
    }
}
