import Foundation
import RelanceStore
import RelanceTestSupport
import Testing

/// `relance demo` refuses, before storing anything, a database its build cannot run on.
@Suite("relance demo: the database is checked first")
struct DemoPreflightTests {
    @Test("a database without the schema, or behind this build's migrations, is named with the fix: relance migrate")
    func databaseBehindTheBuild() async throws {
        try await FreshDatabase.withEmpty { url, client in
            let empty = try RelanceProcess.run(["demo"], environment: ["RELANCE_DATABASE_URL": url.urlWithPassword])
            #expect(empty.status != 0)
            #expect(empty.stderr.contains("has no Relance schema: run `relance migrate` first"), "\(empty.stderr)")

            // Every migration but the last, as after an upgrade of the executable alone.
            let migrations = try FreshDatabase.migrations()
            try await Migrator(migrations: Array(migrations.dropLast()), logger: FreshDatabase.logger).run(on: client)
            let behind = try RelanceProcess.run(["demo"], environment: ["RELANCE_DATABASE_URL": url.urlWithPassword])
            #expect(behind.status != 0)
            let latest = try #require(migrations.last?.version)
            #expect(behind.stderr.contains("has migrations up to \(latest - 1), this build needs \(latest): run `relance migrate` first"),
                    "\(behind.stderr)")
            #expect(!behind.stderr.contains("does not exist"), "no SQL error reaches the user: \(behind.stderr)")
        }
    }
}
