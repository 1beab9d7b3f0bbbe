import AMQP
import Foundation
import Logging
import PostgresNIO
import RelanceCore
import RelancePipeline
import RelanceRuntime
import RelanceStore
import RelanceTestSupport
import ServiceLifecycle
import Synchronization
import Testing

@Suite("Dead letters: collected into PostgreSQL, replayed under their own job id")
struct DeadLetterTests {

    @Test("""
        The worker's dead letters (a channel failing for good, an undecodable body) reach the table through the \
        collector with their reason; collected twice without an ack they are stored once; a replay runs the job once \
        more under its id and its failed outcome is kept aside; replaying again, or a contacted job, is refused; \
        a discard records its reason
        """)
    func collectReplayDiscard() async throws {
        let due = try CalendarDate(iso: "2026-03-02")
        try await PipelineHarness.run(start: PipelineHarness.morning(due.adding(days: 3))) { harness in
            let (tenant, invoices) = try await harness.seed(debtors: 2, due: due, today: due.adding(days: -10))
            try await harness.dispatchAll()
            try await harness.publishAll(harness.relay())
            // Not even JSON: the worker dead-letters it as undecodable.
            let broker = try harness.jobBroker()
            let published = try await broker.publisher.publish([OutgoingMessage(
                exchange: JobTopology.jobsExchange, routingKey: JobTopology.routingKey(for: .email), body: Array("not json {".utf8),
                properties: MessageProperties(deliveryMode: .persistent), mandatory: true
            )])
            #expect(published.allSatisfy { $0.isConfirmed })
            await broker.close()

            // Debtor 0's mailbox is refused for good until the test repairs it; debtor 1 is reached.
            let failing = invoices[0].debtorId.uuid
            let channel = RepairableChannel(brokenFor: failing)
            let worker = try harness.worker(channels: [channel])
            let workers = BackgroundService { try await worker.run() }
            #expect(try await harness.waitForOutcomes(timeout: .seconds(120)))
            let connection = try await AMQPConnection.connect(try harness.amqp)
            #expect(try await harness.wait(timeout: .seconds(60)) {
                try await connection.queueInfo(JobTopology.deadLetterQueue(for: .email)).messageCount == 2
            })

            // A collector that dies between its commit and its ack: stored, not acknowledged.
            let store = DeadLetterStore(client: harness.client, logger: harness.logger)
            let consumer = ReconnectingConsumer(configuration: try harness.amqp, queue: JobTopology.deadLetterQueue(for: .email),
                                                prefetch: 10, logger: harness.logger)
            var deliveries = consumer.makeAsyncIterator()
            var taken: [Delivery] = []
            while taken.count < 2, let batch = try await deliveries.nextBatch() { taken += batch }
            try await store.collect(taken.map { DeadLetterCollector<DeadLetterStore>.letter(from: $0, channel: "email") })
            await consumer.close()
            #expect(try await harness.count("SELECT count(*)::int8 FROM dead_letters") == 2)

