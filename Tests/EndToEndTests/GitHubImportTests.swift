import Foundation
import Testing

/// A team whose changes are pull requests saves `gh pr list --json number,title,author,createdAt,
/// mergedAt,files,labels,reviews,url` and a path → service map, and imports them: the migration,
/// the network policy and the services come from the paths, the approving review is the peer
/// decision, the merge the deployment.
@Suite struct GitHubImportTests {
    let sandbox = Sandbox(now: "2026-11-27T20:00:00Z")

    static func fixture(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/github/\(name)").path
    }

    @Test func pullRequestsImportWithTheirPathsReviewsAndMerge() throws {
        let imported = try sandbox.cab("import", "--from", "github", "--service-map", Self.fixture("owners"), Self.fixture("pr-list.json"))
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("3 records → 2 new changes, 0 updated, 1 decisions, 0 incidents, 2 services"), "\(imported.stdout)")
        #expect(imported.stdout.contains("[2]: no number or no pull request url"))
        let merged = try sandbox.cab("change", "show", "github:acme/shop#123", "--json")
        #expect(merged.stdout.contains("\"hasMigration\" : true") && merged.stdout.contains("\"category\" : \"database-schema\""), "\(merged.stdout)")
        #expect(merged.stdout.contains("\"deployedAt\" : \"2026-11-27T14:05:00Z\"") && merged.stdout.contains("\"filesChanged\" : 2"))
        // The author's own comment is no decision; mia's approval is.
        #expect(merged.stdout.contains("approving review by mia on GitHub"))
        let policy = try sandbox.cab("change", "show", "github:acme/shop#124", "--json")
        #expect(policy.stdout.contains("\"networking\"") && policy.stdout.contains("\"route\" : \"cab\""), "\(policy.stdout)")
        #expect(policy.stdout.contains("\"services\" : [\n    \"search\"\n  ]"), "\(policy.stdout)")

        let again = try sandbox.cab("import", "--from", "github", "--service-map", Self.fixture("owners"), Self.fixture("pr-list.json"))
        #expect(again.stdout.contains("0 new changes, 0 updated, 0 decisions"), "\(again.stdout)")
    }
}
