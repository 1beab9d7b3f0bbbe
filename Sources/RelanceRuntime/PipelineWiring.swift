import AMQP
import Foundation
import Logging
import PostgresNIO
import RelanceCore
import RelancePipeline
import RelanceStore
import ServiceLifecycle
import UnixSignals

/// Which roles a process runs.
public struct PipelineRoles: OptionSet, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    public static let dispatcher = PipelineRoles(rawValue: 1 << 0)
    public static let relay = PipelineRoles(rawValue: 1 << 1)
    public static let workers = PipelineRoles(rawValue: 1 << 2)
    /// Moves dead letters from the broker's dead-letter queues into PostgreSQL
    /// (`DeadLetterCollector`). Not part of `all`: `relance dispatcher` and `relance run` add it,
    /// while tests, the demo and the benchmark look at the dead-letter queues themselves.
    public static let deadLetters = PipelineRoles(rawValue: 1 << 3)
    public static let all: PipelineRoles = [.dispatcher, .relay, .workers]
}

/// Everything a pipeline process needs, built once from the configuration.
public struct PipelineSettings: Sendable {
    public var roles: PipelineRoles
    public var dispatcher = DispatcherConfiguration()
    public var relay = RelayConfiguration()
    public var worker = WorkerConfiguration()
    public var retry = RetryPolicy()
    /// How long a worker holds a job of a paused channel, tenant or creditor before looking at
    /// it again (`JobProcessor.pausedHoldDelay`; a retry tier's delay).
    public var pausedHoldDelay: Duration = JobTopology.retryTiers[1]
    /// Confirms awaited at once by the publisher.
    public var publishWindow = 1024
    /// How long the broker waits before replacing a lost connection.
    public var reconnectBackoff = Backoff()
    /// Worker pool connections to PostgreSQL.
    public var poolConnections = 40
    /// Whether workers write each job's message (`MessageComposer`); off, channels get none.
    public var composeMessages = true
    /// When jobs without an outcome count as lost and are published again (with the relay).
    public var reconciler = ReconcilerConfiguration()
    /// How long SIGTERM waits for the roles to finish what they hold before cancelling them;
    /// deliveries not acknowledged by then go back to their queues.
    public var shutdownDeadline: Duration = .seconds(30)

    public init(roles: PipelineRoles) {
        self.roles = roles
    }
}

/// The services of one process, in start order (they stop in reverse: the database pool last).
public struct PipelineServices: Sendable {
    /// The database pool the roles share; it must run (it is the first of `services`).
    public let client: PostgresClient
    public let services: [any Service]
    public let dispatcher: DispatcherService<DispatchStore>?
    public let relay: OutboxRelay<OutboxStore, AMQPJobBroker>?
    public let worker: WorkerService<WorkerStore, AMQPJobBroker>?
    /// The relay's and the workers' broker; close it once they have stopped.
    public let broker: AMQPJobBroker
    /// Whether the roles can work now (a worker holding a batch it cannot store is not).
    public let readiness: Readiness
    /// How long a graceful shutdown may take.
    public let shutdownDeadline: Duration
}

/// Builds the services for `settings.roles` against the configured PostgreSQL and RabbitMQ.
/// Every process of the pipeline — `relance run`, `dispatcher`, `worker`, the demo, the
/// benchmark, and the roles the integration tests run — is wired here.
public func buildPipelineServices(
    configuration: RelanceConfiguration,
    settings: PipelineSettings,
    reference: ReferenceData,
    channels: [any ReminderChannel],
    clock: any PipelineClock = SystemClock(),
    logger: Logger
) throws -> PipelineServices {
    try buildPipelineServices(
        database: try DatabaseURL(configuration.databaseURL), amqp: try configuration.amqpBrokers(),
        settings: settings, reference: reference, channels: channels, clock: clock, logger: logger
    )
}

/// Builds the services for `settings.roles` with the worker channels `channels` (some of which
/// work on the pipeline's own database client: call tasks, dossiers, tenants' SMTP relays).
public func buildPipelineServices(
    configuration: RelanceConfiguration,
    settings: PipelineSettings,
    reference: ReferenceData,
    channels: WorkerChannels,
    clock: any PipelineClock = SystemClock(),
    logger: Logger
) throws -> PipelineServices {
    try buildPipelineServices(
        database: try DatabaseURL(configuration.databaseURL), amqp: try configuration.amqpBrokers(),
        settings: settings, reference: reference, channels: channels.channels, databaseChannels: channels.databaseChannels,
        clock: clock, logger: logger
    )
}

/// Builds the services for `settings.roles` against `database` and `amqp`.
public func buildPipelineServices(
    database: DatabaseURL,
    amqp: AMQPConfiguration,
    settings: PipelineSettings,
    reference: ReferenceData,
    channels: [any ReminderChannel],
    clock: any PipelineClock = SystemClock(),
    logger: Logger
) throws -> PipelineServices {
    try buildPipelineServices(database: database, amqp: [amqp], settings: settings, reference: reference,
                              channels: channels, clock: clock, logger: logger)
}

