import Testing
@testable import CabinetModel
@testable import CabinetStore

/// A saved `gh pr diff` tells what the paths cannot: a deployment.yaml whose changed lines raise
/// the memory limit, a main.tf that opens a security group, an IAM policy in a file of any name.
@Suite struct GitHubDiffTests {
    static let diff = """
        diff --git a/deploy/orders/deployment.yaml b/deploy/orders/deployment.yaml
        index 3b18e51..a9c2f07 100644
        --- a/deploy/orders/deployment.yaml
        +++ b/deploy/orders/deployment.yaml
        @@ -18,6 +18,6 @@ spec:
               containers:
                 - name: orders
                   resources:
                     limits:
        -              memory: 512Mi
        +              memory: 1Gi
        diff --git a/infra/main.tf b/infra/main.tf
        index 1c2d3e4..5f6a7b8 100644
        --- a/infra/main.tf
        +++ b/infra/main.tf
        @@ -1,2 +1,5 @@
         # ingress is managed elsewhere
        +resource "aws_iam_role_policy" "orders_read" {
        +  role = aws_iam_role.orders.id
        +}
        diff --git a/docs/networking.md b/docs/networking.md
        deleted file mode 100644
        index 1111111..0000000
        --- a/docs/networking.md
        +++ /dev/null
        @@ -1 +0,0 @@
        -egress: everything
        """

    @Test func changedLinesAreReadByFileAndContextLinesAreNot() throws {
        let lines = try UnifiedDiff(Array(Self.diff.utf8), source: "pr.diff").changedLines
        #expect(lines["deploy/orders/deployment.yaml"] == ["              memory: 512Mi", "              memory: 1Gi"])
        #expect(lines["infra/main.tf"]?.count == 3)
        // A deleted file is named by its old path.
        #expect(lines["docs/networking.md"] == ["egress: everything"])
        // `limits:` is a context line: only the memory lines changed, and they set a resource limit.
        #expect(ChangedLineRules.touches(path: "deploy/orders/deployment.yaml", lines: lines["deploy/orders/deployment.yaml"] ?? []) == [.resourceLimits])
        // The comment that mentions ingress is context; the IAM policy is added.
        #expect(ChangedLineRules.touches(path: "infra/main.tf", lines: lines["infra/main.tf"] ?? []) == [.iam])
        // Markdown is neither Kubernetes YAML nor Terraform.
        #expect(ChangedLineRules.touches(path: "docs/networking.md", lines: ["egress: everything"]) == [])
    }

    @Test func theDiffFlagsThePullRequestItWasGivenFor() throws {
        let pulls = """
            [{"number": 7, "title": "Bump memory", "author": {"login": "lee"}, "createdAt": "2026-11-27T08:00:00Z", "mergedAt": null,
              "files": [{"path": "deploy/orders/deployment.yaml", "additions": 1, "deletions": 1}], "labels": [], "reviews": [],
              "url": "https://github.com/acme/shop/pull/7"},
             {"number": 8, "title": "Docs", "author": {"login": "lee"}, "createdAt": "2026-11-27T08:00:00Z", "mergedAt": null,
              "files": [{"path": "docs/networking.md", "additions": 0, "deletions": 1}], "labels": [], "reviews": [],
              "url": "https://github.com/acme/shop/pull/8"}]
            """
        let files = [(name: "prs.json", bytes: Array(pulls.utf8))]
        let batch = try GitHubAdapter.read(files, rules: PathRules(), diffs: [GitHubAdapter.Diff(pull: 7, name: "7.diff", bytes: Array(Self.diff.utf8))])
            .batch(stored: StoredRecords())
        #expect(batch.document.changes.map(\.change.touches) == [[.resourceLimits, .iam], []])
        #expect(batch.report.filled["diff"] == "touches")
        // Without a number the diff is the only pull request's; with two, it must say which.
        let unnamed = #expect(throws: CabinetError.self) {
            try GitHubAdapter.read(files, rules: PathRules(), diffs: [GitHubAdapter.Diff(pull: nil, name: "7.diff", bytes: Array(Self.diff.utf8))])
        }
        #expect(unnamed?.description.contains("7.diff names no pull request and the export holds 2: give --diff NUMBER=FILE") == true)
        let notADiff = #expect(throws: CabinetError.self) {
            try GitHubAdapter.read(files, rules: PathRules(), diffs: [GitHubAdapter.Diff(pull: 8, name: "8.diff", bytes: Array("hello".utf8))])
        }
        #expect(notADiff?.description.contains("8.diff: not a unified diff") == true)
    }

    @Test func changedFilesCountsThePathsGhLeavesOut() throws {
        // gh pr view --json files lists the first 100 files; changedFiles counts all 140.
        let pull = """
            {"number": 9, "title": "Rename the orders package", "author": {"login": "lee"}, "createdAt": "2026-11-27T08:00:00Z", "mergedAt": null,
             "changedFiles": 140, "files": [{"path": "orders/a.go", "additions": 1, "deletions": 1, "changeType": "RENAMED"}], "labels": [], "reviews": [],
             "url": "https://github.com/acme/shop/pull/9"}
            """
        let batch = try GitHubAdapter.read([(name: "pr.json", bytes: Array(pull.utf8))], rules: PathRules()).batch(stored: StoredRecords())
        #expect(batch.document.changes.first?.change.filesChanged == 140)
        #expect(batch.report.filled["changedFiles"] == "filesChanged")
    }
}
