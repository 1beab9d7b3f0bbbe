import AMQP
import Foundation
import Logging
import PostgresNIO
import RelanceCore
import RelancePipeline
import RelanceStore
import Synchronization
import Testing

/// What a worker does when its database fails it: an outage is waited out with the batch held,
/// and a value the database refuses is dead-lettered alone.
@Suite("Worker faults")
struct WorkerFaultTests {
    static let due = try! CalendarDate(iso: "2026-03-02")

    /// Dispatches and publishes one job per debtor; returns the broker.
    static func publishJobs(_ harness: PipelineHarness, debtors: Int) async throws -> AMQPJobBroker {
        _ = try await harness.seed(debtors: debtors, due: due, today: due.adding(days: -10))
        let broker = try harness.jobBroker()
        try await harness.dispatchAll()
        try await harness.publishAll(harness.relay())
        #expect(try await harness.jobCount == debtors)
        return broker
    }

    /// Takes the first message of the email dead-letter queue and returns the reason it carries.
    static func takeDeadLetterReason(on connection: AMQPConnection) async throws -> String {
        let consumer = try await connection.consume(queue: JobTopology.deadLetterQueue(for: .email), prefetch: 1)
        var reason = ""
        for try await delivery in consumer {
            reason = delivery.headers[AMQPJobBroker.reasonHeader]?.stringValue ?? ""
            delivery.ack()
            break
        }
        await consumer.close()
        return reason
    }

    static func worker(
        _ harness: PipelineHarness, storage: some WorkerStorage, channel: some ReminderChannel, broker: AMQPJobBroker
    ) -> WorkerService<some WorkerStorage, AMQPJobBroker> {
        var configuration = WorkerConfiguration()
        configuration.prefetch = 50
        configuration.databaseFailurePause = .milliseconds(50)
        configuration.maximumFailurePause = .milliseconds(200)
        let processor = JobProcessor(
            storage: storage, channels: [channel], composer: MessageComposer(rateTables: harness.reference.rateTables),
            clock: harness.clock, logger: harness.logger
        )
        return WorkerService(processor: processor, broker: broker, configuration: configuration, logger: harness.logger)
    }

    @Test("The database unreachable for a while: the worker holds its batch and finishes it once back; nothing handed back, nobody contacted twice")
    func outageHeld() async throws {
        try await PipelineHarness.run(start: PipelineHarness.morning(Self.due.adding(days: 3))) { harness in
            let broker = try await Self.publishJobs(harness, debtors: 6)
            // The first reads fail, then the first writes: as while PostgreSQL restarts.
            let storage = FlakyStorage(WorkerStore(client: harness.client, logger: harness.logger), failLoads: 2, failRecords: 3)
            let channel = AttemptsChannel()
            let worker = Self.worker(harness, storage: storage, channel: channel, broker: broker)
            let workers = BackgroundService { try await worker.run() }
            #expect(try await harness.waitForOutcomes())
            await workers.stop()
            await broker.close()

            #expect(storage.failures == 5)
            // Each job acted on once, at its first attempt: the batch never went back to the queue.
            let acted = channel.jobs
            #expect(acted.count == 6 && Set(acted.map(\.id)).count == 6)
            #expect(acted.allSatisfy { $0.attempt == 1 })
            #expect(try await harness.count("SELECT count(*)::int8 FROM job_outcomes WHERE outcome = 'sent'") == 6)
        }
    }

    @Test("An outcome the database refuses is dead-lettered alone, with an outcome saying why; the rest of its batch commits")
    func refusedOutcomeIsolated() async throws {
        try await PipelineHarness.run(start: PipelineHarness.morning(Self.due.adding(days: 3))) { harness in
            let broker = try await Self.publishJobs(harness, debtors: 8)
            let jobs = try await harness.client.query("SELECT id FROM jobs ORDER BY id", logger: harness.logger)
            var ids: [UUID] = []
            for try await id in jobs.decode(UUID.self) { ids.append(id) }
            let poisoned = ids[3]
            // One job's channel reports a detail that is not JSON: the outcomes' insert refuses it.
            let channel = AttemptsChannel(badDetailFor: poisoned)
            let worker = Self.worker(harness, storage: WorkerStore(client: harness.client, logger: harness.logger),
                                     channel: channel, broker: broker)
            let workers = BackgroundService { try await worker.run() }
            #expect(try await harness.waitForOutcomes())
            let connection = try await AMQPConnection.connect(try harness.amqp)
            #expect(try await harness.wait {
                try await connection.queueInfo(JobTopology.deadLetterQueue(for: .email)).messageCount == 1
            })
            await workers.stop()
            await broker.close()

