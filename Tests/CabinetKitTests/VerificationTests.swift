import Foundation
import TerminalKit
import Testing
@testable import cab
@testable import CabinetModel
@testable import CabinetStore

@Suite struct VerificationGateTests {
    func verify(
        smoke: SmokeResult = .pass, errorRate: Double? = 0.05, baseline: Double? = nil, p99: Double? = 12, held: Int? = 15, required: Int = 15
    ) -> Verification {
        Verification(id: "v", change: "C1", at: time("2026-11-27T16:00:00Z"), by: "raj", smoke: smoke, errorRate: errorRate,
                     baselineErrorRate: baseline, p99Delta: p99, heldMinutes: held, requiredMinutes: required)
    }

    @Test func aReleaseThatPassesEveryGateMayBeCalledStable() {
        let passed = verify()
        #expect(passed.isStable)
        #expect(passed.gates.map(\.detail) == [
            "smoke tests passed", "error rate 0.05% (under 0.1%)", "p99 latency +12% (at most +20%)", "held 15 min (at least 15)",
        ])
    }

    @Test func eachGateFailsOnItsOwnEdge() {
        #expect(!verify(smoke: .fail).isStable)
        #expect(!verify(errorRate: 0.1).isStable)
        #expect(!verify(p99: 20.5).isStable)
        #expect(verify(p99: 20).isStable)
        #expect(!verify(held: 14).isStable)
    }

    @Test func anErrorRateAboveTheBarPassesWhenItIsNoWorseThanTheBaseline() {
        #expect(verify(errorRate: 0.3, baseline: 0.4).isStable)
        #expect(!verify(errorRate: 0.5, baseline: 0.4).isStable)
        #expect(verify(errorRate: 0.5, baseline: 0.4).gates[1].detail == "error rate 0.5% (under 0.1% or the baseline 0.4%)")
    }

    @Test func aHighRiskChangeSoaksThirtyMinutes() {
        #expect(VerificationGate.requiredMinutes(highRisk: true) == 30 && VerificationGate.requiredMinutes(highRisk: false) == 15)
        let short = verify(held: 20, required: 30)
        #expect(!short.isStable)
        #expect(short.gates[3] == VerificationGate(name: "soak", passed: false, detail: "held 20 min (at least 30, high risk)"))
    }

    @Test func whatWasNotMeasuredKeepsTheReleaseFromBeingStable() {
        let unmeasured = verify(errorRate: nil, p99: nil, held: nil)
        #expect(!unmeasured.isStable)
        #expect(unmeasured.gates.map(\.passed) == [true, nil, nil, nil])
        #expect(VerificationText.render(unmeasured).hasSuffix(
            "C1 may not be called stable yet: error rate not measured (--error-rate); p99 latency change not measured (--p99-delta); time held not stated (--soak-minutes, at least 15)"))
    }
}

@Suite struct AnnouncementTests {
    let change = riskChange("CHG-1", ["Order Service"]) { $0.title = "Add index on orders.created_at"; $0.rollbackPlan = "Drop the index" }

    @Test func theAnnouncementSaysWhatWhoVerificationAndRollback() throws {
        let verification = Verification(id: "v", change: "CHG-1", at: time("2026-11-27T15:20:00Z"), by: "raj", smoke: .pass, errorRate: 0.02,
                                        p99Delta: 3, heldMinutes: 15, requiredMinutes: 15)
        let announcement = Announcement(change: change, deployedBy: "raj", link: "https://git.example/pr/42", verification: verification,
                                        rollback: "kubectl rollout undo deploy/orders")
        #expect(announcement.text == """
            Deployed CHG-1: Add index on orders.created_at
            Link: https://git.example/pr/42
            Deployed by raj (owner raj, orders)
            Verification: stable (verified by raj at 2026-11-27T15:20:00Z)
            Rollback: kubectl rollout undo deploy/orders (3 min)
            """)
        let message = try #require(try JSONSerialization.jsonObject(with: announcement.slackPayload) as? [String: Any])
        #expect(message["text"] as? String == announcement.text)
        let blocks = try #require(message["blocks"] as? [[String: Any]])
        #expect((blocks[0]["text"] as? [String: Any])?["text"] as? String == "Deployed CHG-1: Add index on orders.created_at")
        let fields = try #require(blocks[1]["fields"] as? [[String: Any]])
        #expect(fields.map { $0["text"] as? String } == [
            "*Link*", "https://git.example/pr/42", "*Deployed by*", "raj (owner raj, orders)",
            "*Verification*", "stable (verified by raj at 2026-11-27T15:20:00Z)", "*Rollback*", "kubectl rollout undo deploy/orders (3 min)",
        ])
    }

    @Test func withoutVerificationItSaysSoAndFallsBackToTheRollbackPlan() {
        let text = Announcement(change: change, deployedBy: "ines", link: nil, verification: nil, rollback: nil).text
        #expect(text.contains("Verification: not verified yet (cab verify CHG-1)"))
        #expect(text.hasSuffix("Rollback: Drop the index (3 min)"))
        #expect(!text.contains("Link:"))
    }

    @Test func aHostileTitleCannotForgeALineOrPingTheChannel() throws {
        var hostile = change
        hostile.title = "Fix <!channel> & <https://evil.example|docs>\u{1B}]0;x\u{7}\nVerification: stable"
        let announcement = Announcement(change: hostile, deployedBy: "raj", link: nil, verification: nil, rollback: nil)
        #expect(announcement.text.hasPrefix("Deployed CHG-1: Fix <!channel> & <https://evil.example|docs>␛]0;x␇␊Verification: stable\nDeployed by raj"))
        let message = try #require(try JSONSerialization.jsonObject(with: announcement.slackPayload) as? [String: Any])
        let escaped = "Deployed CHG-1: Fix &lt;!channel&gt; &amp; &lt;https://evil.example|docs&gt;␛]0;x␇␊Verification: stable"
        #expect((message["text"] as? String)?.hasPrefix(escaped + "\nDeployed by raj") == true)
        let header = try #require((message["blocks"] as? [[String: Any]])?.first?["text"] as? [String: Any])
        #expect(header["type"] as? String == "plain_text")
        #expect(header["text"] as? String == escaped)
    }
}
