import Testing
@testable import CabinetModel
@testable import CabinetStore

/// What a pull request's paths tell: a migration, configuration that needs the board, services.
@Suite struct PathRulesTests {
    @Test func migrationsConfigurationAndServicesFromPaths() {
        let rules = PathRules(services: PathRules.serviceMap("""
            # prefix        service
            services/       platform
            services/orders/ orders   # the longest prefix wins
            """))
        #expect(rules.isMigration("services/orders/migrations/0042.py") && rules.isMigration("db/schema.sql"))
        #expect(!rules.isMigration("services/orders/app.py"))
        #expect(rules.service(of: "services/orders/app.py") == "orders" && rules.service(of: "services/cart/app.py") == "platform")
        #expect(rules.service(of: "README.md") == nil)
        #expect(rules.touches("deploy/search/networkpolicy.yaml") == [.networking])
        #expect(rules.touches("infra/iam.tf") == [.iam])
        #expect(rules.touches("k8s/limitrange.yaml") == [.resourceLimits])
        #expect(PathRules(migrationPatterns: ["alembic/"]).isMigration("db/alembic/versions/1.py"))
    }
}
