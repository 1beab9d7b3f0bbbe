import Foundation
import Logging
import PostgresNIO
import RelanceRuntime
import RelanceStore

/// The benchmark's own database on the configured PostgreSQL server (`relance_bench` unless
/// told otherwise): dropped if a previous run left it, created empty and migrated for a run,
/// and dropped after it unless `--keep` asks to keep it for inspection. The application's
/// database is never written to. The configured role needs CREATEDB (the local `relance`
/// role has it).
struct BenchDatabase: Sendable {
    /// The configured database, used only to create and drop the benchmark's.
    let admin: DatabaseURL
    let url: DatabaseURL

    init(configured: DatabaseURL, name: String) throws {
        guard name.range(of: #"^[a-z_][a-z0-9_]{0,62}$"#, options: .regularExpression) != nil else {
            throw CommandFailure("the benchmark database name must be lowercase letters, digits and underscores: '\(name)'")
        }
        guard name != configured.database else {
            throw CommandFailure("the benchmark database must not be the application's own ('\(name)')")
        }
        admin = configured
        url = configured.with(database: name)
    }

    /// Drops any earlier copy, creates the database and applies every migration.
    func create(migrations: [Migration], logger: Logger) async throws {
        try await drop(logger: logger)
        try await PostgresConnection.withSingleConnection(admin, logger: logger) { connection in
            try await connection.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(url.database)"), logger: logger)
        }
        try await PostgresConnection.withSingleConnection(url, logger: logger) { connection in
            _ = try await Migrator(migrations: migrations, logger: logger).run(on: connection)
        }
    }

    /// Drops the database. A plain DROP DATABASE also stops an autovacuum worker busy there
    /// (FORCE cannot: the worker is not the role's); FORCE is the fallback for sessions left
    /// connected by an interrupted run.
    func drop(logger: Logger) async throws {
        var attempt = 0
        while true {
            let force = attempt % 2 == 1 ? " WITH (FORCE)" : ""
            do {
                try await PostgresConnection.withSingleConnection(admin, logger: logger) { connection in
                    try await connection.query(PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(url.database)\(force)"), logger: logger)
                }
                return
            } catch {
                attempt += 1
                guard attempt < 6 else { throw error }
                try await Task.sleep(for: .milliseconds(500))
            }
        }
    }
}
