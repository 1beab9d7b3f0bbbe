import Foundation
import Logging
import PostgresNIO
import RelanceCore
import RelancePipeline
import RelanceRuntime
import RelanceStore

/// What the scale benchmarks (`bench claim`, `bench fairness`) share: their own database on the
/// configured server, the migrations and reference data of the schemas directory, and a guard
/// against two runs on one database.
struct ScaleBenchSetup: Sendable {
    let database: BenchDatabase
    let migrations: [Migration]
    let reference: ReferenceData

    init(configuration: RelanceConfiguration, database name: String) throws {
        do {
            var locator = ResourceLocator()
            if let explicit = configuration.schemasDirectory { locator.environment[ResourceLocator.environmentVariable] = explicit }
            database = try BenchDatabase(configured: try DatabaseURL(configuration.databaseURL), name: name)
            migrations = try Migration.load(from: try locator.schemasSubdirectory("migrations").path)
            reference = try locator.referenceData(schemasOverride: configuration.schemasDirectory)
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure("\(error)")
        }
    }

    /// Runs `body` while holding an advisory lock named after the database (on the configured
    /// one), so that a second run with the same database fails at once instead of dropping the
    /// first one's.
    func exclusively<Result: Sendable>(
        logger: Logger, _ body: @Sendable () async throws -> Result
    ) async throws -> Result {
        try await PostgresConnection.withSingleConnection(database.admin, logger: logger) { guardConnection in
            let key = "relance bench database \(database.url.database)"
            let rows = try await guardConnection.query("SELECT pg_try_advisory_lock(hashtext(\(key)))", logger: logger)
            var locked = false
            for try await value in rows.decode(Bool.self) { locked = value }
            guard locked else {
                throw CommandFailure("another benchmark is running with database \(database.url.database); wait for it, or pick another with --database")
            }
            return try await body()
        }
    }

    /// A client of the benchmark's database with at most `connections` connections, running
    /// while `body` does. One connection makes every statement of `body` run in one session
    /// (the claim benchmark reads back the claim's prepared statements there).
    func withClient<Result: Sendable>(
        connections: Int, logger: Logger, _ body: @Sendable (PostgresClient) async throws -> Result
    ) async throws -> Result {
        var configuration = database.url.clientConfiguration()
        configuration.options.maximumConnections = connections
        configuration.options.minimumConnections = min(connections, 1)
        var backgroundLogger = logger
        backgroundLogger.logLevel = max(logger.logLevel, .error)
        let client = PostgresClient(configuration: configuration, backgroundLogger: backgroundLogger)
        return try await withThrowingTaskGroup(of: Result?.self) { group in
            group.addTask {
                await client.run()
                return nil
            }
            defer { group.cancelAll() }
            return try await body(client)
        }
    }
}

extension Array where Element == Double {
    /// The value at `fraction` of the sorted values (nearest rank); 0 when empty.
    func percentile(_ fraction: Double) -> Double {
        guard !isEmpty else { return 0 }
        let sorted = self.sorted()
        let rank = Int((fraction * Double(sorted.count)).rounded(.up))
        return sorted[Swift.max(0, Swift.min(sorted.count - 1, rank - 1))]
    }
}
