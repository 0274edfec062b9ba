import CabinetModel
import TerminalKit

/// `cab calendar` without `--ics`: one row per event, in start order, drawn inert.
public enum ChangeCalendarText {
    public static func render(_ calendar: ChangeCalendar) -> String {
        guard !calendar.events.isEmpty else { return "No change windows or freezes in this period." }
        var table = TextTable(header: ["start", "end", "what"])
        for event in calendar.events {
            table.add(event.allDay ? [event.start.day, "through " + event.end.adding(days: -1).day, event.summary]
                                   : [event.start.iso8601, event.end.iso8601, event.summary])
        }
        return table.rendered
    }
}
