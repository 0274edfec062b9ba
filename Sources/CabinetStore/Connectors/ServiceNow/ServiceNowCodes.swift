import CabinetModel
/// The choice lists of ServiceNow's change_request and incident tables, read from the raw code or
/// from the English display label, whichever the export carries.
enum ServiceNowCodes {
    static func state(_ field: ServiceNowValue) -> ChangeState? {
        lookup(field, codes: ["-5": .new, "-4": .assess, "-3": .authorize, "-2": .scheduled, "-1": .implement, "0": .review, "3": .closed, "4": .canceled],
               labels: ["new": .new, "assess": .assess, "authorize": .authorize, "scheduled": .scheduled, "implement": .implement,
                        "review": .review, "closed": .closed, "canceled": .canceled, "cancelled": .canceled])
    }

    static func type(_ field: ServiceNowValue) -> ChangeType? {
        lookup(field, codes: ["standard": .standard, "normal": .normal, "emergency": .emergency],
               labels: ["standard": .standard, "normal": .normal, "emergency": .emergency])
    }

    /// change_request.risk: 1 Very High, 2 High, 3 Moderate, 4 Low.
    static func risk(_ field: ServiceNowValue) -> Risk? {
        lookup(field, codes: ["1": .high, "2": .high, "3": .medium, "4": .low],
               labels: ["very high": .high, "high": .high, "moderate": .medium, "medium": .medium, "low": .low])
    }

    /// task.impact: 1 High, 2 Medium, 3 Low (labels may carry the code: "1 - High").
    static func impact(_ field: ServiceNowValue) -> Risk? {
        lookup(field, codes: ["1": .high, "2": .medium, "3": .low],
               labels: ["1 - high": .high, "2 - medium": .medium, "3 - low": .low, "high": .high, "medium": .medium, "low": .low])
    }

    /// task.approval: only a final answer is a decision.
    static func approval(_ field: ServiceNowValue) -> Outcome? {
        lookup(field, codes: ["approved": .approved, "rejected": .rejected], labels: ["approved": .approved, "rejected": .rejected])
    }

    /// incident.priority: 1 Critical … 5 Planning; Cabinet's four severities take 5 as sev4.
    static func severity(_ field: ServiceNowValue) -> Severity? {
        lookup(field, codes: ["1": .sev1, "2": .sev2, "3": .sev3, "4": .sev4, "5": .sev4],
               labels: ["1 - critical": .sev1, "2 - high": .sev2, "3 - moderate": .sev3, "4 - low": .sev4, "5 - planning": .sev4,
                        "critical": .sev1, "high": .sev2, "moderate": .sev3, "low": .sev4, "planning": .sev4])
    }

    static func flag(_ field: ServiceNowValue) -> Bool {
        ["true", "yes", "1"].contains((field.value ?? field.display ?? "").lowercased())
    }

    private static func lookup<T>(_ field: ServiceNowValue, codes: [String: T], labels: [String: T]) -> T? {
        if let value = field.value, let known = codes[value.lowercased()] ?? labels[value.lowercased()] { return known }
        if let display = field.display { return labels[display.lowercased()] ?? codes[display.lowercased()] }
        return nil
    }
}
