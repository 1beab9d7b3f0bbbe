import AMQP
import Foundation
import Logging
import PostgresNIO
import RelanceCore
import RelancePipeline
import RelanceRuntime
import RelanceStore
import RelanceTestSupport
import Synchronization
import Testing

/// One isolated pipeline for one test: a fresh migrated database and a fresh RabbitMQ vhost
/// (on the main broker, or on the chaos node for restart tests), a manual clock, and the
/// repository's reference data. Everything is removed afterwards.
struct PipelineHarness: Sendable {
    enum Broker: Sendable { case main, chaos }

    let databaseURL: DatabaseURL
    let client: PostgresClient
    let amqpURL: String
    let vhost: String
    let broker: Broker
    let clock: ManualClock
    let reference: ReferenceData
    /// Runs the pools of the dispatchers and relays built for this test.
    let roles: BuiltRoles
    static let logger: Logger = {
        var logger = Logger(label: "relance.pipeline-tests")
        logger.logLevel = ProcessInfo.processInfo.environment["RELANCE_TEST_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .warning
        return logger
    }()
    var logger: Logger { Self.logger }

    static let paris = TimeZone(identifier: "Europe/Paris")!

    /// 10:30 in Paris on `date`: inside every contact window on a working day.
    static func morning(_ date: CalendarDate) -> Date { date.moment(hour: 10, minute: 30, in: paris) }

    static var repositoryRoot: URL { FreshDatabase.repositoryRoot }

    static func loadReference() throws -> ReferenceData {
        try ReferenceData.load(schemasDirectory: repositoryRoot.appendingPathComponent("schemas"),
                               templatesDirectory: repositoryRoot.appendingPathComponent("templates"))
    }

    /// Runs `body` with a fresh database and vhost; the clock starts at `start`. A test on the
    /// main broker waits for one of `BrokerSlots`' slots first.
    static func run<Result: Sendable>(
        broker: Broker = .main,
        start: Date,
        _ body: @Sendable (PipelineHarness) async throws -> Result
    ) async throws -> Result {
        if broker == .main {
            return try await BrokerSlots.shared.withSlot { try await isolated(broker: broker, start: start, body) }
        }
        return try await isolated(broker: broker, start: start, body)
    }

    private static func isolated<Result: Sendable>(
        broker: Broker,
        start: Date,
        _ body: @Sendable (PipelineHarness) async throws -> Result
    ) async throws -> Result {
        let reference = try loadReference()
        let vhost = "relance-test-\(UInt32.random(in: 0...UInt32.max))"
        let node = broker == .chaos ? TestServices.chaosNode : nil
        try await TestServices.rabbitmqctl(node: node, "add_vhost", vhost)
        do {
            try await TestServices.rabbitmqctl(node: node, "set_permissions", "-p", vhost, "relance", ".*", ".*", ".*")
            let base = broker == .chaos ? TestServices.chaosAMQPBase : TestServices.amqpBase
            try await TopologyGate.declare(url: base + vhost)
            let result = try await FreshDatabase.withMigrated { url, client in
                try await BuiltRoles.during { roles in
                    let harness = PipelineHarness(
                        databaseURL: url, client: client, amqpURL: base + vhost, vhost: vhost, broker: broker,
                        clock: ManualClock(start), reference: reference, roles: roles
                    )
                    return try await body(harness)
                }
            }
            try? await TestServices.rabbitmqctl(node: node, "delete_vhost", vhost)
            return result
        } catch {
            try? await TestServices.rabbitmqctl(node: node, "delete_vhost", vhost)
            throw error
        }
    }

    // MARK: Parts

    /// The broker, with a handshake allowed 30 s: the whole test suite loads a 2-core machine
    /// with five RabbitMQ nodes, PostgreSQL and the tests themselves.
    var amqp: AMQPConfiguration {
        get throws {
            var configuration = try AMQPConfiguration(url: amqpURL)
            configuration.connectTimeout = .seconds(30)
            return configuration
        }
    }

    /// Reconnects quickly: the chaos tests restart the broker.
    static let reconnectBackoff = Backoff(initial: .milliseconds(100), maximum: .seconds(1))

    func jobBroker() throws -> AMQPJobBroker {
        AMQPJobBroker(configuration: try amqp, backoff: Self.reconnectBackoff, logger: logger)
    }

    /// Production's settings for `roles`, with a small pool and a broker that reconnects quickly.
    func settings(_ roles: PipelineRoles, poolConnections: Int = 2) -> PipelineSettings {
        var settings = PipelineSettings(roles: roles)
        settings.reconnectBackoff = Self.reconnectBackoff
        settings.poolConnections = poolConnections
        return settings
    }

    /// A dispatcher as production builds it (`buildPipelineServices`), on the test's clock.
    func dispatcher(batchSize: Int = 500, outboxLimit: Int? = DispatcherConfiguration().outboxLimit) throws -> DispatcherService<DispatchStore> {
        var settings = settings(.dispatcher)
        settings.dispatcher.batchSize = batchSize
        settings.dispatcher.outboxLimit = outboxLimit
        let pipeline = try buildPipelineServices(
            database: databaseURL, amqp: try amqp, settings: settings, reference: reference, channels: [], clock: clock, logger: logger
        )
        roles.keep(pipeline)
        return try #require(pipeline.dispatcher)
    }

    /// Claims until nothing is due at the clock's time.
    func dispatchAll(batchSize: Int = 500) async throws {
        let dispatcher = try dispatcher(batchSize: batchSize)
        while try await dispatcher.dispatchOnce().claimed > 0 {}
    }

    /// A relay as production builds it (`buildPipelineServices`), with a broker of its own.
    func relay() throws -> OutboxRelay<OutboxStore, AMQPJobBroker> {
        let pipeline = try buildPipelineServices(
            database: databaseURL, amqp: try amqp, settings: settings(.relay), reference: reference, channels: [],
            clock: clock, logger: logger
        )
        roles.keep(pipeline)
        return try #require(pipeline.relay)
    }

    /// A worker as production builds it (`buildPipelineServices`): every message composed from
    /// the batch's one read, with a pool and a broker of its own.
    func worker(channels: [any ReminderChannel]? = nil, retry: RetryPolicy = RetryPolicy(),
                prefetch: UInt16 = 200) throws -> InProcessWorker {
        var settings = settings(.workers, poolConnections: 4)
        settings.worker.prefetch = prefetch
        settings.retry = retry
        let pipeline = try buildPipelineServices(
            database: databaseURL, amqp: try amqp, settings: settings, reference: reference,
            channels: channels ?? [RecordingChannel()], clock: clock, logger: logger
        )
        return InProcessWorker(pipeline: pipeline, logger: logger)
    }

    /// A worker with `channels` as the configuration makes them (the real ones, some of which
    /// work on the worker's own database client).
    func worker(workerChannels channels: WorkerChannels, prefetch: UInt16 = 200) throws -> InProcessWorker {
        var settings = settings(.workers, poolConnections: 4)
        settings.worker.prefetch = prefetch
        let pipeline = try buildPipelineServices(
            database: databaseURL, amqp: [try amqp], settings: settings, reference: reference,
            channels: channels.channels, databaseChannels: channels.databaseChannels, clock: clock, logger: logger
        )
        return InProcessWorker(pipeline: pipeline, logger: logger)
    }

    /// Publishes the whole outbox. A pass that fails (the broker slow to confirm a first batch
    /// on a loaded machine: its jobs are given back) is tried again, as the relay's loop does,
    /// up to three times.
    func publishAll(_ relay: OutboxRelay<OutboxStore, AMQPJobBroker>) async throws {
        var failures = 0
        while true {
            do {
                if try await relay.publishOnce().published == 0 { return }
            } catch {
                failures += 1
                guard failures < 3 else { throw error }
                logger.warning("A publishing pass failed; trying again", metadata: ["error": "\(error)"])
                try await Task.sleep(for: .seconds(1))
            }
        }
    }

    // MARK: Data

    var intake: InvoiceIntake { InvoiceIntake(client: client, logger: logger) }
    var transitions: InvoiceTransitions { InvoiceTransitions(client: client, logger: logger) }

    static let address = PostalAddress(lines: ["12 rue de la Paix"], postalCode: "75002", city: "Paris", countryCode: "FR")

    /// A business tenant with one creditor and `debtors` debtors in `timeZone`, each with one
    /// invoice of 1 200.00 € due on `due`, planned on `today`.
    func seed(
        debtors count: Int, due: CalendarDate, today: CalendarDate, kind: DebtorKind = .business, timeZone: String = "Europe/Paris"
    ) async throws -> (tenant: Tenant, invoices: [Invoice]) {
        let tenant = Tenant(name: "Tenant \(UInt16.random(in: 0...9999))", kind: .business)
        try await TenantRepository(client: client, logger: logger).create(tenant)
        let creditor = Creditor(tenantId: tenant.id, name: "Créancier SAS", address: Self.address)
        try await CreditorRepository(client: client, logger: logger).create(creditor)
        var records: [DebtorRecord] = []
        var invoices: [Invoice] = []
        for index in 0..<count {
            let debtor = try Debtor(
                tenantId: tenant.id, creditorId: creditor.id, name: "Débiteur \(index)", kind: kind, language: .fr,
                timeZone: timeZone,
                contacts: DebtorContacts(email: "d\(index)@example.test", phone: "+33600000000", postalAddress: Self.address)
            )
            records.append(DebtorRecord(debtor: debtor))
            invoices.append(try Invoice(
                tenantId: tenant.id, creditorId: creditor.id, debtorId: debtor.id, number: "F-\(index)",
                issueDate: due.adding(days: -30), dueDate: due, amount: Money(minorUnits: 120_000, currency: .eur)
            ))
        }
        try await DebtorRepository(client: client, logger: logger).createMany(records)
        _ = try await intake.add(invoices, today: today)
        return (tenant, invoices)
    }

    // MARK: Reads

    func count(_ query: PostgresQuery) async throws -> Int {
        let rows = try await client.query(query, logger: logger)
        for try await value in rows.decode(Int.self) { return value }
        return 0
    }

    var jobCount: Int { get async throws { try await count("SELECT count(*)::int8 FROM jobs") } }
    var outcomeCount: Int { get async throws { try await count("SELECT count(*)::int8 FROM job_outcomes") } }

    /// Waits until every job has an outcome (or `timeout`); returns whether it happened.
    func waitForOutcomes(timeout: Duration = .seconds(60)) async throws -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let jobs = try await jobCount
            if try await outcomeCount >= jobs { return true }
            try await Task.sleep(for: .milliseconds(50))
        }
        return false
    }

    /// Waits until `condition` holds (or `timeout`).
    func wait(timeout: Duration = .seconds(60), until condition: @Sendable () async throws -> Bool) async throws -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if try await condition() { return true }
            try await Task.sleep(for: .milliseconds(50))
        }
        return false
    }
}

/// Runs a service in the background until `stop()`.
final class BackgroundService: Sendable {
    private let task: Task<Void, any Error>

    init(_ run: @escaping @Sendable () async throws -> Void) {
        task = Task { try await run() }
    }

    func stop() async {
        task.cancel()
        _ = await task.result
    }
}

extension DispatcherService {
    /// Claims until nothing is due at the clock's time; the claims' totals.
    @discardableResult
    func claimUntilIdle() async throws -> DispatchSummary {
        var total = DispatchSummary()
        while true {
            let summary = try await dispatchOnce()
            total += summary
            if summary.claimed == 0 { return total }
        }
    }
}

/// Declares a test's topology (24 quorum queues) before the test starts, two vhosts at a
/// time: a declaration made by the first publish would count against the relay's confirm
/// deadline.
enum TopologyGate {
    private static let slots = BrokerSlots(limit: 2)

    static func declare(url: String) async throws {
        try await slots.withSlot {
            var configuration = try AMQPConfiguration(url: url)
            configuration.connectTimeout = .seconds(60)
            let connection = try await AMQPConnection.connect(configuration)
            do {
                try await JobTopology().declare(on: connection)
            } catch {
                await connection.close()
                throw error
            }
            await connection.close()
        }
    }
}