            // The collector of `relance dispatcher` takes them again: nothing is stored twice, the queue empties.
            let collector = try harness.collector()
            let running = BackgroundService { try await collector.run() }
            #expect(try await harness.wait(timeout: .seconds(60)) {
                try await connection.queueInfo(JobTopology.deadLetterQueue(for: .email)).messageCount == 0
            })
            await running.stop()
            #expect(try await harness.count("SELECT count(*)::int8 FROM dead_letters") == 2)

            let letters = try await store.list(DeadLetterFilter())
            let failedJob = try #require(letters.first { $0.jobId != nil })
            let malformed = try #require(letters.first { $0.jobId == nil })
            #expect(failedJob.reason == "mailbox does not exist")
            #expect(failedJob.tenantId == tenant.id.uuid)
            #expect(failedJob.channel == "email")
            #expect(failedJob.firstDeadLetteredAt != nil)
            #expect(malformed.reason.hasPrefix("undecodable"))
            #expect(malformed.bodyText == "not json {")
            let jobId = try #require(failedJob.jobId)
            #expect(try await store.outcomes(ofJob: jobId).map(\.outcome) == ["failed_permanent"])

            // Replayed: back in the pipeline under its own id, processed once, reached this time.
            channel.repair()
            try await store.replay(failedJob.id, actor: "cli:test@host", reason: "mailbox repaired")
            #expect(try await harness.count("SELECT count(*)::int8 FROM job_outcomes WHERE job_id = \(jobId)") == 0)
            #expect(try await harness.count("SELECT count(*)::int8 FROM outbox WHERE job_id = \(jobId)") == 1)
            try await harness.publishAll(harness.relay())
            #expect(try await harness.wait(timeout: .seconds(120)) {
                try await harness.count("SELECT count(*)::int8 FROM job_outcomes WHERE job_id = \(jobId) AND outcome = 'sent'") == 1
            })
            await workers.stop()
            #expect(channel.attempts(failing) == 2)
            #expect(try await store.outcomes(ofJob: jobId).map(\.outcome) == ["sent", "failed_permanent"])
            #expect(try await harness.count("SELECT count(*)::int8 FROM jobs") == 2)
            let audit = try await OpsAuditLog(session: harness.client, logger: harness.logger).entries(action: "dead_letter.replay")
            #expect(audit.map(\.target) == ["dead_letter:\(failedJob.id)"])
            #expect(audit.first?.tenantId == tenant.id)
            #expect(audit.first?.reason == "mailbox repaired")

            // Replaying again is refused; so is any dead letter of a job whose debtor was contacted.
            await #expect(throws: DeadLetterRefusal.self) { try await store.replay(failedJob.id, actor: "cli:test@host", reason: nil) }
            let original = try #require(taken.first { (try? ReminderJob.decode(Data($0.body))) != nil })
            var copy = DeadLetterCollector<DeadLetterStore>.letter(from: original, channel: "email")
            copy.dedupKey += "|again"
            try await store.collect([copy])
            let contacted = try #require(try await store.list(DeadLetterFilter(state: .waiting)).first { $0.jobId == jobId })
            do {
                try await store.replay(contacted.id, actor: "cli:test@host", reason: nil)
                Issue.record("a contacted job was replayed")
            } catch let refusal as DeadLetterRefusal {
                #expect(refusal.code == .contacted)
            }

            // A discard keeps its reason, and says who.
            let discarded = try await store.discard(malformed.id, actor: "cli:test@host", reason: "test garbage")
            #expect(discarded.state == .discarded)
            #expect(discarded.stateReason == "test garbage")
            #expect(discarded.stateChangedBy == "cli:test@host")
            await connection.close()
        }
    }
}

extension DeadLetterTests {
    @Test("A replayed job whose debtor paid meanwhile is skipped by the stale-job guard, not contacted")
    func replayAfterPayment() async throws {
        let due = try CalendarDate(iso: "2026-03-02")
        try await PipelineHarness.run(start: PipelineHarness.morning(due.adding(days: 3))) { harness in
            let (_, invoices) = try await harness.seed(debtors: 1, due: due, today: due.adding(days: -10))
            try await harness.dispatchAll()
            try await harness.publishAll(harness.relay())
            let debtor = invoices[0].debtorId.uuid
            let channel = RepairableChannel(brokenFor: debtor)
            let worker = try harness.worker(channels: [channel])
            let workers = BackgroundService { try await worker.run() }
            #expect(try await harness.waitForOutcomes(timeout: .seconds(120)))

            let rows = try await harness.client.query("SELECT id, tenant_id, payload::text FROM jobs", logger: harness.logger)
            var found: (UUID, UUID, String)?
            for try await row in rows.decode((UUID, UUID, String).self) { found = row }
            let (jobId, tenantId, payload) = try #require(found)
            let store = DeadLetterStore(client: harness.client, logger: harness.logger)
            try await store.collect([CollectedDeadLetter(
                tenantId: tenantId, jobId: jobId, channel: "email", reason: "mailbox does not exist", body: Array(payload.utf8),
                headers: "{}", deathCount: 1, firstDeadLetteredAt: Date(), dedupKey: "\(jobId)|test|1"
            )])
            let letter = try #require(try await store.list(DeadLetterFilter()).first)

            _ = try await harness.transitions.recordPayment(
                Payment(invoiceId: invoices[0].id, date: due.adding(days: 3), amount: invoices[0].amount), today: due.adding(days: 3)
            )
            channel.repair()
            try await store.replay(letter.id, actor: "cli:test@host", reason: "paid meanwhile?")
            try await harness.publishAll(harness.relay())
            #expect(try await harness.wait(timeout: .seconds(120)) {
                try await harness.count("SELECT count(*)::int8 FROM job_outcomes WHERE job_id = \(jobId)") == 1
            })
            await workers.stop()
            #expect(try await store.outcomes(ofJob: jobId).map(\.outcome) == ["skipped_paid", "failed_permanent"])
            #expect(channel.attempts(debtor) == 1)
        }
    }
}

