import ArgumentParser
import Logging
import PostgresNIO
import RelanceAPI
import RelanceRuntime
import ServiceLifecycle

/// Where a dispatcher or worker serves `/metrics`, `/health` and `/ready`.
struct OperationalOptions: ParsableArguments {
    @Option(help: "Port of /metrics, /health and /ready (default: $RELANCE_METRICS_PORT, else 9101 for a dispatcher, 9102 for a worker; 0 picks a free one).")
    var metricsPort: Int?
    @Option(help: "Address of /metrics, /health and /ready (default: $RELANCE_API_HOST, else 127.0.0.1).")
    var metricsHost: String?

    func validate() throws {
        if let metricsPort, !(0...65_535).contains(metricsPort) {
            throw ValidationError("--metrics-port must be from 0 to 65535, not \(metricsPort)")
        }
    }

    /// The operational server of a pipeline process: `/ready` asks the database (and its
    /// migrations), the broker when `probeBroker` (a worker's consumers report their own
    /// connections instead), and what the roles report themselves.
    func service(
        _ configuration: RelanceConfiguration, defaultPort: Int, pipeline: PipelineServices, probeBroker: Bool, logger: Logger
    ) throws -> any Service {
        var checks: [(name: String, check: HealthChecks.Check)] = [
            ("database", ReadinessChecks.database(
                pipeline.client, latestMigration: try ReadinessChecks.latestMigration(schemasOverride: configuration.schemasDirectory), logger: logger
            )),
        ]
        if probeBroker {
            checks.append(("broker", ReadinessChecks.broker(try configuration.amqpBrokers(), logger: logger)))
        }
        let server = OperationalServer(
            host: metricsHost ?? configuration.apiHost, port: metricsPort ?? configuration.metricsPort ?? defaultPort,
            health: HealthChecks(readiness: pipeline.readiness, checks: checks), logger: logger
        )
        return BestEffortService(
            server.service(onRunning: { port in
                logger.notice("Metrics, health and readiness served", metadata: ["address": "http://\(server.host):\(port)/metrics"])
            }),
            what: "the metrics and health endpoint", logger: logger
        )
    }
}

/// A service whose failure (a port already taken by another worker on the machine) is logged
/// and does not stop the process: it waits for the shutdown like the others.
struct BestEffortService: Service, CustomStringConvertible {
    let inner: any Service
    let what: String
    let logger: Logger

    init(_ inner: any Service, what: String, logger: Logger) {
        self.inner = inner
        self.what = what
        self.logger = logger
    }

    var description: String { "BestEffortService(\(what))" }

    func run() async throws {
        do {
            try await inner.run()
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            logger.error("Not serving \(what); the process goes on without it", metadata: ["error": "\(error)"])
            try await gracefulShutdown()
        }
    }
}
