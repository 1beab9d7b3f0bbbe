import AMQP
import Foundation
import Logging
import Metrics
import PostgresNIO
import RelanceCore
import RelancePipeline
import RelanceStore
import ServiceLifecycle
import Synchronization

/// Samples what waits, every `interval`, into gauges (`PipelineMetrics`): the outbox backlog,
/// the oldest step due and not yet claimed, the steps due per tenant (the `topTenants` with the
/// most, the rest summed as `other`, so a million tenants make eleven series), what operators
/// have paused by scope, and each queue's ready messages and consumers (a passive declare on
/// the broker).
///
/// It runs in the dispatcher's process (and `relance run`): one process per installation
/// reports these, whatever the number of workers. A failed sample is logged and the gauges
/// keep their last values until the next.
public struct BacklogGauges: Service, CustomStringConvertible {
    public let client: PostgresClient
    public let brokers: [AMQPConfiguration]
    public var interval: Duration
    public var topTenants: Int
    public let logger: Logger
    private let state = TenantSeries()

    public init(client: PostgresClient, brokers: [AMQPConfiguration], interval: Duration = .seconds(15), topTenants: Int = 10, logger: Logger) {
        self.client = client
        self.brokers = brokers
        self.interval = interval
        self.topTenants = max(1, topTenants)
        self.logger = logger
    }

    public var description: String { "BacklogGauges" }

    public func run() async throws {
        // Sampling holds nothing: on shutdown the sleep is cut short and the service ends.
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                await sample()
                try await Task.sleep(for: interval)
            }
        }
    }

    /// One sample of every gauge.
    public func sample() async {
        do {
            try await sampleDatabase()
        } catch {
            logger.warning("Backlog gauges: the database could not be sampled", metadata: ["error": "\(String(reflecting: error))"])
        }
        do {
            try await sampleQueues()
        } catch {
            logger.debug("Backlog gauges: the queues could not be sampled", metadata: ["error": "\(error)"])
        }
    }

    private func sampleDatabase() async throws {
        let rows = try await client.query(
            """
            SELECT (SELECT count(*) FROM outbox)::int8,
                   (SELECT coalesce(extract(epoch FROM now() - min(due_at)), 0)::float8
                      FROM schedule_steps WHERE pending AND due_at <= now())
            """,
            logger: logger
        )
        for try await (outbox, oldest) in rows.decode((Int, Double).self) {
            Gauge(label: PipelineMetrics.outboxBacklog).record(outbox)
            Gauge(label: PipelineMetrics.oldestDueStepSeconds).record(max(0, oldest))
        }
        let limit = topTenants
        let tenants = try await client.query(
            """
            SELECT tenant_id::text, count(*)::int8 AS due FROM schedule_steps
            WHERE pending AND due_at <= now() GROUP BY tenant_id ORDER BY due DESC, tenant_id
            """,
            logger: logger
        )
        var top: [(String, Int)] = []
        var other = 0
        for try await (tenant, due) in tenants.decode((String, Int).self) {
            if top.count < limit { top.append((tenant, due)) } else { other += due }
        }
        top.append(("other", other))
        state.publish(top)

        let pauses = try await OperatorPauses(client: client, logger: logger).list()
        for scope in PauseScope.allCases {
            Gauge(label: PipelineMetrics.paused, dimensions: [("scope", scope.rawValue)])
                .record(pauses.filter { $0.target.scope == scope }.count)
        }
    }

    private func sampleQueues() async throws {
        guard let broker = brokers.first else { return }
        let connection = try await AMQPConnection.connect(broker, logger: logger)
        var names: [String] = []
        for channel in JobTopology.queueChannels {
            names.append(JobTopology.queue(for: channel))
            names.append(JobTopology.deadLetterQueue(for: channel))
        }
        for name in names {
            // A queue not declared yet (no worker ever ran) is simply not reported.
            guard let info = try? await connection.queueInfo(name) else { continue }
            Gauge(label: PipelineMetrics.queueReady, dimensions: [("queue", name)]).record(info.messageCount)
            Gauge(label: PipelineMetrics.queueConsumers, dimensions: [("queue", name)]).record(info.consumerCount)
        }
        await connection.close()
    }
}

/// The tenant series exported last time: a tenant that leaves the top is removed, so the
/// series stay bounded over time, not only per sample.
private final class TenantSeries: Sendable {
    private let exported = Mutex<Set<String>>([])

    func publish(_ backlog: [(tenant: String, due: Int)]) {
        let now = Set(backlog.map(\.tenant))
        let gone = exported.withLock { previous in
            defer { previous = now }
            return previous.subtracting(now)
        }
        for tenant in gone {
            Gauge(label: PipelineMetrics.tenantBacklog, dimensions: [("tenant", tenant)]).destroy()
        }
        for (tenant, due) in backlog {
            Gauge(label: PipelineMetrics.tenantBacklog, dimensions: [("tenant", tenant)]).record(due)
        }
    }
}
