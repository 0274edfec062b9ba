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

    @Test func onePullRequestIsSubmittedWithTheConfigurationItsDiffChangesAndItsRiskScore() throws {
        // Without the diff, nothing in deploy/orders/deployment.yaml or infra/orders/main.tf names a flagged area: the peer route.
        let plain = try Sandbox(now: "2026-11-27T20:00:00Z").cab("change", "from-pr", "--service-map", Self.fixture("owners"), Self.fixture("pr-view-125.json"))
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(plain.stdout.hasPrefix("Submitted github:acme/shop#125: route peer, state authorize, risk score "), "\(plain.stdout)")

        // The saved gh pr diff raises a memory limit and opens a security group rule: the board's, flagged.
        let submitted = try sandbox.cab("change", "from-pr", "--service-map", Self.fixture("owners"), "--diff", Self.fixture("pr-125.diff"),
                                        Self.fixture("pr-view-125.json"))
        #expect(submitted.status == 0, "\(submitted.stderr)")
        #expect(submitted.stdout.hasPrefix("Submitted github:acme/shop#125: route cab, state authorize, risk score "), "\(submitted.stdout)")
        #expect(submitted.stdout.contains("touches resource-limits, networking, not ready: "), "\(submitted.stdout)")
        let shown = try sandbox.cab("change", "show", "github:acme/shop#125", "--json")
        #expect(shown.stdout.contains("\"resource-limits\"") && shown.stdout.contains("\"networking\""), "\(shown.stdout)")
        let again = try sandbox.cab("change", "from-pr", "--service-map", Self.fixture("owners"), "--diff", Self.fixture("pr-125.diff"),
                                    Self.fixture("pr-view-125.json"))
        #expect(again.stdout.hasPrefix("Already submitted github:acme/shop#125"), "\(again.stdout)")

        let list = try sandbox.cab("change", "from-pr", Self.fixture("pr-list.json"))
        #expect(list.status != 0 && list.stderr.contains("from-pr submits one"), "\(list.stderr)")
    }

    @Test func aDiffInAListNamesItsPullRequest() throws {
        let unnamed = try sandbox.cab("import", "--from", "github", "--diff", Self.fixture("pr-125.diff"), Self.fixture("pr-list.json"))
        #expect(unnamed.status != 0 && unnamed.stderr.contains("names no pull request and the export holds 2: give --diff NUMBER=FILE"), "\(unnamed.stderr)")
        #expect(try sandbox.cab("change", "list", "--json").stdout.contains("github:") == false)
        let named = try sandbox.cab("import", "--from", "github", "--diff", "124=" + Self.fixture("pr-125.diff"), Self.fixture("pr-list.json"))
        #expect(named.status == 0, "\(named.stderr)")
        #expect(named.stdout.contains("diff") && named.stdout.contains("touches"), "\(named.stdout)")
        let flagged = try sandbox.cab("change", "show", "github:acme/shop#124", "--json")
        // The path names the network policy; the diff's changed lines add the resource limits.
        #expect(flagged.stdout.contains("\"resource-limits\"") && flagged.stdout.contains("\"networking\""), "\(flagged.stdout)")
        let unflagged = try sandbox.cab("change", "show", "github:acme/shop#123", "--json")
        #expect(!unflagged.stdout.contains("\"resource-limits\""), "\(unflagged.stdout)")
    }
}
