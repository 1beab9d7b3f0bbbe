import Foundation
import Logging
import PostgresNIO
import RelanceTestSupport

/// The composer tests' names for the shared fresh-database helper.
enum TestDatabase {
    static var logger: Logger { FreshDatabase.logger }
    static var repositoryRoot: URL { FreshDatabase.repositoryRoot }

    static func withMigratedDatabase<Result: Sendable>(
        _ body: @Sendable (PostgresClient) async throws -> Result
    ) async throws -> Result {
        try await FreshDatabase.withMigrated { _, client in try await body(client) }
    }
}
