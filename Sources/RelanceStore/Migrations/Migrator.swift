import Logging
import PostgresNIO

/// Applies pending migrations in order, each in its own transaction, under a PostgreSQL
/// advisory lock so that several processes starting at once apply each migration once.
/// Applied migrations are recorded in `schema_migrations` with a checksum; running it again
/// with nothing pending changes nothing.
public struct Migrator: Sendable {
    /// The advisory-lock key every Relance process uses for migrations ("relance" in ASCII).
    public static let advisoryLockKey: Int64 = 0x72_65_6c_61_6e_63_65

    public let migrations: [Migration]
    public let logger: Logger

    public init(migrations: [Migration], logger: Logger) {
        self.migrations = migrations
        self.logger = logger
    }

    /// What one run did.
    public struct Report: Sendable, Equatable {
        /// Versions applied by this run, in order.
        public var applied: [Int]
        /// Versions found already applied.
        public var alreadyApplied: [Int]
    }

    @discardableResult
    public func run(on client: PostgresClient) async throws -> Report {
        try await client.withConnection { connection in
            try await run(on: connection)
        }
    }

    @discardableResult
    public func run(on connection: PostgresConnection) async throws -> Report {
        try await connection.query("SELECT pg_advisory_lock(\(Self.advisoryLockKey))", logger: logger)
        do {
            let report = try await applyPending(on: connection)
            try await grantApplicationRole(on: connection)
            try await connection.query("SELECT pg_advisory_unlock(\(Self.advisoryLockKey))", logger: logger)
            return report
        } catch {
            _ = try? await connection.query("SELECT pg_advisory_unlock(\(Self.advisoryLockKey))", logger: logger)
            throw error
        }
    }

    /// Gives the application role (the API's, subject to row-level security) its rights on the
    /// tables as they now are, when the schema has `relance_grant_app_role` (0010 on) — also to
    /// a database migrated before deploy/ created that role.
    private func grantApplicationRole(on connection: PostgresConnection) async throws {
        let rows = try await connection.query(
            "SELECT 1 FROM pg_proc WHERE proname = 'relance_grant_app_role'", logger: logger
        )
        var found = false
        for try await _ in rows { found = true }
        guard found else { return }
        try await connection.query("SELECT relance_grant_app_role()", logger: logger)
    }

    private func applyPending(on connection: PostgresConnection) async throws -> Report {
        try await connection.query(
            """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version     integer PRIMARY KEY,
                name        text NOT NULL,
                checksum    text NOT NULL,
                applied_at  timestamptz NOT NULL DEFAULT now()
            )
            """,
            logger: logger
        )
        var applied: [Int: String] = [:]
        let rows = try await connection.query("SELECT version, checksum FROM schema_migrations", logger: logger)
        for try await (version, checksum) in rows.decode((Int, String).self) {
            applied[version] = checksum
        }

        let known = Dictionary(uniqueKeysWithValues: migrations.map { ($0.version, $0) })
        if let unknown = applied.keys.sorted().first(where: { known[$0] == nil }) {
            throw StoreError(
                .unknownAppliedMigration,
                "the database has migration \(unknown) applied, which this version of Relance does not know; use a newer release"
            )
        }

        var report = Report(applied: [], alreadyApplied: [])
        for migration in migrations {
            if let checksum = applied[migration.version] {
                guard checksum == migration.checksum else {
                    throw StoreError(
                        .migrationChanged,
                        "migration \(migration.version)_\(migration.name) was edited after it was applied; add a new migration instead"
                    )
                }
                report.alreadyApplied.append(migration.version)
                continue
            }
            var logger = logger
            logger[metadataKey: "migration.version"] = "\(migration.version)"
            logger[metadataKey: "migration.name"] = "\(migration.name)"
            let statements = SQLStatementSplitter.split(migration.sql)
            do {
                try await connection.withTransaction(logger: logger) { transaction in
                    for statement in statements {
                        try await transaction.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                    }
                    try await transaction.query(
                        """
                        INSERT INTO schema_migrations (version, name, checksum)
                        VALUES (\(migration.version), \(migration.name), \(migration.checksum))
                        """,
                        logger: logger
                    )
                }
            } catch {
                throw StoreError(
                    .migrationFailed,
                    "migration \(migration.version)_\(migration.name) failed and was rolled back",
                    underlying: error
                )
            }
            logger.info("Applied migration")
            report.applied.append(migration.version)
        }
        return report
    }
}
