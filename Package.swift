// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Scorecard",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "scorecard", targets: ["ScorecardTool"]),
        .library(name: "Scorecard", targets: ["Scorecard"]),
        .library(name: "ScorecardCore", targets: ["ScorecardCore"]),
        .library(name: "ScorecardEvaluators", targets: ["ScorecardEvaluators"]),
        .library(name: "ScorecardPlugins", targets: ["ScorecardPlugins"]),
        .library(name: "ScorecardIngest", targets: ["ScorecardIngest"]),
        .library(name: "ScorecardXML", targets: ["ScorecardXML"]),
        .library(name: "ScorecardJSON", targets: ["ScorecardJSON"]),
        .library(name: "ScorecardArchive", targets: ["ScorecardArchive"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // System libraries (Debian: libzstd-dev, zlib1g-dev, libxml2-dev, libssl-dev).
        .systemLibrary(name: "CZstd", pkgConfig: "libzstd", providers: [.apt(["libzstd-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CLibCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),

        // Domain values, the evaluator protocol, statistics and the rules engine. Pure: no I/O
        // (libcrypto only for SHA-256).
        .target(name: "ScorecardCore", dependencies: ["CLibCrypto"]),
        // Built-in evaluators, one file each, and the registry that lists them.
        .target(name: "ScorecardEvaluators", dependencies: ["ScorecardCore"]),
        // External evaluators: programs run with the evaluator protocol (JSON on standard input and
        // output), without a shell, in a clean environment, with a timeout and an output cap.
        .target(name: "ScorecardPlugins", dependencies: ["ScorecardCore", "ScorecardJSON"]),
        // libxml2 wrapper: a small immutable DOM with line numbers, and well-formedness checks.
        .target(name: "ScorecardXML", dependencies: ["CLibXML2"]),
        // A byte-level JSON cursor that reads only the fields asked for, a small JSON value
        // parser, and line numbers for byte offsets.
        .target(name: "ScorecardJSON"),
        // A read-only ZIP reader (stored, deflate through zlib, zstd), for Inspect `.eval` logs.
        .target(name: "ScorecardArchive", dependencies: ["CZstd", "CZlib"]),
        // Readers: framework and determination YAML, evidence (JSON/JSONL/CSV), evaluation logs.
        .target(
            name: "ScorecardIngest",
            dependencies: [
                "ScorecardCore", "ScorecardJSON", "ScorecardArchive", "ScorecardXML",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // SQLite store through GRDB.
        .target(
            name: "ScorecardStore",
            dependencies: ["ScorecardCore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // View models, Mustache templates, SVG charts, HTML well-formedness checks.
        .target(
            name: "ScorecardRender",
            dependencies: [
                "ScorecardCore", "ScorecardXML",
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        // The application: inputs → assessment → documents and reports; import, regenerate, check,
        // diff, history, export, render to files. What the CLI (or a server) calls.
        .target(
            name: "Scorecard",
            dependencies: [
                "ScorecardCore", "ScorecardEvaluators", "ScorecardPlugins", "ScorecardIngest", "ScorecardJSON", "ScorecardStore",
                "ScorecardRender",
            ]
        ),
        // The commands: options, calls into Scorecard, printing, exit codes. A library so tests can drive it in-process.
        .target(
            name: "ScorecardCLI",
            dependencies: [
                "Scorecard", "ScorecardCore", "ScorecardEvaluators", "ScorecardIngest", "ScorecardStore", "ScorecardRender",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The `scorecard` executable (product `scorecard`): only the entry point.
        .executableTarget(name: "ScorecardTool", dependencies: ["ScorecardCLI"]),
        // Builders for tests: a card (framework, evidence, configuration) in a temporary folder; ZIP archives, bombs included.
        .target(name: "ScorecardTesting", dependencies: ["ScorecardStore", "CZlib"]),

        .testTarget(name: "ScorecardCoreTests", dependencies: ["ScorecardCore"]),
        .testTarget(name: "ScorecardEvaluatorsTests", dependencies: ["ScorecardEvaluators", "ScorecardIngest"]),
        .testTarget(
            name: "ScorecardPluginsTests",
            dependencies: ["ScorecardPlugins", "ScorecardEvaluators", "ScorecardIngest", "ScorecardJSON", "ScorecardTesting"],
            exclude: ["Scripts"]
        ),
        .testTarget(
            name: "ScorecardIngestTests",
            dependencies: ["ScorecardIngest", "ScorecardJSON", "ScorecardArchive", "ScorecardEvaluators", "ScorecardTesting"],
            exclude: ["Fixtures"]  // test data read through #filePath, not bundled
        ),
        .testTarget(name: "ScorecardStoreTests", dependencies: ["ScorecardStore"], exclude: ["Fixtures"]),
        .testTarget(name: "ScorecardXMLTests", dependencies: ["ScorecardXML", "CLibXML2"]),
        .testTarget(name: "ScorecardJSONTests", dependencies: ["ScorecardJSON"]),
        .testTarget(name: "ScorecardArchiveTests", dependencies: ["ScorecardArchive", "ScorecardTesting"], exclude: ["Fixtures"]),
        .testTarget(
            name: "ScorecardRenderTests",
            dependencies: ["ScorecardRender", "ScorecardXML", "ScorecardIngest", "ScorecardEvaluators"]
        ),
        .testTarget(
            name: "ScorecardTests",
            dependencies: [
                "Scorecard", "ScorecardTesting", "ScorecardCore", "ScorecardIngest", "ScorecardJSON", "ScorecardStore", "ScorecardRender",
            ]
        ),
        .testTarget(
            name: "ScorecardCLITests", dependencies: ["ScorecardCLI", "ScorecardTool", "ScorecardStore", "ScorecardJSON", "ScorecardTesting"],
            exclude: ["Golden"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
