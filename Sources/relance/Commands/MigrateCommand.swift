import ArgumentParser
import Foundation
import Logging
import PostgresNIO
import RelanceRuntime
import RelanceStore

struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Apply the pending database migrations (schemas/migrations), under an advisory lock.",
        discussion: """
            Migrations are forward-only SQL files applied in order, each in its own transaction, and \
            recorded in schema_migrations. Running it again with nothing pending changes nothing; \
            several processes may run it at once.
            """
    )

    @OptionGroup var options: ServiceOptions

    func run() async throws {
        try await run(report: { print($0) })
    }

    /// Migrates, telling `report` what was done (`relance run` logs it instead of printing it).
    func run(report: (String) -> Void) async throws {
        let configuration = options.configuration()
        let logger = options.logger(label: "relance.migrate")
        let url: DatabaseURL
        do {
            url = try DatabaseURL(configuration.databaseURL)
        } catch {
            throw CommandFailure(error.description)
        }
        do {
            var locator = ResourceLocator()
            if let explicit = configuration.schemasDirectory {
                locator.environment[ResourceLocator.environmentVariable] = explicit
            }
            let directory = try locator.schemasSubdirectory("migrations").path
            let migrations = try Migration.load(from: directory)
            let done = try await PostgresConnection.withSingleConnection(url, logger: logger) { connection in
                try await Migrator(migrations: migrations, logger: logger).run(on: connection)
            }
            if done.applied.isEmpty {
                report("Database \(url) is up to date (\(done.alreadyApplied.count) migrations applied).")
            } else {
                report("Applied \(done.applied.count) migration(s) to \(url): \(done.applied.map(String.init).joined(separator: ", ")).")
            }
        } catch let notFound as ResourceLocator.NotFound {
            throw CommandFailure(notFound.description)
        } catch {
            throw CommandFailure(StoreError.wrapping(error, url: url).description)
        }
    }
}
