import CabinetModel
@testable import TerminalKit
import Testing
@testable import CabinetUI

/// What a real CAB asks for on day one, as the chair's morning: the minutes read in full and
/// published when the meeting ends, the agenda reordered and a late fix pulled in, who must be in
/// the room, and the notes and action items of each item.
@Suite struct RunningTheRoomTests {
    /// The conditions of issue 11's paste: three lines, the first longer than a minutes line.
    let conditions = "1. Owner on call during the window; dual-write stays on until the backfill is verified by the DBA on shift\n"
        + "2. DBA sign-off before contract phase\n3. Notify #payments"

    // MARK: 10. The minutes carry everything, and are published when the meeting ends

    @Test func theMinutesScreenGivesEveryConditionInFullAndTheEndedMeetingIsPublishedToAFile() {
        var board = BoardDriver(width: 80, height: 24)
        board.press("s")
        board.press("n")
        board.press("c")
        board.paste(conditions)
        board.press(.enter)
        #expect(board.decision("CHG-0001041")?.conditions == conditions)

        board.press("m")
        var seen: [String] = []
        for _ in 0..<40 {
            seen += board.screen
            board.press("j")
        }
        let minutes = seen.joined(separator: "\n")
        for words in ["1. Owner on call during the window; dual-write stays on until", "the backfill is verified by the DBA on shift", "2. DBA sign-off before contract phase",
                      "3. Notify #payments"] {
            #expect(minutes.contains(words), "\(words)")
        }
        #expect(!seen.contains { $0.contains("conditions:") && $0.contains("…") })

        board.press(.escape)
        board.press(.escape)
        board.press("P")
        #expect(board.shows("the minutes are published once the meeting has ended: e ends it"))
        #expect(board.world.publications.isEmpty)
        board.press("e")
        board.press("y")
        #expect(board.shows("meeting ended: P publishes the minutes"))
        board.press("P")
        #expect(board.world.publications == [nil])
        #expect(board.shows("minutes written to /srv/cab/cab-minutes-2026-11-27.md"))
        #expect(board.state.dialog == nil, "no webhook is configured: nothing is asked")
    }

    @Test func theMinutesGoToTheWebhookOnlyWhenTheChairSaysYes() {
        var board = BoardDriver(width: 100, height: 30)
        board.state.minutesWebhook = "https://chat.example/hooks/cab"
        board.press("s")
        board.press("e")
        board.press("y")
        board.press("P")
        #expect(board.world.publications == [nil], "the file first, the webhook not yet")
        #expect(board.shows("Post the minutes to the webhook?"))
        board.press("n")
        #expect(board.world.publications == [nil])
        board.press("P")
        board.press("y")
        #expect(board.world.publications == [nil, nil, "https://chat.example/hooks/cab"])
        #expect(board.shows("posted to https://chat.example/hooks/cab"))
    }

    // MARK: 11. Agenda control

    @Test func theChairMovesAnItemUpPullsTheLateFixInWithAReasonAndAddsAnAttendee() {
        var board = BoardDriver(width: 120, height: 40)
        board.press("s")
        board.press("jj")
        #expect(board.state.selectedRow?.entry.change.id == "CHG-0001043")
        board.press("K")
        #expect(board.world.meeting?.items.map(\.change).prefix(3) == ["CHG-0001041", "CHG-0001043", "CHG-0001042"])
        #expect(board.effects.filter { if case .moveAgendaItem = $0 { true } else { false } }.count == 1, "one write per move")
        #expect(board.state.selectedRow?.entry.change.id == "CHG-0001043", "the selection moves with the item")
        board.press("J")
        #expect(board.world.meeting?.items.map(\.change).prefix(3) == ["CHG-0001041", "CHG-0001042", "CHG-0001043"])

        // 09:02: the fix for the checkout queue arrived after the freeze.
        board.wait(seconds: 120)
        board.reload()
        board.press(.tab)
        #expect(board.state.selectedRow?.entry.change.id == "CHG-0001050")
        board.press("K")
        #expect(board.shows("CHG-0001050 is late, not on the agenda: i pulls it in"))
        board.press("i")
        #expect(board.shows("Pull CHG-0001050 into today's meeting"))
        board.press(.enter)
        #expect(board.shows("say why CHG-0001050 joins today's meeting, or Esc to leave"))
        board.type("Checkout queue is backing up since 08:40")
        board.press(.enter)
        #expect(board.item("CHG-0001050")?.addedReason == "Checkout queue is backing up since 08:40")
        #expect(board.item("CHG-0001050")?.addedBy == BoardFixture.chair)
        #expect(board.state.snapshot?.late.isEmpty == true)
        board.press(.enter)
        #expect(board.shows("pulled in: Checkout queue is backing up since 08:40"))

        board.press("t")
        board.press("+")
        board.type("dana.kim for web")
        board.press(.enter)
        #expect(board.world.meeting?.attendees.last == Attendee(name: "dana.kim", role: .downstream, present: true, speaksFor: "web"))
        #expect(board.shows("downstream, for web"))
    }