            let rows = try await harness.client.query(
                "SELECT job_id, outcome, detail->>'reason' FROM job_outcomes", logger: harness.logger
            )
            var outcomes: [UUID: (String, String?)] = [:]
            for try await (job, outcome, reason) in rows.decode((UUID, String, String?).self) { outcomes[job] = (outcome, reason) }
            #expect(outcomes.count == 8)
            #expect(outcomes[poisoned]?.0 == "dead_lettered")
            #expect(outcomes[poisoned]?.1?.hasPrefix("outcome refused: ") == true)
            #expect(outcomes.filter { $0.key != poisoned }.allSatisfy { $0.value.0 == "sent" })
            let reason = try await Self.takeDeadLetterReason(on: connection)
            await connection.close()
            #expect(reason.hasPrefix("outcome refused: "))
        }
    }

    @Test("A message whose attempt header is not a positive count is dead-lettered with the reason, and the batch goes on")
    func invalidAttemptHeader() async throws {
        try await PipelineHarness.run(start: PipelineHarness.morning(Self.due.adding(days: 3))) { harness in
            _ = try await harness.seed(debtors: 3, due: Self.due, today: Self.due.adding(days: -10))
            let broker = try harness.jobBroker()
            try await harness.dispatchAll()
            // The relay's messages, one of them sent again by hand with an attempt count of 0.
            let rows = try await harness.client.query("SELECT payload::text FROM jobs ORDER BY id LIMIT 1", logger: harness.logger)
            var payload = ""
            for try await text in rows.decode(String.self) { payload = text }
            var properties = MessageProperties.persistent
            properties.headers.fields[AMQPJobBroker.attemptHeader] = .int64(0)
            let published = try await broker.publisher.publish([
                OutgoingMessage(exchange: JobTopology.jobsExchange, routingKey: "email", body: Array(payload.utf8),
                                properties: properties, mandatory: true),
            ])
            #expect(published.allSatisfy { $0.isConfirmed })
            try await harness.publishAll(harness.relay())

            let worker = try harness.worker()
            let workers = BackgroundService { try await worker.run() }
            #expect(try await harness.waitForOutcomes())
            let connection = try await AMQPConnection.connect(try harness.amqp)
            #expect(try await harness.wait {
                try await connection.queueInfo(JobTopology.deadLetterQueue(for: .email)).messageCount == 1
            })
            await workers.stop()
            await broker.close()
            let reason = try await Self.takeDeadLetterReason(on: connection)
            await connection.close()
            #expect(reason == "invalid attempt count 0")
            #expect(try await harness.count("SELECT count(*)::int8 FROM job_outcomes WHERE outcome = 'recorded'") == 3)
        }
    }
}

/// A worker storage whose first reads and writes fail, as a database restarting would.
final class FlakyStorage<Inner: WorkerStorage>: WorkerStorage {
    struct Unreachable: Error {}

    private let inner: Inner
    private let state: Mutex<(loads: Int, records: Int, failures: Int)>

    init(_ inner: Inner, failLoads: Int, failRecords: Int) {
        self.inner = inner
        self.state = Mutex((failLoads, failRecords, 0))
    }

    var failures: Int { state.withLock { $0.failures } }

    func load(tenantIds: [UUID], debtorIds: [UUID], invoiceIds: [UUID], now: Date) async throws -> BatchSnapshot {
        try fail(\.loads)
        return try await inner.load(tenantIds: tenantIds, debtorIds: debtorIds, invoiceIds: invoiceIds, now: now)
    }

    func standings(of jobs: [(jobId: UUID, tenantId: UUID)]) async throws -> [UUID: JobStanding] {
        try await inner.standings(of: jobs)
    }

    func claim(_ jobs: [JobClaim], holder: UUID, for duration: Duration) async throws -> Set<UUID> {
        try await inner.claim(jobs, holder: holder, for: duration)
    }

    func extendClaims(of holders: [UUID], for duration: Duration) async throws {
        try await inner.extendClaims(of: holders, for: duration)
    }

    func record(_ outcomes: [JobOutcome]) async throws -> Set<UUID> {
        try fail(\.records)
        return try await inner.record(outcomes)
    }

    private func fail(_ counter: WritableKeyPath<(loads: Int, records: Int, failures: Int), Int>) throws {
        let failing = state.withLock { state -> Bool in
            guard state[keyPath: counter] > 0 else { return false }
            state[keyPath: counter] -= 1
            state.failures += 1
            return true
        }
        if failing { throw Unreachable() }
    }
}

/// Records each job it acts on with its attempt; for one job, reports a detail that is not JSON.
final class AttemptsChannel: ReminderChannel {
    let channels = Set(Channel.allCases)
    private let acted = Mutex<[(id: UUID, attempt: Int)]>([])
    private let badDetailFor: UUID?

    init(badDetailFor: UUID? = nil) {
        self.badDetailFor = badDetailFor
    }

    var jobs: [(id: UUID, attempt: Int)] { acted.withLock { $0 } }

    func perform(_ job: ChannelJob) async throws(RelancePipeline.ChannelError) -> ChannelDelivery {
        acted.withLock { $0.append((job.job.jobId, job.attempt)) }
        return ChannelDelivery(outcome: .sent, detail: job.job.jobId == badDetailFor ? "{not json" : "{}")
    }
}
