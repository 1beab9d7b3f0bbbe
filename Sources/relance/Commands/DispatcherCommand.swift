import ArgumentParser
import Logging
import RelanceAPI
import RelanceRuntime

struct DispatcherCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dispatcher",
        abstract: "Claim due reminder steps and publish them as jobs (dispatcher and outbox relay).",
        discussion: """
            Claims due steps fairly across tenants (several dispatchers may run at once), applies \
            the state guards and the compliance rules, writes one job per debtor and channel to the \
            outbox, and publishes the outbox to RabbitMQ with confirms. Wakes when invoices or \
            payments change, and polls otherwise. Also delivers the tenants' webhooks (signed, \
            retried with backoff). Stops gracefully on SIGTERM or SIGINT.
            """
    )

    @OptionGroup var options: ServiceOptions
    @OptionGroup var pipeline: PipelineOptions
    @OptionGroup var operational: OperationalOptions

    func run() async throws {
        let configuration = options.configuration()
        let logger = options.logger(label: "relance.dispatcher")
        let reference = try ResourceLocator().referenceData(schemasOverride: configuration.schemasDirectory)
        let services = try buildPipelineServices(
            configuration: configuration, settings: try pipeline.settings(roles: [.dispatcher, .relay, .deadLetters]),
            reference: reference, channels: [], logger: logger
        )
        let endpoint = try operational.service(configuration, defaultPort: 9101, pipeline: services, probeBroker: true, logger: logger)
        let gauges = BacklogGauges(client: services.client, brokers: try configuration.amqpBrokers(), logger: logger)
        try await runUntilSignalled(
            services, alongside: [WebhookDelivery(client: services.client, logger: logger), gauges, endpoint], logger: logger
        )
    }
}

struct WorkerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Consume jobs of some channels and write their outcomes.",
        discussion: """
            For each delivery: decode (undecodable → dead-letter with the reason), skip jobs that \
            have an outcome already, re-read the invoices (paid, disputed, promised, in a plan or \
            paused since dispatch → outcome skipped_<reason>, no contact), act, then write the \
            outcomes of the batch in one transaction and acknowledge. Transient failures are \
            retried with backoff; permanent ones are dead-lettered, except a refused address, which \
            is marked unusable while the ladder goes on by another channel. Channels \
            (RELANCE_CHANNELS): real — email through the SMTP relay of RELANCE_SMTP_*, letters and \
            formal notices as PDFs under RELANCE_ARTEFACTS_DIR — or record (contact nobody, record \
            outcome 'recorded'). Stops gracefully on SIGTERM or SIGINT.
            """
    )

    @OptionGroup var options: ServiceOptions
    @OptionGroup var pipeline: PipelineOptions
    @OptionGroup var operational: OperationalOptions

    func run() async throws {
        let configuration = options.configuration()
        let logger = options.logger(label: "relance.worker")
        let reference = try ResourceLocator().referenceData(schemasOverride: configuration.schemasDirectory)
        let channels = try WorkerChannels.configured(configuration, reference: reference,
                                                     contactLog: try pipeline.openContactLog(), logger: logger)
        let services = try buildPipelineServices(
            configuration: configuration, settings: try pipeline.settings(roles: [.workers]),
            reference: reference, channels: channels, logger: logger
        )
        let endpoint = try operational.service(configuration, defaultPort: 9102, pipeline: services, probeBroker: false, logger: logger)
        try await runUntilSignalled(services, alongside: [endpoint], logger: logger)
        await channels.close()
    }
}

struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run everything in one process: migrations, dispatcher, relay, workers for every channel, webhooks and the HTTP API.",
        discussion: "For small installs. Stops gracefully on SIGTERM or SIGINT."
    )

    @OptionGroup var options: ServiceOptions
    @OptionGroup var pipeline: PipelineOptions
    @OptionGroup var api: APIOptions

    func run() async throws {
        var migrate = MigrateCommand()
        migrate.options = options
        let configuration = options.configuration()
        let logger = options.logger(label: "relance.run")
        try await migrate.run(report: { logger.notice("\($0)") })
        let reference = try ResourceLocator().referenceData(schemasOverride: configuration.schemasDirectory)
        let channels = try WorkerChannels.configured(configuration, reference: reference,
                                                     contactLog: try pipeline.openContactLog(), logger: logger)
        let services = try buildPipelineServices(
            configuration: configuration, settings: try pipeline.settings(roles: [.all, .deadLetters]),
            reference: reference, channels: channels, logger: logger
        )
        try await api.withServer(configuration, reference: reference, readiness: services.readiness, logger: logger) { server in
            let http = server.service(onRunning: { port in
                logger.notice("API listening", metadata: ["address": "http://\(server.settings.host):\(port)/v1"])
            })
            let webhooks = WebhookDelivery(client: services.client, logger: logger)
            let gauges = BacklogGauges(client: services.client, brokers: try configuration.amqpBrokers(), logger: logger)
            try await runUntilSignalled(services, alongside: [http, webhooks, gauges], logger: logger)
        }
        await channels.close()
    }
}