    // MARK: 12. Who must be in the room

    @Test func anItemWhoseOwnerAndDownstreamTeamAreAbsentIsFlaggedButPresented() {
        var board = BoardDriver(width: 120, height: 40)
        board.press("s")
        // CHG-0001041 (orders) touches Order Service, which Checkout Web (web) consumes: raj.patel and web must be in the room.
        board.press("n")
        #expect(board.item("CHG-0001041")?.isRunning == true, "flagged, never blocked")
        #expect(board.shows("CHG-0001041 presented without owner raj.patel, team web (flagged in the minutes)"))
        #expect(board.shows("✗ room: ✗ owner raj.patel · ✗ team web"))

        board.press("t")
        let people = board.state.attendees.map(\.name)
        for name in ["raj.patel", "web senior engineer"] {
            board.state.attendanceSelection = people.firstIndex(of: name) ?? 0
            board.press(" ")
        }
        board.press(.escape)
        #expect(board.shows("room: ✓ owner raj.patel · ✓ team web (web senior engineer)"))
        #expect(!board.shows("✗ room:"))
    }

    @Test func theMinutesRecordWhoWasMissing() {
        var board = BoardDriver(width: 120, height: 40)
        board.press("s")
        board.press("n")
        board.press("a")
        board.press("m")
        #expect(board.shows("missing: owner raj.patel, team web (flagged, not blocked)"))
    }

    // MARK: 13. Notes and action items

    @Test func theChairTypesNotesAndAnActionItemForThePresentedItemAndReadsThemInTheMinutes() {
        var board = BoardDriver(width: 120, height: 40)
        board.press("s")
        board.press("n")
        board.press("N")
        #expect(board.shows("Notes on CHG-0001041"))
        board.paste("Index built concurrently on a replica first.\nweb asked for a canary")
        board.press(.enter)
        #expect(board.item("CHG-0001041")?.notes == "Index built concurrently on a replica first.\nweb asked for a canary")

        board.press("A")
        board.press(.enter)
        #expect(board.shows("say what is to be done, or Esc to leave"))
        board.type("Add a rollback test for the index")
        board.press(.enter)
        #expect(board.shows("Add a rollback test for the index"), "the owner's field shows what is assigned")
        board.type(" 2026-12-04")
        board.press(.enter)
        let action = board.world.actions.first
        #expect(action?.text == "Add a rollback test for the index" && action?.owner == "raj.patel" && action?.due == "2026-12-04")
        #expect(action?.change == "CHG-0001041" && action?.meeting == BoardFixture.day && action?.openedBy == BoardFixture.chair)

        // The notes field opens on what was typed before.
        board.press("N")
        #expect(board.state.dialog == .agendaText(.notes(change: "CHG-0001041"),
                                                  field: TextField("Index built concurrently on a replica first.\nweb asked for a canary", multiline: true)))
        board.press(.escape)
        board.press("m")
        #expect(board.shows("notes: Index built concurrently on a replica first."))
        #expect(board.shows("web asked for a canary"))
        #expect(board.shows("ACT-1 (CHG-0001041) Add a rollback test for the index · owner raj.patel · due 2026-12-04 · open"))
    }

    @Test func aPresenterCannotMoveNoteOrPublish() {
        var board = BoardDriver(role: .presenter)
        board.press(.escape)
        for key in ["K", "J", "i", "P"] {
            board.press(key)
            #expect(board.shows("read-only: the chair runs the meeting"))
        }
        #expect(board.effects.isEmpty)
    }
}
