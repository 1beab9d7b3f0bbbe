import AMQP
import Foundation
import Logging
import PostgresNIO
import RelanceStore
import Synchronization

/// The checks behind `/ready`, each answering nil when fine or what is wrong.
public enum ReadinessChecks {
    /// The database answers, and has every migration of `schemasDirectory`'s `migrations`
    /// applied (a process newer than its schema is not ready: `relance migrate` first).
    public static func database(
        _ client: PostgresClient, latestMigration: Int, logger: Logger
    ) -> @Sendable () async -> String? {
        {
            do {
                let rows = try await client.query("SELECT coalesce(max(version), 0)::int8 FROM schema_migrations", logger: logger)
                for try await applied in rows.decode(Int.self) {
                    guard applied >= latestMigration else {
                        return "the database has migrations up to \(applied), this build needs \(latestMigration): run relance migrate"
                    }
                    return nil
                }
                return "schema_migrations is empty: run relance migrate"
            } catch {
                return "the database cannot be reached: \(String(describing: error).prefix(300))"
            }
        }
    }

    /// A broker of `brokers` accepts a connection; the answer is kept for `cacheFor`, so a
    /// load balancer probing every second opens a connection at most that often.
    public static func broker(
        _ brokers: [AMQPConfiguration], cacheFor: Duration = .seconds(5), logger: Logger
    ) -> @Sendable () async -> String? {
        let cache = Mutex<(at: ContinuousClock.Instant, problem: String?)?>(nil)
        return {
            if let cached = cache.withLock({ $0 }), ContinuousClock.now - cached.at < cacheFor {
                return cached.problem
            }
            var problem: String? = "no broker configured"
            for broker in brokers {
                do {
                    let connection = try await AMQPConnection.connect(broker, logger: logger)
                    await connection.close()
                    problem = nil
                    break
                } catch {
                    problem = "the broker \(broker) cannot be reached: \(error)"
                }
            }
            let answer = problem
            cache.withLock { $0 = (ContinuousClock.now, answer) }
            return answer
        }
    }

    /// The highest migration version this build ships (`schemas/migrations`).
    public static func latestMigration(schemasOverride: String?) throws -> Int {
        var locator = ResourceLocator()
        if let schemasOverride { locator.environment[ResourceLocator.environmentVariable] = schemasOverride }
        let migrations = try Migration.load(from: try locator.schemasSubdirectory("migrations").path)
        return migrations.last?.version ?? 0
    }
}
