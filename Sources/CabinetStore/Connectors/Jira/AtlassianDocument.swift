/// Text from a Jira field: a plain string (REST API v2) or an Atlassian document (API v3,
/// `{"type": "doc", "content": [ … ]}`), made plain: paragraphs and hard breaks as line breaks,
/// list items as `- ` lines.
enum AtlassianDocument {
    static func plain(_ value: JSONValue?) -> String? {
        switch value {
        case .string(let text)?: return SourceText.plain(text)
        case .object(let node)? where node["type"] == .string("doc"):
            var lines: [String] = []
            render(node, into: &lines, prefix: "")
            return SourceText.plain(lines.joined(separator: "\n"))
        default: return nil
        }
    }

    private static func render(_ node: [String: JSONValue], into lines: inout [String], prefix: String) {
        guard case .array(let children)? = node["content"] else { return }
        for case .object(let child) in children {
            switch child["type"] {
            case .string("paragraph")?, .string("heading")?:
                lines.append(prefix + inline(child))
            case .string("listItem")?:
                var item: [String] = []
                render(child, into: &item, prefix: "")
                lines += item.enumerated().map { ($0.offset == 0 ? prefix + "- " : prefix + "  ") + $0.element }
            default:
                render(child, into: &lines, prefix: prefix)
            }
        }
    }

    private static func inline(_ node: [String: JSONValue]) -> String {
        guard case .array(let children)? = node["content"] else { return "" }
        return children.map { child -> String in
            guard case .object(let leaf) = child else { return "" }
            switch leaf["type"] {
            case .string("text")?: if case .string(let text)? = leaf["text"] { return text }; return ""
            case .string("hardBreak")?: return "\n"
            default: return inline(leaf)
            }
        }.joined()
    }
}
