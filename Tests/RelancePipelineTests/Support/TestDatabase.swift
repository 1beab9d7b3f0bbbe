import Foundation
import Logging
import PostgresNIO
import RelanceStore

/// A database of its own for one test: created on the local PostgreSQL with every migration
/// applied, dropped after. (Test targets cannot share files: this follows RelanceStoreTests'.)
enum TestDatabase {
    /// The server tests use: RELANCE_TEST_DATABASE_URL, else the local `relance_test` database.
    static var serverURL: DatabaseURL {
        let text = ProcessInfo.processInfo.environment["RELANCE_TEST_DATABASE_URL"]
            ?? "postgres://relance:relance@127.0.0.1:5432/relance_test"
        return try! DatabaseURL(text)
    }

    static let logger: Logger = {
        var logger = Logger(label: "relance.tests")
        logger.logLevel = .warning
        return logger
    }()

    /// The repository root, found from this file's path (Tests/RelancePipelineTests/Support/).
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent() // Support
        .deletingLastPathComponent() // RelancePipelineTests
        .deletingLastPathComponent() // Tests
        .deletingLastPathComponent() // repository root

    /// Runs `body` against a fresh database with every migration applied, then drops it.
    static func withMigratedDatabase<Result: Sendable>(
        _ body: @Sendable (PostgresClient) async throws -> Result
    ) async throws -> Result {
        let migrations = try Migration.load(from: repositoryRoot.appendingPathComponent("schemas/migrations").path)
        let name = "relance_t_" + UUID().uuidString.prefix(12).lowercased().replacingOccurrences(of: "-", with: "")
        let admin = serverURL
        try await PostgresClient.withRunningClient(admin, logger: logger) { client in
            try await client.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"), logger: logger)
        }
        do {
            let result = try await PostgresClient.withRunningClient(admin.with(database: name), logger: logger) { client in
                try await Migrator(migrations: migrations, logger: logger).run(on: client)
                return try await body(client)
            }
            try await drop(name)
            return result
        } catch {
            try? await drop(name)
            throw error
        }
    }

    private static func drop(_ name: String) async throws {
        try await PostgresClient.withRunningClient(serverURL, logger: logger) { client in
            try await client.query(PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(name) WITH (FORCE)"), logger: logger)
        }
    }
}
