// swift-tools-version:6.1
import PackageDescription

// The modules show the architecture: a pure model (types, rules, the figures' arithmetic), the
// store (SQL, SQLite through GRDB, import and export) and PostgreSQL beside it, a small terminal
// kit (cell buffer, diff, keys, text width, themes) that the ncurses adapter depends on alone,
// the board's pure core, its runtime, and the executable with the command line's text.
// The terminal adapter is built for Linux only (ncursesw through pkg-config), so no platform is named.
let package = Package(
    name: "Cabinet",
    products: [
        .executable(name: "cab", targets: ["cab"]),
        .library(name: "CabinetModel", targets: ["CabinetModel"]),
        .library(name: "CabinetStore", targets: ["CabinetStore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/vapor/postgres-nio", exact: "1.33.2"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "4.5.2"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", exact: "2.101.3"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", exact: "0.10.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", exact: "2.37.6"),
        .package(url: "https://github.com/swift-server/async-http-client", exact: "1.37.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CNcursesW",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        .target(name: "CabinetModel", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        .target(
            name: "CabinetStore",
            dependencies: [
                "CabinetModel",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "SwiftCSV", package: "SwiftCSV"),
            ]
        ),
        .target(
            name: "CabinetPostgres",
            dependencies: [
                "CabinetModel",
                "CabinetStore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .target(name: "TerminalKit"),
        .target(name: "Terminal", dependencies: ["CNcursesW", "TerminalKit"]),
        .target(name: "CabinetUI", dependencies: ["CabinetModel", "TerminalKit"]),
        .target(name: "CabinetBoard", dependencies: ["CabinetModel", "CabinetStore", "CabinetUI", "TerminalKit", "Terminal"]),
        .executableTarget(
            name: "cab",
            dependencies: [
                "CabinetModel",
                "CabinetStore",
                "CabinetPostgres",
                "CabinetBoard",
                "TerminalKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            // The release binary is linked by lld with packed relative relocations and exports no
            // symbols: still position independent, 5 MB less resident at start. Linking/ makes
            // `-lstdc++` the static C++ runtime: 1 MB less (README, Benchmarks).
            linkerSettings: [.unsafeFlags(["-L", Context.packageDirectory + "/Linking",
                                           "-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs", "-Xlinker", "--no-export-dynamic"],
                                          .when(platforms: [.linux], configuration: .release))]
        ),
        .testTarget(
            name: "CabinetKitTests",
            dependencies: ["CabinetModel", "CabinetStore", "CabinetPostgres", "TerminalKit", "cab", .product(name: "Crypto", package: "swift-crypto")],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "TerminalKitTests", dependencies: ["TerminalKit"]),
        .testTarget(name: "CabinetUITests", dependencies: ["CabinetUI", "CabinetModel", "TerminalKit"], exclude: ["__Snapshots__"]),
        .testTarget(name: "CabinetBoardTests", dependencies: ["CabinetBoard", "CabinetUI", "CabinetStore", "CabinetModel", "TerminalKit", "Terminal"]),
        .testTarget(name: "EndToEndTests", dependencies: ["CabinetModel", "CabinetStore", "TerminalKit", "cab"], exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)

// The in-process micro-benchmarks (Benchmarks/, ordo-one's package-benchmark) are part of the
// package only when asked for, so that a build or a test run never fetches or builds them:
// `CAB_BENCHMARKS=1 swift package benchmark`.
if Context.environment["CAB_BENCHMARKS"] == "1" {
    package.dependencies.append(.package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]))
    package.targets.append(.executableTarget(
        name: "CabinetBenchmarks",
        dependencies: ["CabinetModel", "CabinetStore", "CabinetUI", "TerminalKit", .product(name: "Benchmark", package: "benchmark")],
        path: "Benchmarks/CabinetBenchmarks",
        plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    ))
}
