import Foundation
import Logging
import PostgresNIO
import RelanceStore
import RelanceTestSupport

/// The store tests' names for the shared fresh-database helper.
enum TestDatabase {
    static var logger: Logger { FreshDatabase.logger }
    static var repositoryRoot: String { FreshDatabase.repositoryRoot.path }
    static func migrations() throws -> [Migration] { try FreshDatabase.migrations() }

    static func withEmptyDatabase<Result: Sendable>(
        _ body: @Sendable (DatabaseURL, PostgresClient) async throws -> Result
    ) async throws -> Result {
        try await FreshDatabase.withEmpty(body)
    }

    static func withMigratedDatabase<Result: Sendable>(
        _ body: @Sendable (DatabaseURL, PostgresClient) async throws -> Result
    ) async throws -> Result {
        try await FreshDatabase.withMigrated(body)
    }
}
