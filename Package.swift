// swift-tools-version:6.1
import PackageDescription

/// One set of settings for every target: Swift 6 language mode and the upcoming features
/// the codebase is written against.
let swiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "relance",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "relance", targets: ["relance"]),
        .library(name: "AMQP", targets: ["AMQP"]),
        .library(name: "RelanceCore", targets: ["RelanceCore"]),
        .library(name: "RelanceChannels", targets: ["RelanceChannels"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
        // Already resolved for PostgresNIO; used directly for the SHA-256 of artefacts.
        .package(url: "https://github.com/apple/swift-crypto.git", "3.0.0"..<"5.0.0"),
        // The HTTP API (`relance api`, and `relance run`).
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        // Metrics: the swift-metrics facade in the pipeline, served in Prometheus's text format.
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
    ],
    targets: [
        // librabbitmq (rabbitmq-c) from Debian's librabbitmq-dev.
        .systemLibrary(
            name: "CRabbitMQ",
            pkgConfig: "librabbitmq",
            providers: [.apt(["librabbitmq-dev"])]
        ),
        // libcurl from Debian's libcurl4-openssl-dev: the SMTP client of the email channel.
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .target(
            name: "AMQP",
            dependencies: [
                "CRabbitMQ",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "RelanceCore",
            swiftSettings: swiftSettings
        ),
        // libharu from Debian's libhpdf-dev (no pkg-config file: the module map links it).
        .systemLibrary(
            name: "CHaru",
            providers: [.apt(["libhpdf-dev"])]
        ),
        // The channels that reach debtors: email over SMTP; letters and formal notices as PDFs,
        // their artefact store; call tasks for agents and court payment-order dossiers (PDF and
        // JSON), both recorded in PostgreSQL through RelanceStore.
        .target(
            name: "RelanceChannels",
            dependencies: [
                "RelanceCore",
                "RelancePipeline",
                "RelanceStore",
                "CCurl",
                "CHaru",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "RelanceStore",
            dependencies: [
                "RelanceCore",
                "RelancePipeline",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "RelancePipeline",
            dependencies: [
                "RelanceCore",
                "AMQP",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // The wiring every process shares: configuration, resources, `buildPipelineServices`.
        .target(
            name: "RelanceRuntime",
            dependencies: [
                "AMQP",
                "RelanceCore",
                "RelanceStore",
                "RelancePipeline",
                "RelanceChannels",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            swiftSettings: swiftSettings
        ),
        // The HTTP API: keys and roles, tenant-scoped transactions, resources, bulk import.
        .target(
            name: "RelanceAPI",
            dependencies: [
                "RelanceCore",
                "RelanceStore",
                "RelancePipeline",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // `relance bench`: the pipeline and render benchmarks, and their seed.
        .target(
            name: "RelanceBench",
            dependencies: [
                "AMQP",
                "RelanceCore",
                "RelanceStore",
                "RelancePipeline",
                "RelanceRuntime",
                "RelanceChannels",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // `relance demo`: 60 simulated days on the real services.
        .target(
            name: "RelanceDemo",
            dependencies: [
                "AMQP",
                "RelanceCore",
                "RelanceStore",
                "RelancePipeline",
                "RelanceRuntime",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "relance",
            dependencies: [
                "RelanceCore",
                "RelanceStore",
                "RelancePipeline",
                "RelanceRuntime",
                "RelanceBench",
                "RelanceDemo",
                "RelanceAPI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        // Helpers shared by test targets (the chaos broker's lock).
        .target(
            name: "RelanceTestSupport",
            dependencies: [
                "RelanceStore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/RelanceTestSupport",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "AMQPTests",
            dependencies: ["AMQP", "RelanceTestSupport"],
            swiftSettings: swiftSettings
        ),
        // Domain data built in memory, shared by the tests of the composer and of the channels.
        .target(
            name: "RelanceFixtures",
            dependencies: ["RelanceCore"],
            path: "Tests/RelanceFixtures",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RelanceCoreTests",
            dependencies: [
                "RelanceCore", "RelanceFixtures",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            // The recorded renderings, read from the source tree by GoldenRenderingTests.
            exclude: ["Templates/Golden"],
            swiftSettings: swiftSettings
        ),
        // Runs the built `relance` executable (found next to the test bundle) as a user would.
        .testTarget(
            name: "RelanceCLITests",
            // The calls session test stores its task through RelanceStore.
            dependencies: [
                "RelanceTestSupport", "RelanceStore", "RelanceCore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RelancePipelineTests",
            dependencies: [
                "RelancePipeline", "RelanceStore", "RelanceCore", "AMQP", "RelanceRuntime", "RelanceTestSupport",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // Unit tests of the dispatcher, relay and worker on the in-memory ports: no service runs.
        .testTarget(
            name: "RelancePipelineUnitTests",
            dependencies: [
                "RelancePipeline", "RelanceCore",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycleTestKit", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // Letters written as real PDFs and read back with pdftotext; MIME and SMTP unit tests,
        // and the email channel against the SMTP sink of deploy/smtp-sink.sh.
        .testTarget(
            name: "RelanceChannelsTests",
            dependencies: [
                "RelanceChannels", "RelanceCore", "RelancePipeline", "RelanceFixtures",
                // The call channel's tests write tasks to a fresh database.
                "RelanceStore", "RelanceTestSupport",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        // The API over real HTTP: a real server on a loopback port, a real database.
        .testTarget(
            name: "RelanceAPITests",
            dependencies: [
                "RelanceAPI", "RelanceStore", "RelanceCore", "RelancePipeline", "RelanceChannels", "RelanceTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RelanceStoreTests",
            dependencies: ["RelanceStore", "RelancePipeline", "RelanceCore", "RelanceTestSupport"],
            swiftSettings: swiftSettings
        ),
    ]
)
