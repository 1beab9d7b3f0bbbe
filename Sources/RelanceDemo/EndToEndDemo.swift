import AMQP
import Foundation
import Logging
import PostgresNIO
import RelanceChannels
import RelanceCore
import RelancePipeline
import RelanceRuntime
import RelanceStore

/// `relance demo`: checks the services, runs the 60 simulated days (`DemoRunner`), prints each
/// debtor's timeline, a summary and the invariants' checks, and says where the data is.
public struct EndToEndDemo: Sendable {
    let configuration: RelanceConfiguration
    /// How long to wait for the workers to record every outcome of one simulated moment.
    let outcomeTimeout: Duration
    let logger: Logger

    public init(configuration: RelanceConfiguration, outcomeTimeout: Duration, logger: Logger) {
        self.configuration = configuration
        self.outcomeTimeout = outcomeTimeout
        self.logger = logger
    }

    /// Runs the demo, printing as it goes.
    ///
    /// - Throws: `CommandFailure` when the services are not ready, the run fails, or an
    ///   invariant does not hold.
    public func run() async throws {
        let reference: ReferenceData
        do {
            reference = try ResourceLocator().referenceData(schemasOverride: configuration.schemasDirectory)
        } catch {
            throw CommandFailure("\(error)")
        }
        let databaseURL: DatabaseURL
        do {
            databaseURL = try DatabaseURL(configuration.databaseURL)
        } catch {
            throw CommandFailure(error.description)
        }
        let began = ContinuousClock.now
        let warnings: [String]
        do {
            let latestMigration = try ReadinessChecks.latestMigration(schemasOverride: configuration.schemasDirectory)
            warnings = try await DemoPreflight(databaseURL: databaseURL, amqpURL: configuration.amqpURL, latestMigration: latestMigration,
                                               logger: logger).run()
        } catch let failure as DemoFailure {
            throw CommandFailure("relance demo: \(failure.description)")
        }
        if configuration.channels == .real {
            do {
                try DemoPreflight.smtpAnswers(try SMTPConfiguration(environment: ProcessInfo.processInfo.environment))
                try DemoPreflight.writable(configuration.artefactsDirectory)
            } catch let failure as DemoFailure {
                throw CommandFailure("relance demo: \(failure.description)")
            } catch {
                throw CommandFailure("relance demo: RELANCE_SMTP_*: \(error)")
            }
        }
        for warning in warnings {
            FileHandle.standardError.write(Data("relance demo: warning: \(warning)\n".utf8))
        }
        print("""
            Relance demo — \(DemoRunner.days) simulated days from \(DemoRunner.start) (Europe/Paris), on the real PostgreSQL and RabbitMQ
              database  \(databaseURL)
              broker    \(Self.brokers(configuration)) (queues relance.email, relance.letter, relance.call, relance.legal)
              clock     a manual clock; each day at 08:00, 10:00 and 14:00 the dispatcher claims what is due, the relay publishes it,
                        and the workers of this process consume it until every job has an outcome
              channels  the real ones: email through the SMTP relay \(Self.smtp()), letters and formal notices as PDFs
                        under \(configuration.artefactsDirectory), posted each evening (`relance letters posted`); call tasks and court dossiers
            """)

        let runner = DemoRunner(
            configuration: configuration, reference: reference, logger: logger, outcomeTimeout: outcomeTimeout
        )
        let result: DemoRunner.Result
        do {
            result = try await runner.run()
        } catch let failure as DemoFailure {
            throw CommandFailure("relance demo: \(failure.description)")
        } catch {
            throw CommandFailure("relance demo: \(StoreError.wrapping(error, url: databaseURL).description)")
        }

        let penalties = DemoPenalties(engine: PenaltyEngine(tables: reference.rateTables))
        let report = DemoReport(result: result, penalties: penalties)
        for line in try report.timelines() { print(line) }
        for line in report.summary() { print(line) }

        let checks = try await PostgresClient.withRunningClient(databaseURL, logger: logger) { client in
            try await DemoInvariants(
                result: result,
                database: DemoDatabase(client: client, logger: logger, tenants: result.cast.tenantIds.map(\.uuid)),
                penalties: penalties
            ).run()
        }
        let failed = checks.filter { !$0.failures.isEmpty }
        print("  checks     \(checks.count - failed.count) of \(checks.count) hold")
        for check in checks {
            print("    \(check.failures.isEmpty ? "ok  " : "FAIL") \(check.name)")
            for failure in check.failures { print("           \(failure)") }
        }
        if result.foreignSteps > 0 {
            print("  note       \(result.foreignSteps) step(s) of other tenants fell due inside the simulated days; the demo dispatched them too")
        }

        let tenants = result.cast.tenantIds.map { "'\($0)'" }.joined(separator: ", ")
        print("""

            Where the data is (database \(databaseURL.database) on \(databaseURL.host):\(databaseURL.port)):
              tenant \(result.cast.business.tenant.id)  \(result.cast.business.tenant.name) (business)
              tenant \(result.cast.agency.tenant.id)  \(result.cast.agency.tenant.name) (collection_agency)
              emails     in the SMTP sink's mailboxes, \(DemoArtefacts.sinkDirectory()?.path ?? "(the relay's)")/<recipient>/*.eml
              letters    \(configuration.artefactsDirectory)/<tenant>/<day>/<job>.pdf; the post room's list of a day:
                           relance letters manifest --date 2026-04-09 --tenant \(result.cast.business.tenant.id) --database-url '\(Self.psqlURL(databaseURL))'
              calls      call_tasks; an agent's next call:  relance calls next --tenant \(result.cast.business.tenant.id) --agent NAME --database-url …
              dossiers   \(configuration.artefactsDirectory)/<tenant>/<day>/<job>.pdf and .json; to review them:
                           relance filings list --tenant \(result.cast.business.tenant.id) --database-url …
              outcomes   psql '\(Self.psqlURL(databaseURL))' -c "SELECT o.completed_at, d.name, o.channel, o.outcome, o.artefact_uri FROM job_outcomes o JOIN debtors d ON d.id = o.debtor_id WHERE o.tenant_id IN (\(tenants)) ORDER BY o.completed_at, d.name"
            Took \(Self.seconds(ContinuousClock.now - began)) (real time).
            """)
        if !failed.isEmpty {
            throw CommandFailure("relance demo: \(failed.count) invariant(s) failed: " + failed.map { $0.name }.joined(separator: "; "))
        }
    }

