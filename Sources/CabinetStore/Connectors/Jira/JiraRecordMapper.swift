import CabinetModel
/// Maps Jira Service Management change issues onto Cabinet's changes and decisions, by field names.
struct JiraRecordMapper {
    static let system = "jira"

    static func id(_ key: String) -> String { "\(system):\(key)" }

    /// The change an issue states, or `nil` when it cannot be mapped (listed in the report).
    func change(_ issue: JiraIssue, report: inout MappingReport) throws(CabinetError) -> MappedChange? {
        guard let key = issue.key, !key.isEmpty else { report.skip(issue.place, "no key"); return nil }
        let issueType = JiraIssue.label(issue["issuetype"]) ?? JiraIssue.label(issue["Issue Type"])
        guard issueType?.lowercased() == "change" else {
            report.skip(issue.name, issueType.map { "issue type '\($0)' is not a change" } ?? "no issue type")
            return nil
        }
        let typeText = JiraIssue.label(issue["Change type"])
        guard let type = typeText.flatMap({ ChangeType(rawValue: $0.lowercased()) }) else {
            report.skip(issue.name, typeText.map { "unknown change type '\($0)'" } ?? "no Change type")
            return nil
        }
        report.fill("Change type", "type")
        guard let created = try time(issue, "created") else { report.skip(issue.name, "no created time"); return nil }
        report.fill("created", "submittedAt")
        let services = servicesOf(issue)
        if !services.isEmpty { report.fill("Affected services", "services") }
        let risk = JiraIssue.label(issue["Change risk"]).flatMap(Self.risk)
        if risk != nil { report.fill("Change risk", "risk") }
        var project = Self.system
        if case .object(let object)? = issue["project"], case .string(let key)? = object["key"] { project = key }
        let team = filled(issue, "Team", "team", &report) ?? project
        let owner = filled(issue, "assignee", "owner", &report) ?? filled(issue, "reporter", "owner", &report) ?? team
        let category = JiraIssue.label(issue["Category"])
        let change = Change(
            id: Self.id(key), title: filled(issue, "summary", "title", &report).flatMap { SourceText.line($0) } ?? key, owner: owner, team: team, type: type,
            category: CategoryDerivation.category(sourceCategory: category, services: services), risk: risk ?? .medium, route: .peer,
            services: services, blastRadius: filled(issue, "Blast radius", "blastRadius", &report) ?? "",
            rollbackPlan: filled(issue, "Backout plan", "rollbackPlan", &report) ?? "",
            verification: filled(issue, "Test plan", "verification", &report) ?? "",
            windowStart: try time(issue, "Planned start").map { report.fill("Planned start", "windowStart"); return $0 },
            windowEnd: try time(issue, "Planned end").map { report.fill("Planned end", "windowEnd"); return $0 },
            submittedAt: created, state: .new)
        let state = JiraIssue.label(issue["status"]).flatMap(Self.state)
        if state != nil { report.fill("status", "state") }
        var mapped = MappedChange(change: change, statedRoute: nil, statedState: state, approval: nil, record: issue.name, file: issue.file)
        mapped.approval = try approval(issue, report: &report)
        return mapped
    }

    /// The last approval with a final decision: approved or declined, at its completed date.
    private func approval(_ issue: JiraIssue, report: inout MappingReport) throws(CabinetError) -> (outcome: Outcome, at: Timestamp)? {
        guard case .array(let approvals)? = issue["Approvals"] else { return nil }
        var latest: (outcome: Outcome, at: Timestamp)?
        for case .object(let approval) in approvals {
            let outcome: Outcome
            switch approval["finalDecision"] {
            case .string("approved")?: outcome = .approved
            case .string("declined")?: outcome = .rejected
            default: continue
            }
            guard case .object(let completed)? = approval["completedDate"], case .string(let text)? = completed["iso8601"] else {
                report.skip(issue.name, "an approval decided \(outcome.rawValue) has no completedDate: no decision recorded")
                continue
            }
            guard let at = SourceTime.jira(text) else {
                throw .invalidRecord(source: issue.file, record: issue.name, field: "Approvals", problem: "completedDate '\(text)' is not a Jira time")
            }
            if latest.map({ $0.at <= at }) ?? true { latest = (outcome, at) }
        }
        if latest != nil { report.fill("Approvals", "decision") }
        return latest
    }

    private func servicesOf(_ issue: JiraIssue) -> [String] {
        guard case .array(let services)? = issue["Affected services"] else { return JiraIssue.label(issue["Affected services"]).map { [$0] } ?? [] }
        return services.compactMap(JiraIssue.label)
    }

    private func filled(_ issue: JiraIssue, _ field: String, _ cabinetField: String, _ report: inout MappingReport) -> String? {
        guard let text = issue.text(field) else { return nil }
        report.fill(field, cabinetField)
        return text
    }

    private func time(_ issue: JiraIssue, _ field: String) throws(CabinetError) -> Timestamp? {
        guard let text = JiraIssue.label(issue[field]) else { return nil }
        guard let time = SourceTime.jira(text) else {
            throw .invalidRecord(source: issue.file, record: issue.name, field: field, problem: "'\(text)' is not a Jira time like 2026-11-27T14:00:00.000+0000")
        }
        return time
    }

    static func risk(_ label: String) -> Risk? {
        ["low": .low, "medium": .medium, "high": .high, "critical": .high][label.lowercased()]
    }

    /// Jira Service Management's change workflow statuses.
    static func state(_ label: String) -> ChangeState? {
        [
            "open": .new, "planning": .new, "under review": .assess, "awaiting cab approval": .authorize, "awaiting approval": .authorize,
            "awaiting implementation": .scheduled, "scheduled": .scheduled, "implementing": .implement, "in progress": .implement,
            "peer review": .review, "review": .review, "completed": .closed, "closed": .closed, "done": .closed,
            "canceled": .canceled, "cancelled": .canceled, "declined": .canceled, "failed": .canceled,
        ][label.lowercased()]
    }
}
