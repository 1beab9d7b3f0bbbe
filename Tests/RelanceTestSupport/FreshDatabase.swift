import Foundation
import Logging
import PostgresNIO
import RelanceStore

/// A database of its own for one test: created empty on the local PostgreSQL (optionally with
/// every migration applied), dropped afterwards — so tests running in parallel never meet.
public enum FreshDatabase {
    /// The server tests use: RELANCE_TEST_DATABASE_URL, else the local `relance_test` database.
    public static var serverURL: DatabaseURL {
        let text = ProcessInfo.processInfo.environment["RELANCE_TEST_DATABASE_URL"]
            ?? "postgres://relance:relance@127.0.0.1:5432/relance_test"
        return try! DatabaseURL(text)
    }

    public static let logger: Logger = {
        var logger = Logger(label: "relance.tests")
        logger.logLevel = .warning
        return logger
    }()

    /// The repository root, found from this file's path (Tests/RelanceTestSupport/).
    public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent() // RelanceTestSupport
        .deletingLastPathComponent() // Tests
        .deletingLastPathComponent() // repository root

    /// The migrations the repository ships.
    public static func migrations() throws -> [Migration] {
        try Migration.load(from: repositoryRoot.appendingPathComponent("schemas/migrations").path)
    }

    /// Runs `body` against a fresh, empty database, then drops it.
    public static func withEmpty<Result: Sendable>(
        _ body: @Sendable (DatabaseURL, PostgresClient) async throws -> Result
    ) async throws -> Result {
        let name = "relance_t_" + UUID().uuidString.prefix(12).lowercased().replacingOccurrences(of: "-", with: "")
        let admin = serverURL
        try await PostgresClient.withRunningClient(admin, logger: logger) { client in
            try await client.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"), logger: logger)
        }
        let url = admin.with(database: name)
        do {
            let result = try await PostgresClient.withRunningClient(url, logger: logger) { client in
                try await body(url, client)
            }
            try await drop(name)
            return result
        } catch {
            try? await drop(name)
            throw error
        }
    }

    /// Runs `body` against a fresh database with every migration applied.
    public static func withMigrated<Result: Sendable>(
        _ body: @Sendable (DatabaseURL, PostgresClient) async throws -> Result
    ) async throws -> Result {
        let migrations = try migrations()
        return try await withEmpty { url, client in
            try await Migrator(migrations: migrations, logger: logger).run(on: client)
            return try await body(url, client)
        }
    }

    /// Drops the database, ending its sessions (an autovacuum worker's too: services-up.sh lets
    /// the relance role signal them).
    private static func drop(_ name: String) async throws {
        try await PostgresClient.withRunningClient(serverURL, logger: logger) { client in
            try await client.query(PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(name) WITH (FORCE)"), logger: logger)
        }
    }
}
