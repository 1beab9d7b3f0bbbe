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
struct PipelineRoles: OptionSet, Sendable {
    let rawValue: Int
    static let dispatcher = PipelineRoles(rawValue: 1 << 0)
    static let relay = PipelineRoles(rawValue: 1 << 1)
    static let workers = PipelineRoles(rawValue: 1 << 2)
    static let all: PipelineRoles = [.dispatcher, .relay, .workers]
}

/// Everything a pipeline process needs, built once from the configuration.
struct PipelineSettings: Sendable {
    var roles: PipelineRoles
    var dispatcher = DispatcherService.Configuration()
    var relay = OutboxRelay.Configuration()
    var worker = WorkerService.Configuration()
    var retry = RetryPolicy()
}

/// The services of one process, in start order (they stop in reverse: the database pool last).
struct PipelineServices: Sendable {
    let client: PostgresClient
    let services: [any Service]
    let dispatcher: DispatcherService?
    let relay: OutboxRelay?
    let publisher: ReconnectingPublisher
}

/// Builds the services for `settings.roles` against the configured PostgreSQL and RabbitMQ.
func buildPipelineServices(
    configuration: RelanceConfiguration,
    settings: PipelineSettings,
    reference: ReferenceData,
    channels: [any ReminderChannel],
    clock: any PipelineClock = SystemClock(),
    logger: Logger
) throws -> PipelineServices {
    let databaseURL = try DatabaseURL(configuration.databaseURL)
    let amqp = try AMQPConfiguration(url: configuration.amqpURL)
    var clientConfiguration = databaseURL.clientConfiguration()
    clientConfiguration.options.maximumConnections = 40
    let client = PostgresClient(configuration: clientConfiguration, backgroundLogger: logger)
    let topology = JobTopology()
    let publisher = ReconnectingPublisher(configuration: amqp, logger: logger) { connection in
        try await topology.declare(on: connection)
    }

    var services: [any Service] = [client]
    let relayWake = WakeSignal()
    let dispatchWake = WakeSignal()
    var dispatcher: DispatcherService?
    var relay: OutboxRelay?
    var signals: [String: WakeSignal] = [:]

    if settings.roles.contains(.dispatcher) {
        let service = DispatcherService(
            store: DispatchStore(client: client, logger: logger),
            decider: DispatchDecider(complianceRules: reference.complianceRules),
            clock: clock, wake: dispatchWake, relayWake: relayWake,
            configuration: settings.dispatcher, logger: logger
        )
        dispatcher = service
        signals["relance_invoices"] = dispatchWake
    }
    if settings.roles.contains(.relay) {
        let service = OutboxRelay(outbox: OutboxStore(client: client, logger: logger), publisher: publisher,
                                  wake: relayWake, configuration: settings.relay, logger: logger)
        relay = service
        signals["relance_outbox"] = relayWake
    }
    if !signals.isEmpty {
        services.append(NotificationListener(client: client, signals: signals, logger: logger))
    }
    if let dispatcher { services.append(dispatcher) }
    if let relay { services.append(relay) }
    if settings.roles.contains(.workers) {
        let processor = JobProcessor(
            outcomes: OutcomeStore(client: client, logger: logger), channels: channels,
            retry: settings.retry, clock: clock,
            composer: MessageComposer(store: MessageContextStore(client: client, logger: logger), rateTables: reference.rateTables),
            logger: logger
        )
        services.append(WorkerService(amqp: amqp, processor: processor, publisher: publisher,
                                      topology: topology, configuration: settings.worker, logger: logger))
    }
    return PipelineServices(client: client, services: services, dispatcher: dispatcher, relay: relay, publisher: publisher)
}

/// Runs the services until SIGTERM or SIGINT, then shuts them down gracefully.
func runUntilSignalled(_ pipeline: PipelineServices, logger: Logger) async throws {
    let group = ServiceGroup(configuration: ServiceGroupConfiguration(
        services: pipeline.services,
        gracefulShutdownSignals: [.sigterm, .sigint],
        logger: logger
    ))
    try await group.run()
    await pipeline.publisher.close()
}
