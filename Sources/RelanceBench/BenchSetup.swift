import AMQP
import Foundation
import Logging
import PostgresNIO
import RelanceCore
import RelancePipeline
import RelanceRuntime
import RelanceStore

/// What the benchmarks share: their own database on the configured server (and, for those
/// that run the pipeline, their own virtual host), the migrations and reference data of the
/// schemas directory, and a guard against two runs on one database or virtual host.
struct BenchSetup: Sendable {
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

    /// Creates the database (migrated) and the virtual host of `broker`, runs `body`, then
    /// deletes the virtual host and drops the database unless `keep` — also when `body` fails.
    /// Holds advisory locks named after both (on the configured database) meanwhile, so that a
    /// second run with the same database or virtual host fails at once instead of wrecking
    /// the first one's.
    func withOwnServices<Result: Sendable>(
        broker: BenchBroker?, keep: Bool, logger: Logger, progress: @Sendable (String) -> Void,
        _ body: @Sendable () async throws -> Result
    ) async throws -> Result {
        try await PostgresConnection.withSingleConnection(database.admin, logger: logger) { guardConnection in
            var keys = ["relance bench database \(database.url.database)"]
            if let broker { keys.append("relance bench vhost \(broker.amqp.virtualHost)") }
            for key in keys {
                let rows = try await guardConnection.query("SELECT pg_try_advisory_lock(hashtext(\(key)))", logger: logger)
                var locked = false
                for try await value in rows.decode(Bool.self) { locked = value }
                guard locked else {
                    let what = broker.map { "database \(database.url.database) or virtual host \($0.amqp.virtualHost)" }
                        ?? "database \(database.url.database)"
                    throw CommandFailure("another benchmark is running with \(what); wait for it, or pick others with --database and --vhost")
                }
            }
            progress("creating database \(database.url.database)" + (broker.map { " and virtual host \($0.amqp.virtualHost)" } ?? ""))
            try await database.create(migrations: migrations, logger: logger)
            @Sendable func cleanUp() async throws {
                try await broker?.delete()
                if !keep { try await database.drop(logger: logger) }
            }
            do {
                try await broker?.create()
                let result = try await body()
                try await cleanUp()
                return result
            } catch {
                try? await cleanUp()
                throw error
            }
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