/// Builds the services for `settings.roles` against `database` and the brokers of `amqp` (not
/// empty), between which the publisher and the consumers fail over.
public func buildPipelineServices(
    database: DatabaseURL,
    amqp: [AMQPConfiguration],
    settings: PipelineSettings,
    reference: ReferenceData,
    channels: [any ReminderChannel],
    databaseChannels: (PostgresClient) throws -> [any ReminderChannel] = { _ in [] },
    clock: any PipelineClock = SystemClock(),
    logger: Logger
) throws -> PipelineServices {
    var clientConfiguration = database.clientConfiguration()
    clientConfiguration.options.maximumConnections = settings.poolConnections
    clientConfiguration.options.minimumConnections = min(settings.poolConnections, 8)
    let client = PostgresClient(configuration: clientConfiguration, backgroundLogger: logger)
    let readiness = Readiness()
    var broker = AMQPJobBroker(
        brokers: amqp, publishWindow: settings.publishWindow, backoff: settings.reconnectBackoff, logger: logger
    )
    broker.readiness = readiness

    var services: [any Service] = [client]
    let relayWake = WakeSignal()
    let dispatchWake = WakeSignal()
    var dispatcher: DispatcherService<DispatchStore>?
    var relay: OutboxRelay<OutboxStore, AMQPJobBroker>?
    var worker: WorkerService<WorkerStore, AMQPJobBroker>?
    var signals: [String: WakeSignal] = [:]

    if settings.roles.contains(.dispatcher) {
        dispatcher = DispatcherService(
            storage: DispatchStore(client: client, logger: logger),
            decider: DispatchDecider(complianceRules: reference.complianceRules),
            clock: clock, wake: dispatchWake, relayWake: relayWake,
            configuration: settings.dispatcher, logger: logger
        )
        signals[NotificationListener.invoicesChannel] = dispatchWake
    }
    if settings.roles.contains(.relay) {
        relay = OutboxRelay(outbox: OutboxStore(client: client, logger: logger), broker: broker,
                            wake: relayWake, configuration: settings.relay, logger: logger)
        signals[NotificationListener.outboxChannel] = relayWake
        services.append(JobReconciler(outbox: OutboxStore(client: client, logger: logger), clock: clock,
                                      configuration: settings.reconciler, logger: logger))
    }
    if !signals.isEmpty {
        services.append(NotificationListener(client: client, signals: signals, logger: logger))
    }
    if let dispatcher { services.append(dispatcher) }
    if let relay { services.append(relay) }
    if settings.roles.contains(.deadLetters) {
        services.append(DeadLetterCollector(storage: DeadLetterStore(client: client, logger: logger), brokers: amqp, logger: logger))
    }
    if settings.roles.contains(.workers) {
        let processor = JobProcessor(
            storage: WorkerStore(client: client, logger: logger), channels: channels + (try databaseChannels(client)),
            composer: settings.composeMessages ? MessageComposer(rateTables: reference.rateTables) : nil,
            retry: settings.retry, clock: clock, pausedHoldDelay: settings.pausedHoldDelay, logger: logger
        )
        let service = WorkerService(processor: processor, broker: broker, configuration: settings.worker, readiness: readiness, logger: logger)
        worker = service
        services.append(service)
    }
    return PipelineServices(client: client, services: services, dispatcher: dispatcher, relay: relay, worker: worker,
                            broker: broker, readiness: readiness, shutdownDeadline: settings.shutdownDeadline)
}

/// Runs the services until SIGTERM or SIGINT, then shuts them down gracefully: each role
/// finishes what it holds, within `shutdownDeadline`; past it, what is left is cancelled (a
/// worker's unacknowledged deliveries go back to their queue, a relay's leased jobs come back
/// when the lease ends).
public func runUntilSignalled(_ pipeline: PipelineServices, alongside others: [any Service] = [], logger: Logger) async throws {
    var configuration = ServiceGroupConfiguration(
        services: pipeline.services + others,
        gracefulShutdownSignals: [.sigterm, .sigint],
        logger: logger
    )
    configuration.maximumGracefulShutdownDuration = pipeline.shutdownDeadline
    configuration.maximumCancellationDuration = .seconds(5)
    let group = ServiceGroup(configuration: configuration)
    try await group.run()
    await pipeline.broker.close()
}

/// The record-only channels: render, record, contact nobody; with a contact log, write there
/// each contact they would have made.
public func recordingChannels(_ reference: ReferenceData, contactLog: ContactLog? = nil) -> [any ReminderChannel] {
    [RecordingChannel(renderer: TemplateRenderer(library: reference.templates, agencyRules: reference.complianceRules.collectionAgency),
                      contactLog: contactLog)]
}
