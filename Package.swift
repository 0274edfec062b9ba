// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Cabinet",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "cab", targets: ["cab"]),
        .library(name: "CabinetKit", targets: ["CabinetKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/vapor/postgres-nio", exact: "1.33.2"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "4.5.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CNcursesW",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        .target(name: "CabinetUI", dependencies: ["CabinetKit"]),
        .target(name: "Terminal", dependencies: ["CNcursesW", "CabinetUI"]),
        .target(name: "CabinetBoard", dependencies: ["CabinetKit", "CabinetUI", "Terminal"]),
        .testTarget(name: "CabinetUITests", dependencies: ["CabinetUI", "CabinetKit"], exclude: ["__Snapshots__"]),
        .target(
            name: "CabinetKit",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "CabinetPostgres",
            dependencies: [
                "CabinetKit",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
            ]
        ),
        .executableTarget(
            name: "cab",
            dependencies: [
                "CabinetKit",
                "CabinetPostgres",
                "CabinetBoard",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "CabinetKitTests",
            dependencies: ["CabinetKit", "CabinetPostgres", .product(name: "Crypto", package: "swift-crypto")],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "EndToEndTests", dependencies: ["CabinetKit", "cab"]),
    ],
    swiftLanguageModes: [.v6]
)
