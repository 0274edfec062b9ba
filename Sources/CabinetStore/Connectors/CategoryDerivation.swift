import CabinetModel
/// Cabinet's category of an imported change, from the source's own category and the services it
/// touches: a database category is a schema change, network or hardware is shared
/// infrastructure, anything else touches one service or several.
public enum CategoryDerivation {
    public static func category(sourceCategory: String?, services: [String]) -> ChangeCategory {
        let words = (sourceCategory ?? "").lowercased()
        if words.contains("database") { return .databaseSchema }
        if words.contains("network") || words.contains("hardware") { return .infrastructure }
        return services.count > 1 ? .multiService : .singleService
    }
}
