import Foundation
import Logging
import PostgresNIO
import RelanceStore
import Testing

@Suite("Migrations against PostgreSQL")
struct MigratorTests {
    @Test("From an empty database every migration is applied, and a second run is a no-op")
    func migrateTwice() async throws {
        let migrations = try TestDatabase.migrations()
        #expect(!migrations.isEmpty)
        try await TestDatabase.withEmptyDatabase { _, client in
            let migrator = Migrator(migrations: migrations, logger: TestDatabase.logger)
            let first = try await migrator.run(on: client)
            #expect(first.applied == migrations.map(\.version))
            #expect(first.alreadyApplied.isEmpty)

            let tables = try await Self.tableNames(client)
            for table in ["tenants", "creditors", "debtors", "invoices", "payments", "dunning_policies",
                          "dunning_policy_steps", "schedule_steps", "jobs", "job_outcomes",
                          "invoice_events"] {
                #expect(tables.contains(table), "missing table \(table)")
            }

            let second = try await migrator.run(on: client)
            #expect(second.applied.isEmpty)
            #expect(second.alreadyApplied == migrations.map(\.version))
            let recorded = try await client.query("SELECT count(*) FROM schema_migrations", logger: TestDatabase.logger)
            for try await count in recorded.decode(Int.self) {
                #expect(count == migrations.count)
            }
        }
    }

    @Test("Several migrators at once apply each migration exactly once")
    func concurrentMigrators() async throws {
        let migrations = try TestDatabase.migrations()
        try await TestDatabase.withEmptyDatabase { url, _ in
            let reports = try await withThrowingTaskGroup(of: Migrator.Report.self) { group in
                for _ in 0..<4 {
                    group.addTask {
                        try await PostgresClient.withRunningClient(url, logger: TestDatabase.logger) { client in
                            try await Migrator(migrations: migrations, logger: TestDatabase.logger).run(on: client)
                        }
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let appliedCounts = reports.map(\.applied.count)
            #expect(appliedCounts.reduce(0, +) == migrations.count)
            #expect(appliedCounts.filter { $0 > 0 }.count == 1)
        }
    }

    @Test("A migration edited after it was applied is refused")
    func editedMigration() async throws {
        let migrations = try TestDatabase.migrations()
        try await TestDatabase.withEmptyDatabase { _, client in
            try await Migrator(migrations: migrations, logger: TestDatabase.logger).run(on: client)
            var edited = migrations
            let first = edited[0]
            edited[0] = Migration(version: first.version, name: first.name, sql: first.sql + "\n-- edited\n")
            await #expect {
                try await Migrator(migrations: edited, logger: TestDatabase.logger).run(on: client)
            } throws: { error in
                (error as? StoreError)?.code == .migrationChanged
            }
        }
    }

    @Test("A failing migration is rolled back whole and not recorded; earlier ones stay")
    func failingMigrationRollsBack() async throws {
        try await TestDatabase.withEmptyDatabase { _, client in
            let good = Migration(version: 1, name: "good", sql: "CREATE TABLE a (x int);")
            let bad = Migration(version: 2, name: "bad", sql: "CREATE TABLE b (x int); SELECT * FROM no_such_table;")
            await #expect {
                try await Migrator(migrations: [good, bad], logger: TestDatabase.logger).run(on: client)
            } throws: { error in
                (error as? StoreError)?.code == .migrationFailed
            }
            let tables = try await Self.tableNames(client)
            #expect(tables.contains("a"))
            #expect(!tables.contains("b"))
            let rows = try await client.query("SELECT version FROM schema_migrations ORDER BY version", logger: TestDatabase.logger)
            var versions: [Int] = []
            for try await v in rows.decode(Int.self) { versions.append(v) }
            #expect(versions == [1])
        }
    }

    @Test("A database with a migration this version does not know is refused")
    func unknownAppliedMigration() async throws {
        try await TestDatabase.withEmptyDatabase { _, client in
            let one = Migration(version: 1, name: "one", sql: "CREATE TABLE a (x int);")
            let two = Migration(version: 2, name: "two", sql: "CREATE TABLE b (x int);")
            try await Migrator(migrations: [one, two], logger: TestDatabase.logger).run(on: client)
            await #expect {
                try await Migrator(migrations: [one], logger: TestDatabase.logger).run(on: client)
            } throws: { error in
                (error as? StoreError)?.code == .unknownAppliedMigration
            }
        }
    }

    static func tableNames(_ client: PostgresClient) async throws -> Set<String> {
        let rows = try await client.query(
            "SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public'",
            logger: TestDatabase.logger
        )
        var names = Set<String>()
        for try await name in rows.decode(String.self) { names.insert(name) }
        return names
    }
}
