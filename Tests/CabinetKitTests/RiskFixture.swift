@testable import CabinetModel
@testable import CabinetStore

/// A small shop: Postgres under Order Service and Payment Gateway, Checkout Web on both,
/// Shipping Tracker on Order Service, and Email on its own.
///
///     Postgres ← Order Service ← Checkout Web
///         ↖ Payment Gateway ↙     ↖ Shipping Tracker        Email
let shop = [
    Service(name: "Postgres", team: "platform"),
    Service(name: "Order Service", team: "orders", dependsOn: ["Postgres"]),
    Service(name: "Payment Gateway", team: "payments", dependsOn: ["Postgres"]),
    Service(name: "Checkout Web", team: "web", dependsOn: ["Order Service", "Payment Gateway"]),
    Service(name: "Shipping Tracker", team: "logistics", dependsOn: ["Order Service"]),
    Service(name: "Email", team: "growth"),
]

/// A normal single-service change to `services` in the window `[start, end)` (times on 2026-11-27, UTC).
func riskChange(_ id: String, _ services: [String], from start: String = "14:00", to end: String = "15:00", edit: (inout Change) -> Void = { _ in }) -> Change {
    var change = Change(
        id: id, title: "Change \(id)", owner: "raj", team: "orders", type: .normal, category: .singleService, risk: .medium,
        route: .peer, services: services, blastRadius: services.joined(separator: ", "), rollbackPlan: "Redeploy", rollbackMinutes: 3,
        verification: "errors flat", windowStart: time("2026-11-27T\(start):00Z"), windowEnd: time("2026-11-27T\(end):00Z"),
        submittedAt: time("2026-11-26T10:00:00Z"), state: .authorize)
    edit(&change)
    return change
}