extension DeadLetterTests {
    @Test("""
        A message handed back again and again (a worker dying on it) is dead-lettered by the broker at the queue's \
        delivery limit; the collector keeps the broker's reason, delivery_limit; a replay runs the job once
        """)
    func deliveryLimit() async throws {
        let due = try CalendarDate(iso: "2026-03-02")
        try await PipelineHarness.run(start: PipelineHarness.morning(due.adding(days: 3))) { harness in
            let (_, invoices) = try await harness.seed(debtors: 1, due: due, today: due.adding(days: -10))
            try await harness.dispatchAll()
            try await harness.publishAll(harness.relay())

            // A consumer that never settles the job but hands it back each time, as a worker
            // killed mid-job does, until the broker gives up on it.
            let connection = try await AMQPConnection.connect(try harness.amqp)
            let queue = JobTopology.queue(for: .email)
            let deadLetters = JobTopology.deadLetterQueue(for: .email)
            let consumer = ReconnectingConsumer(configuration: try harness.amqp, queue: queue, prefetch: 1, logger: harness.logger)
            let returning = Task {
                var deliveries = consumer.makeAsyncIterator()
                var handedBack = 0
                while let batch = try await deliveries.nextBatch() {
                    for delivery in batch {
                        delivery.nack(requeue: true)
                        handedBack += 1
                    }
                }
                return handedBack
            }
            #expect(try await harness.wait(timeout: .seconds(120)) {
                try await connection.queueInfo(deadLetters).messageCount == 1
            })
            await consumer.close()
            let handedBack = try await returning.value
            #expect(handedBack > Int(JobTopology().deliveryLimit), "handed back \(handedBack) times")
            #expect(try await connection.queueInfo(queue).messageCount == 0)
            #expect(try await harness.count("SELECT count(*)::int8 FROM job_outcomes") == 0, "the broker's dead-lettering writes no outcome")

            let collector = try harness.collector()
            let collecting = BackgroundService { try await collector.run() }
            #expect(try await harness.wait(timeout: .seconds(60)) {
                try await harness.count("SELECT count(*)::int8 FROM dead_letters") == 1
            })
            await collecting.stop()
            let store = DeadLetterStore(client: harness.client, logger: harness.logger)
            let letter = try #require(try await store.list(DeadLetterFilter()).first)
            #expect(letter.reason == "delivery_limit")
            #expect(letter.channel == "email")
            #expect(letter.deathCount >= 1)
            let jobId = try #require(letter.jobId)

            // Replayed: the job has no outcome to move aside; it runs once, under its id.
            try await store.replay(letter.id, actor: "cli:test@host", reason: "worker fixed")
            try await harness.publishAll(harness.relay())
            let channel = RepairableChannel(brokenFor: UUID())
            let worker = try harness.worker(channels: [channel])
            let workers = BackgroundService { try await worker.run() }
            #expect(try await harness.wait(timeout: .seconds(120)) {
                try await harness.count("SELECT count(*)::int8 FROM job_outcomes WHERE job_id = \(jobId) AND outcome = 'sent'") == 1
            })
            await workers.stop()
            #expect(channel.attempts(invoices[0].debtorId.uuid) == 1)
            #expect(try await store.outcomes(ofJob: jobId).map(\.outcome) == ["sent"])
            await connection.close()
        }
    }
}

extension PipelineHarness {
    /// The dead-letter collector as `relance dispatcher` builds it.
    func collector() throws -> InProcessWorker {
        let pipeline = try buildPipelineServices(
            database: databaseURL, amqp: try amqp, settings: settings(.deadLetters), reference: reference, channels: [],
            clock: clock, logger: logger
        )
        return InProcessWorker(pipeline: pipeline, logger: logger)
    }
}

/// Refuses one debtor's mailbox for good until repaired; sends everything else.
final class RepairableChannel: ReminderChannel, Sendable {
    let channels = Set(Channel.allCases)
    private let state: Mutex<(broken: Bool, tries: [UUID: Int])>
    let brokenFor: UUID

    init(brokenFor: UUID) {
        self.brokenFor = brokenFor
        state = Mutex((true, [:]))
    }

    func repair() { state.withLock { $0.broken = false } }

    func attempts(_ debtor: UUID) -> Int { state.withLock { $0.tries[debtor] ?? 0 } }

    func perform(_ job: ChannelJob) async throws(RelancePipeline.ChannelError) -> ChannelDelivery {
        let debtor = job.job.debtorId
        let broken = state.withLock { state -> Bool in
            state.tries[debtor, default: 0] += 1
            return state.broken
        }
        if broken && debtor == brokenFor { throw .permanent("mailbox does not exist") }
        return ChannelDelivery(outcome: .sent)
    }
}
