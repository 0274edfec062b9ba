import Foundation
import Testing

/// A team keeps its changes in ServiceNow. The chair exports change_request and incident records
/// from the Table API (`sysparm_display_value=all`), imports them into a fresh Cabinet, reads the
/// mapping report and the figures, then imports a newer export (`sysparm_display_value=true`,
/// in the exporting user's New York time) that syncs instead of duplicating.
@Suite struct ServiceNowImportTests {
    let sandbox = Sandbox(now: "2026-11-27T20:00:00Z")

    static func fixture(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/servicenow/\(name)").path
    }

    @Test func aTableAPIExportImportsWithTheFourFieldsMappedAndTheFiguresComputed() throws {
        let imported = try sandbox.cab("import", "--from", "servicenow", Self.fixture("change_request-all.json"), Self.fixture("incident-all.json"))
        #expect(imported.status == 0, "\(imported.stderr)")
        let report = imported.stdout
        // 5 records + 1 incident; CHG0030009 (type expedited) and the record without a number are skipped.
        #expect(report.contains("6 records → 3 new changes, 0 updated, 1 decisions, 1 incidents, 3 services"), "\(report)")
        #expect(report.contains("backout_plan") && report.contains("rollbackPlan"))
        #expect(report.contains("justification") && report.contains("blastRadius"))
        #expect(report.contains("test_plan") && report.contains("verification"))
        #expect(report.contains("CHG0030009): unknown change type 'Expedited'"))
        #expect(report.contains("\nSkipped:\n") && report.contains("result[4]: no number\n"), "one item a line: \(report)")
        #expect(report.contains("servicenow:CHG0030003: its approved approval is not a decision: the emergency route has no board gate"))
        // CHG0030002 left its backout and test plans empty: not ready for those reasons.
        #expect(report.contains("servicenow:CHG0030002: rollback plan is missing"), "\(report)")
        #expect(report.contains("verification criteria are missing"))

        let shown = try sandbox.cab("change", "show", "servicenow:CHG0030001", "--json")
        let change = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])
        let fields = change["change"] as? [String: Any] ?? change
        // HTML dropped, the paragraph break kept, &amp; decoded; raw times are UTC.
        #expect(fields["blastRadius"] as? String == "Order lookups are slow.\nOnly orders-db readers are affected & nothing else.", "\(shown.stdout)")
        #expect(fields["windowStart"] as? String == "2026-11-27T14:00:00Z")
        #expect(fields["category"] as? String == "database-schema")
        #expect(fields["route"] as? String == "cab")
        #expect(fields["owner"] as? String == "Raj Patel")
        #expect(fields["services"] as? [String] == ["orders-db"])

        let figures = try sandbox.cab("report", "--json")
        #expect(figures.status == 0, "\(figures.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(figures.stdout.utf8)) as? [String: Any])
        // Three changes submitted in the period: CHG0030001 (cab), CHG0030002 (pipeline), CHG0030003 (emergency).
        #expect(json["submitted"] as? Int == 3, "\(figures.stdout)")
    }

    @Test func aNewerExportSyncsTheSourceFieldsAndAppendsASupersedingDecision() throws {
        #expect(try sandbox.cab("import", "--from", "servicenow", Self.fixture("change_request-all.json")).status == 0)
        let again = try sandbox.cab("import", "--from", "servicenow", Self.fixture("change_request-all.json"))
        #expect(again.stdout.contains("0 new changes, 0 updated, 0 decisions"), "\(again.stdout)")
        let json = try sandbox.cab("import", "--from", "servicenow", "--json", Self.fixture("change_request-all.json"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((object["mapping"] as? [String: Any])?["filled"] as? [String: String] != nil && object["summary"] != nil, "\(json.stdout)")

        let newer = try sandbox.cab("import", "--from", "servicenow", "--timezone", "America/New_York", Self.fixture("change_request-display-newer.json"))
        #expect(newer.status == 0, "\(newer.stderr)")
        // CHG0030004 is new; CHG0030001 and CHG0030002 are the same records, updated.
        #expect(newer.stdout.contains("3 records → 1 new changes, 2 updated, 1 decisions"), "\(newer.stdout)")
        #expect(newer.stdout.contains("servicenow:CHG0030001: rollbackPlan, windowStart, windowEnd"), "\(newer.stdout)")
        #expect(newer.stdout.contains("servicenow:CHG0030002: rollbackPlan, verification"), "\(newer.stdout)")

        let listed = try sandbox.cab("change", "list", "--json")
        #expect(listed.stdout.components(separatedBy: "servicenow:CHG0030001").count == 2, "one CHG0030001, not two: \(listed.stdout)")
        let shown = try sandbox.cab("change", "show", "servicenow:CHG0030001", "--json")
        // 09:00 in New York on 28 November is 14:00 UTC.
        #expect(shown.stdout.contains("\"windowStart\" : \"2026-11-28T14:00:00Z\""), "\(shown.stdout)")
        #expect(shown.stdout.contains("Drop the index concurrently; under two minutes."))
        // The approval turned into a rejection: a superseding decision, the approval kept in the chain.
        #expect(shown.stdout.contains("\"outcome\" : \"rejected\"") && shown.stdout.contains("\"outcome\" : \"approved\""), "\(shown.stdout)")
        #expect(shown.stdout.contains("\"supersedes\" : \"servicenow:CHG0030001@2026-11-26T17:00:00Z/servicenow\""))
        let audit = try sandbox.cab("audit")
        #expect(audit.status == 0, "\(audit.stdout)\(audit.stderr)")
    }

    @Test func aDecisionRecordedInCabinetIsKeptAndTheDisagreementListed() throws {
        #expect(try sandbox.cab("import", "--from", "servicenow", Self.fixture("change_request-all.json")).status == 0)
        let corrected = try sandbox.cab("decide", "servicenow:CHG0030001", "approved-with-conditions", "--conditions", "Build the index concurrently",
                                        "--by", "chair", "--supersede", "--override", "the backout is rehearsed")
        #expect(corrected.status == 0, "\(corrected.stderr)")
        let newer = try sandbox.cab("import", "--from", "servicenow", "--timezone", "America/New_York", Self.fixture("change_request-display-newer.json"))
        #expect(newer.status == 0, "\(newer.stderr)")
        #expect(newer.stdout.contains("servicenow:CHG0030001 approval: the export says rejected, Cabinet keeps chair's approved-with-conditions decision"), "\(newer.stdout)")
    }

    @Test func aListViewCSVWithQuotedNewlinesImportsInTheUsersZone() throws {
        let imported = try sandbox.cab("import", "--from", "servicenow", "--timezone", "Europe/Berlin", Self.fixture("change_request-list.csv"))
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("2 records → 2 new changes"), "\(imported.stdout)")
        let shown = try sandbox.cab("change", "show", "servicenow:CHG0040001", "--json")
        #expect(shown.stdout.contains("1. Point the app back at the old cluster\\n2. Flush the new one"), "\(shown.stdout)")
        #expect(shown.stdout.contains("\"category\" : \"infrastructure\""))
        // 14:00 in Berlin on 29 November is 13:00 UTC.
        #expect(shown.stdout.contains("\"windowStart\" : \"2026-11-29T13:00:00Z\""))
        // The owner was left empty: the team stands in.
        let second = try sandbox.cab("change", "show", "servicenow:CHG0040002", "--json")
        #expect(second.stdout.contains("\"owner\" : \"Checkout\""), "\(second.stdout)")
    }

    @Test func otherColumnLabelsAreMappedWithColumns() throws {
        let csv = try sandbox.write("german.csv", """
            "Nummer","Kurzbeschreibung","Typ","Erstellt"
            "CHG0050001","Neuer Index","Normal","2026-11-26 09:00:00"
            """)
        let refused = try sandbox.cab("import", "--from", "servicenow", csv)
        #expect(refused.status != 0 && refused.stderr.contains("no Number column"), "\(refused.stderr)")
        let mapped = try sandbox.cab("import", "--from", "servicenow", csv, "--columns", "Nummer=number", "--columns", "Kurzbeschreibung=short_description",
                                     "--columns", "Typ=type", "--columns", "Erstellt=sys_created_on")
        #expect(mapped.status == 0 && mapped.stdout.contains("1 new changes"), "\(mapped.stdout)\(mapped.stderr)")
    }

    @Test func aFileThatIsNotAnExportIsRefusedAndABadTimeNamesItsRecordAndField() throws {
        let notServiceNow = try sandbox.write("other.json", #"{"changes": []}"#)
        let refused = try sandbox.cab("import", "--from", "servicenow", notServiceNow)
        #expect(refused.status != 0 && refused.stderr.contains("not a ServiceNow Table API response"), "\(refused.stderr)")

        let badTime = try sandbox.write("bad.json", """
            {"result": [
              {"number": "CHG0060001", "type": "normal", "state": "-5", "sys_created_on": "2026-11-26 09:00:00", "short_description": "Fine"},
              {"number": "CHG0060002", "type": "normal", "state": "-5", "sys_created_on": "2026-11-26 09:00:00", "start_date": "27/11/2026 14:00"}
            ]}
            """)
        let failed = try sandbox.cab("import", "--from", "servicenow", badTime)
        #expect(failed.status != 0)
        #expect(failed.stderr.contains("result[1] (number CHG0060002)") && failed.stderr.contains("start_date"), "\(failed.stderr)")
        // All or nothing: the good record was not written either.
        #expect(try sandbox.cab("change", "show", "servicenow:CHG0060001").status != 0)

        // Text the store would refuse is refused as the interchange refuses it, naming the field.
        let escape = try sandbox.write("escape.json", """
            {"result": [{"number": "CHG0060003", "type": "normal", "state": "-5", "sys_created_on": "2026-11-26 09:00:00",
              "short_description": "Fine", "backout_plan": "Revert \\u001b[2J now"}]}
            """)
        let control = try sandbox.cab("import", "--from", "servicenow", escape)
        #expect(control.status != 0 && control.stderr.contains("result[0] (number CHG0060003): rollbackPlan: holds the control character U+001B"), "\(control.stderr)")
    }
}
