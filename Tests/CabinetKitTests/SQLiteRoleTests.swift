import Testing
@testable import CabinetModel
@testable import CabinetStore

/// On an SQLite file, `cab` checks the roles itself once any is named; file access stays the
/// real limit, since anyone who can write the file can edit it by hand.
@Suite struct SQLiteRoleTests {
    let stores = TestStores()

    func decision(by person: String) -> Decision {
        Decision(id: "d-\(person)", change: "C9", outcome: .approved, at: time("2026-11-20T10:00:00Z"), by: person)
    }

    @Test func withNoRoleNamedAnyoneMayDoAnything() throws {
        let store = try #require(try stores.fresh(.sqlite, holding: figureFixture) as? SQLiteStore)
        try store.record(decision(by: "anyone"))
        _ = try store.editChange("C9", ChangeEdit(rollbackPlan: "flag off"), by: "someone.else")
    }

    @Test func onceRolesAreNamedOnlyAChairDecidesMeetsConditionsAndFreezes() throws {
        let store = try #require(try stores.fresh(.sqlite, holding: figureFixture) as? SQLiteStore)
        try store.grant(.chair, to: SystemUser.name)
        try store.grant(.chair, to: "priya")
        try store.grant(.member, to: "emma")
        #expect(throws: CabinetError.forbidden("only a chair can record decisions")) { try store.record(decision(by: "emma")) }
        #expect(throws: CabinetError.forbidden("only a chair can record decisions")) { try store.record(decision(by: "stranger")) }
        #expect(throws: CabinetError.forbidden("only a chair can record that conditions are met")) {
            _ = try store.meetCondition(change: "C2", by: "emma", at: time("2026-11-20T10:00:00Z"), note: nil)
        }
        #expect(throws: CabinetError.forbidden("only a chair can change freezes")) {
            _ = try store.addFreeze(from: time("2026-12-20T00:00:00Z"), to: time("2026-12-27T00:00:00Z"), reason: "year end", by: "emma",
                                    at: time("2026-11-20T10:00:00Z"))
        }
        #expect(try store.decisions(forChange: "C9").isEmpty)
        try store.record(decision(by: "priya"))
        #expect(try store.decisions(forChange: "C9").map(\.by) == ["priya"])
    }

    @Test func onceRolesAreNamedOnlyAChairRecordsAnEmergencysReview() throws {
        let store = try stores.sqlite()
        _ = try store.importDocument(InterchangeDocument(services: [Service(name: "S1", team: "alpha")], changes: [
            DORAFiguresTests.change("E1", .emergency, submitted: "2026-11-19T22:00:00Z", deployed: "2026-11-19T22:30:00Z"),
        ]))
        try store.grant(.chair, to: SystemUser.name)
        try store.grant(.member, to: "emma")
        #expect(throws: CabinetError.forbidden("only a chair can record a post-implementation review")) {
            try store.record(PostImplementationReview(change: "E1", outcome: .accepted, at: time("2026-11-20T09:00:00Z"), by: "emma"),
                             clocks: [], on: "2026-11-20")
        }
        #expect(try store.pirs().isEmpty)
    }

    @Test func onceRolesAreNamedOnlyTheOwnerOrAChairEditsAChange() throws {
        let store = try #require(try stores.fresh(.sqlite, holding: figureFixture) as? SQLiteStore)
        try store.grant(.chair, to: SystemUser.name)
        try store.grant(.chair, to: "priya")
        #expect(throws: CabinetError.forbidden("only the owner of C9 (owner) or a chair can edit it")) {
            _ = try store.editChange("C9", ChangeEdit(rollbackPlan: "mine now"), by: "emma")
        }
        #expect(try store.change(id: "C9")?.rollbackPlan == "redeploy")
        #expect(try store.editChange("C9", ChangeEdit(rollbackPlan: "flag off"), by: "owner").rollbackPlan == "flag off")
        #expect(try store.editChange("C9", ChangeEdit(verification: "smoke"), by: "priya").verification == "smoke")
    }

    @Test func someoneWhoIsNotAChairCannotNameAnotherWithBy() throws {
        let store = try #require(try stores.fresh(.sqlite, holding: figureFixture) as? SQLiteStore)
        try store.grant(.chair, to: "priya")
        #expect(throws: CabinetError.forbidden(
            "--by names priya, but you run cab as \(SystemUser.name), who is not a chair: only a chair can act in another's name")) {
            try store.record(decision(by: "priya"))
        }
        #expect(try store.decisions(forChange: "C9").isEmpty)
    }

    @Test func onceAChairIsNamedOnlyAChairNamesRoles() throws {
        let store = try #require(try stores.fresh(.sqlite, holding: figureFixture) as? SQLiteStore)
        try store.grant(.member, to: "raj")
        try store.grant(.chair, to: "priya")
        #expect(throws: CabinetError.forbidden("only a chair can name roles, and you run cab as \(SystemUser.name), who is not one")) {
            try store.grant(.chair, to: SystemUser.name)
        }
    }

    @Test func eachWriteStoresWhoRanItBesideTheByItNames() throws {
        let store = try stores.fresh(.sqlite, holding: figureFixture)
        try store.record(decision(by: "priya"))
        let decision = try #require(try store.decisions(forChange: "C9").first)
        #expect(decision.by == "priya")
        #expect(decision.recordedBy == SystemUser.name)
    }
}
