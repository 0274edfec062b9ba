import CabinetModel
import CabinetStore
import TerminalKit
/// The readable form of `cab verify`: each gate passed or not, and whether the release may be
/// called stable. Every line is drawn inert.
public enum VerificationText {
    public static func render(_ verification: Verification) -> String {
        var lines = ["\(verification.change): verification recorded by \(verification.by) at \(verification.at.iso8601)"]
        for gate in verification.gates {
            lines.append("  \(gate.passed == true ? "✓" : "✗") \(gate.detail)")
        }
        let failing = verification.gates.filter { $0.passed != true }
        lines.append(failing.isEmpty ? "\(verification.change) may be called stable."
            : "\(verification.change) may not be called stable yet: " + failing.map(\.detail).joined(separator: "; "))
        return lines.map(\.inert).joined(separator: "\n")
    }
}
