// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "ktlo",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "ktlo", targets: ["ktlo"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
    ],
    targets: [
        // The C library, found through pkg-config (Debian: libgit2-dev 1.5.1).
        .systemLibrary(
            name: "CLibGit2",
            pkgConfig: "libgit2",
            providers: [.apt(["libgit2-dev", "pkg-config"]), .brew(["libgit2", "pkg-config"])]
        ),
        // The only module that imports CLibGit2: a safe wrapper whose public values are copied out of C.
        .target(
            name: "Git",
            dependencies: ["CLibGit2", .product(name: "HeapModule", package: "swift-collections")]
        ),
        // Keeps each commit's diff in SQLite, so that a run after a merge diffs only the new commits.
        .target(name: "ChurnCache", dependencies: ["Git", .product(name: "GRDB", package: "GRDB.swift")]),
        // Walks a range and yields one churn record per commit.
        .target(name: "History", dependencies: ["Git", "ChurnCache"]),
        // Classification and aggregation: pure Swift on the records, no C.
        .target(name: "Analysis", dependencies: ["History"]),
        // Reads .ktlo.yml (strictly: a typo is an error naming its line).
        .target(
            name: "Configuration",
            dependencies: ["Analysis", "History", .product(name: "Yams", package: "Yams")]
        ),
        // One renderer per output format; takes values, never touches Git.
        .target(name: "Reports", dependencies: ["History", "Analysis"]),
        // The command line: parses, wires, writes.
        .executableTarget(
            name: "ktlo",
            dependencies: [
                "Git", "ChurnCache", "History", "Analysis", "Configuration", "Reports",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Measures the classifier on labelled commits (scripts/eval-classifier); not shipped.
        .executableTarget(name: "ktlo-eval", dependencies: ["Git", "History", "Analysis"]),

        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "GitTests", dependencies: ["Git", "TestSupport"]),
        .testTarget(name: "ChurnCacheTests", dependencies: ["ChurnCache", "Git", "TestSupport"]),
        .testTarget(name: "HistoryTests", dependencies: ["History", "ChurnCache", "Git", "TestSupport"]),
        .testTarget(name: "AnalysisTests", dependencies: ["Analysis", "History", "Git"]),
        .testTarget(name: "ConfigurationTests", dependencies: ["Configuration", "Analysis"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "History", "Git"]),
        .testTarget(name: "KtloTests", dependencies: ["ktlo", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
