import CabinetModel
/// A saved `gh pr diff` (a git unified diff): the lines each file's hunks add or remove, by the
/// file's path after the change (its path before, for a deleted file).
public struct UnifiedDiff: Sendable {
    /// Path → the added and removed lines, without their `+`/`-`, in the diff's order.
    public private(set) var changedLines: [String: [String]] = [:]

    /// Reads `bytes` named `source`; text with no file header (`diff --git` or `+++`) is refused.
    public init(_ bytes: [UInt8], source: String) throws(CabinetError) {
        let text = String(decoding: bytes, as: UTF8.self)
        var path: String?
        var oldPath: String?
        var inHunk = false
        var sawHeader = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map({ $0.hasSuffix("\r") ? $0.dropLast() : $0 }) {
            if line.hasPrefix("diff --git ") {
                sawHeader = true; inHunk = false; path = nil; oldPath = nil
            } else if !inHunk, line.hasPrefix("--- ") {
                oldPath = Self.path(line.dropFirst(4), side: "a/")
            } else if !inHunk, line.hasPrefix("+++ ") {
                sawHeader = true
                path = Self.path(line.dropFirst(4), side: "b/") ?? oldPath
            } else if line.hasPrefix("@@") {
                inHunk = path != nil
            } else if inHunk, let path, let marker = line.first, marker == "+" || marker == "-" {
                changedLines[path, default: []].append(String(line.dropFirst()))
            } else if inHunk, !(line.first == " " || line.first == "\\" || line.isEmpty) {
                inHunk = false
            }
        }
        guard sawHeader else { throw .unreadableInput(source: source, problem: "not a unified diff (the output of gh pr diff): no diff --git or +++ line") }
    }

    /// `b/src/app.go` → `src/app.go`; `/dev/null` → nil.
    private static func path(_ text: Substring, side: String) -> String? {
        let name = text.split(separator: "\t", maxSplits: 1).first.map(String.init) ?? ""
        if name == "/dev/null" || name.isEmpty { return nil }
        return name.hasPrefix(side) ? String(name.dropFirst(side.count)) : name
    }
}
