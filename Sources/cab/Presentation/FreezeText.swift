import CabinetModel
import CabinetStore
import TerminalKit
/// The readable form of `cab freeze list`.
public enum FreezeText {
    public static func render(_ freezes: [Freeze]) -> String {
        guard !freezes.isEmpty else { return "No freezes." }
        var table = TextTable(header: ["id", "from", "to", "reason", "added by"])
        for freeze in freezes { table.add([freeze.id, freeze.from.iso8601, freeze.to.iso8601, freeze.reason, freeze.addedBy]) }
        return table.rendered
    }
}
