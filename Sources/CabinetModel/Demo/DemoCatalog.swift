/// The demo's world: services with owners and dependencies (each after those it depends on),
/// people, and the words changes are written in. Fixed, so the demo reads like a real company's board.
enum DemoCatalog {
    static let services: [Service] = [
        Service(name: "Postgres Main", team: "platform"),
        Service(name: "Redis Cache", team: "platform"),
        Service(name: "Kafka Bus", team: "platform"),
        Service(name: "Auth Service", team: "identity", dependsOn: ["Postgres Main", "Redis Cache"]),
        Service(name: "API Gateway", team: "platform", dependsOn: ["Auth Service"]),
        Service(name: "Feature Flags", team: "platform", dependsOn: ["Redis Cache"]),
        Service(name: "User Accounts", team: "identity", dependsOn: ["Postgres Main", "Auth Service"]),
        Service(name: "Catalog API", team: "web", dependsOn: ["Postgres Main", "Redis Cache"]),
        Service(name: "Pricing Engine", team: "orders", dependsOn: ["Catalog API", "Feature Flags"]),
        Service(name: "Fraud Detector", team: "payments", dependsOn: ["Redis Cache", "User Accounts"]),
        Service(name: "Payment Gateway", team: "payments", dependsOn: ["Postgres Main", "Fraud Detector"]),
        Service(name: "Order Service", team: "orders", dependsOn: ["Postgres Main", "Kafka Bus", "Pricing Engine", "Payment Gateway"]),
        Service(name: "Checkout Web", team: "web", dependsOn: ["API Gateway", "Order Service", "Catalog API"]),
        Service(name: "Search Indexer", team: "growth", dependsOn: ["Kafka Bus", "Catalog API"]),
        Service(name: "Recommendation Engine", team: "growth", dependsOn: ["Search Indexer", "User Accounts"]),
        Service(name: "Billing Ledger", team: "payments", dependsOn: ["Postgres Main", "Kafka Bus"]),
        Service(name: "Email Sender", team: "growth"),
        Service(name: "Notification Worker", team: "growth", dependsOn: ["Kafka Bus", "Email Sender"]),
        Service(name: "Shipping Tracker", team: "logistics", dependsOn: ["Kafka Bus", "Order Service"]),
        Service(name: "Warehouse Sync", team: "logistics", dependsOn: ["Order Service", "Postgres Main"]),
        Service(name: "Analytics Pipeline", team: "data", dependsOn: ["Kafka Bus"]),
        Service(name: "Reporting DB", team: "data", dependsOn: ["Analytics Pipeline"]),
    ]

    static let teams = ["platform", "identity", "web", "growth", "orders", "payments", "logistics", "data"]

    static let people: [String: [String]] = [
        "platform": ["ana.ribeiro", "tom.keller", "li.wei"],
        "identity": ["sara.okafor", "jon.berg"],
        "web": ["maya.cohen", "pablo.diaz", "kim.park"],
        "growth": ["olu.adeyemi", "emma.stone"],
        "orders": ["raj.patel", "nina.schultz", "yuki.tanaka"],
        "payments": ["ines.moreau", "david.levi"],
        "logistics": ["carlos.mendes", "ivy.chen"],
        "data": ["omar.haddad", "lena.novak"],
    ]

    static let chairs = ["priya.raman", "marcus.webb"]
    static let onCallLeads = ["ana.ribeiro", "raj.patel", "ines.moreau", "maya.cohen", "sara.okafor"]

    static let verbs: [ChangeCategory: [String]] = [
        .singleService: ["Bump client library in", "Tune connection pool of", "Add retry budget to", "Enable structured logs in", "Raise worker count of", "Refactor request handler of"],
        .multiService: ["Roll out new event schema across", "Rotate shared credentials for", "Switch tracing exporter for", "Move timeouts to config for"],
        .databaseSchema: ["Add index on created_at for", "Split address column in", "Backfill currency codes for", "Drop legacy status column from"],
        .infrastructure: ["Resize node pool behind", "Upgrade load balancer for", "Change network policy around", "Migrate DNS records of"],
        .thirdPartyIntegration: ["Switch SMS provider for", "Upgrade payment SDK in", "Enable new shipping carrier API in", "Rotate webhook secret of"],
    ]
}
