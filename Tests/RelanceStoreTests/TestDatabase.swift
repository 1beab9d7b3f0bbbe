import Foundation
import Logging
import PostgresNIO
import RelanceStore

/// A database of its own for one test: created empty on the local PostgreSQL, dropped after.
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

    static var repositoryRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
    }

    static func migrations() throws -> [Migration] {
        try Migration.load(from: repositoryRoot + "/schemas/migrations")
    }

    /// Runs `body` against a fresh, empty database, then drops it.
    static func withEmptyDatabase<Result: Sendable>(
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
    static func withMigratedDatabase<Result: Sendable>(
        _ body: @Sendable (DatabaseURL, PostgresClient) async throws -> Result
    ) async throws -> Result {
        let migrations = try migrations()
        return try await withEmptyDatabase { url, client in
            try await Migrator(migrations: migrations, logger: logger).run(on: client)
            return try await body(url, client)
        }
    }

    private static func drop(_ name: String) async throws {
        try await PostgresClient.withRunningClient(serverURL, logger: logger) { client in
            try await client.query(PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(name) WITH (FORCE)"), logger: logger)
        }
    }
}
