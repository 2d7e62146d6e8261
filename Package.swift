// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "timeline",
    products: [
        .executable(name: "timeline", targets: ["TimelineCLI"]),
        .library(name: "TimelineCore", targets: ["TimelineCore"]),
        .executable(name: "timeline-benchmark", targets: ["TimelineBenchmark"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // The SQLite C API from Debian's libsqlite3-dev.
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        // A small, safe wrapper over the C API; knows nothing of timelines.
        .target(name: "SQLiteStorage", dependencies: ["CSQLite"]),
        // Finds, checks, applies and records migrations and seeds.
        .target(name: "MigrationRunner", dependencies: ["SQLiteStorage"]),
        // The domain: dates, events, queries, formats. Embeds Migrations/ and Seeds/.
        .target(
            name: "TimelineCore",
            dependencies: ["MigrationRunner", "SQLiteStorage"],
            plugins: ["EmbedFilesPlugin"]
        ),
        .executableTarget(
            name: "TimelineCLI",
            dependencies: [
                "TimelineCore",
                "MigrationRunner",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            linkerSettings: [
                // A fully static release binary starts in about half the time of one that loads
                // libsqlite3, libstdc++ and libc and relocates itself (40,000 PIE fix-ups, 3,300 symbol
                // look-ups): `list` on the seed went from 4.9 to 2.3 ms of CPU and from 561 to 315 page
                // faults. LLD links it without gold's warnings about glibc functions that need shared
                // objects (dlopen, getpwuid_r), which the CLI never calls.
                .unsafeFlags(["-static-executable", "-use-ld=lld"], .when(platforms: [.linux], configuration: .release)),
                // Foundation's own static libraries, which a build without --static-swift-stdlib
                // does not name (swift-argument-parser links Foundation): without them a plain
                // `swift build -c release` failed to link.
                .linkedLibrary("_FoundationCollections", .when(platforms: [.linux], configuration: .release)),
                .linkedLibrary("_FoundationCShims", .when(platforms: [.linux], configuration: .release)),
            ]
        ),
        // In-process figures for the date-range query (Benchmarks/run.py runs it).
        .executableTarget(name: "TimelineBenchmark", dependencies: ["TimelineCore", "SQLiteStorage", "CSQLite"]),
        // Build-time generator: writes Migrations/ and Seeds/ into a Swift source file.
        .executableTarget(name: "EmbedFilesTool", dependencies: ["MigrationRunner"]),
        .plugin(
            name: "EmbedFilesPlugin",
            capability: .buildTool(),
            dependencies: ["EmbedFilesTool"]
        ),
        .testTarget(name: "SQLiteStorageTests", dependencies: ["SQLiteStorage"]),
        .testTarget(name: "MigrationRunnerTests", dependencies: ["MigrationRunner", "SQLiteStorage"]),
        .testTarget(name: "TimelineCoreTests", dependencies: ["TimelineCore", "SQLiteStorage"]),
        .testTarget(name: "TimelineCLITests", dependencies: ["TimelineCore", "TimelineCLI", "SQLiteStorage"], exclude: ["Fixtures"]),
    ]
)
