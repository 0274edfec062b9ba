import ArgumentParser
import CabinetModel
import CabinetStore
import TerminalKit

struct Audit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Check the decision log's hash chain and the summaries kept from the rows: intact, or the first place they do not hold.",
        discussion: """
            Each decision stores a hash of its content and of the previous decision's hash. The walk finds a decision changed, \
            removed or slipped in after the fact, even by the owner of the database. Decisions cut off the end leave a shorter \
            chain that is still whole: only a hash printed earlier (minutes, reports) shows it, with --expect. \
            The summaries the store keeps as records are written (each service's history) are recomputed from the rows and \
            compared: the first service whose summary differs is named.
            """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions
    @Option(help: ArgumentHelp("A last hash printed earlier (minutes, report, audit): the chain must still pass through it.", valueName: "hash"))
    var expect: String?

    func run() throws {
        var intact = true
        try guarded { () throws(CabinetError) in
            if let expect, expect.range(of: "^[0-9a-f]{64}$", options: .regularExpression) == nil {
                throw .invalidArgument(name: "--expect", problem: "'\(expect)' is not a hash (64 lower-case hex digits, as minutes and reports print it)")
            }
            let opened = try store.open(.reading)
            let audit = try opened.auditDecisionLog(expecting: expect)
            let difference = try opened.auditSummaries()
            print(output.json ? try JSONOutput.serialize(AuditText.object(audit, summaries: difference)) : AuditText.render(audit, summaries: difference))
            intact = audit.intact && difference == nil
        }
        if !intact { throw ExitCode(1) }
    }
}