    /// The SMTP relay the emails go to, without its password.
    static func smtp() -> String {
        (try? SMTPConfiguration(environment: ProcessInfo.processInfo.environment)).map(\.description) ?? "(RELANCE_SMTP_* not usable)"
    }

    /// The URL without its password.
    /// The broker URL without its password; for a list, each broker (also without password).
    static func brokers(_ configuration: RelanceConfiguration) -> String {
        guard let brokers = try? configuration.amqpBrokers(), brokers.count > 1 else { return redacted(configuration.amqpURL) }
        return brokers.map(\.description).joined(separator: ", ")
    }

    static func redacted(_ url: String) -> String {
        url.replacingOccurrences(of: #"://([^:/@]+):[^@]*@"#, with: "://$1:***@", options: .regularExpression)
    }

    /// A URL psql accepts, with the password when it is the default one deploy/ sets.
    static func psqlURL(_ url: DatabaseURL) -> String {
        let password = url.password == "relance" ? ":relance" : ""
        return "postgresql://\(url.username)\(password)@\(url.host):\(url.port)/\(url.database)"
    }

    static func seconds(_ duration: Duration) -> String {
        let milliseconds = duration.wholeMilliseconds
        return "\(milliseconds / 1000).\(String(format: "%01d", (milliseconds % 1000) / 100)) s"
    }
}
